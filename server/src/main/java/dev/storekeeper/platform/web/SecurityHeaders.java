package dev.storekeeper.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every response carries, pages above all (product, hosted checkout, receipt,
 * access, blog, and any page to come): no site may frame them
 * ({@code frame-ancestors 'none'}, {@code X-Frame-Options: DENY}), no content type is
 * sniffed, and no address (which may hold a checkout's secret) leaks as a referrer. A
 * page that sets its own {@code Content-Security-Policy} keeps it, with
 * {@code frame-ancestors 'none'} added when it says nothing of framing.
 */
public class SecurityHeaders extends OncePerRequestFilter {

	static final String CSP = "Content-Security-Policy";

	static final String NO_FRAMING = "frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		set(response);
		chain.doFilter(request, new PolicyKeeper(response));
	}

	static void set(HttpServletResponse response) {
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader(CSP, NO_FRAMING);
	}

	/** Folds a page's own policy into the one header, never framed. */
	static final class PolicyKeeper extends HttpServletResponseWrapper {

		PolicyKeeper(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, CSP.equalsIgnoreCase(name) ? unframed(value) : value);
		}

		@Override
		public void addHeader(String name, String value) {
			if (CSP.equalsIgnoreCase(name)) {
				super.setHeader(name, unframed(value));
			}
			else {
				super.addHeader(name, value);
			}
		}

		@Override
		public void reset() {
			super.reset();
			set((HttpServletResponse) getResponse());
		}

		private static String unframed(String policy) {
			if (policy == null || policy.toLowerCase(Locale.ROOT).contains("frame-ancestors")) {
				return policy;
			}
			String trimmed = policy.strip();
			return trimmed.isEmpty() ? NO_FRAMING : trimmed + (trimmed.endsWith(";") ? " " : "; ") + NO_FRAMING;
		}

	}

}
