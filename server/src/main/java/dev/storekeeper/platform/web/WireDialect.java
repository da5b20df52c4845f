package dev.storekeeper.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The wire dialect of a request, by its path: {@code /sellvy/v1} speaks Sellvy, the rest
 * Crevio. Runs first, so that every error written for the request afterwards, by a
 * filter, an interceptor or the exception handler, takes the dialect's shape
 * ({@link ErrorResponses}).
 */
public class WireDialect extends OncePerRequestFilter {

	/** Where the Sellvy dialect is mounted. */
	public static final String SELLVY_PREFIX = "/sellvy/v1";

	/** Whether a path belongs to the Sellvy dialect. */
	public static boolean isSellvy(String path) {
		return path.equals(SELLVY_PREFIX) || path.startsWith(SELLVY_PREFIX + "/") || path.equals("/sellvy")
				|| path.startsWith("/sellvy/");
	}

	/** Whether a response is answering a Sellvy-dialect request. */
	static boolean isSellvy(ServletResponse response) {
		ServletResponse current = response;
		while (true) {
			if (current instanceof SellvyResponse) {
				return true;
			}
			if (!(current instanceof ServletResponseWrapper wrapper)) {
				return false;
			}
			current = wrapper.getResponse();
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isSellvy(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new SellvyResponse(response));
	}

	/** A response to a Sellvy-dialect request. */
	static final class SellvyResponse extends HttpServletResponseWrapper {

		SellvyResponse(HttpServletResponse response) {
			super(response);
		}

	}

}
