package dev.storekeeper.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The platform's filters as one servlet filter: each step runs in order, as a chain of
 * its own, without a pass through the servlet container's filter chain for each of them
 * or the request attributes each {@code OncePerRequestFilter} sets and removes (about a
 * tenth of a cached product read). Registered for the {@code REQUEST} dispatch only,
 * which is where each of them acted before (a {@code OncePerRequestFilter} skips error
 * and async dispatches and nested forwards).
 */
final class PlatformFilters implements Filter {

	/** One filter's work: run {@code next} or answer in its place. */
	@FunctionalInterface
	interface Step {

		void filter(HttpServletRequest request, HttpServletResponse response, FilterChain next)
				throws ServletException, IOException;

	}

	private final Step[] steps;

	PlatformFilters(List<Step> steps) {
		this.steps = steps.toArray(Step[]::new);
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
			new Next(chain, 0).doFilter(http, answer);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	/** The rest of the steps from {@code index}, then the container's chain. */
	private final class Next implements FilterChain {

		private final FilterChain chain;

		private final int index;

		Next(FilterChain chain, int index) {
			this.chain = chain;
			this.index = index;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
			if (this.index == PlatformFilters.this.steps.length) {
				this.chain.doFilter(request, response);
				return;
			}
			PlatformFilters.this.steps[this.index].filter((HttpServletRequest) request, (HttpServletResponse) response,
					new Next(this.chain, this.index + 1));
		}

	}

}
