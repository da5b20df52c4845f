package dev.storekeeper.platform.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <token>} on every {@code /v1} call but the public
 * ones, and records the caller for the rest of the request.
 */
public class ApiAuthentication extends OncePerRequestFilter {

	/** The request attribute that holds the {@link Caller}. */
	public static final String ATTRIBUTE = "storekeeper.caller";

	private final Authenticator authenticator;

	public ApiAuthentication(Authenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !requiresToken(request.getRequestURI());
	}

	/**
	 * Whether a path is part of the authenticated API (the checkout client API and the
	 * contract are public).
	 */
	static boolean requiresToken(String path) {
		return ((path.startsWith("/v1/") || path.equals("/v1")) && !path.startsWith("/v1/client/")
				&& !path.equals("/v1/openapi.json")) || WireDialect.isSellvy(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || header.isBlank()) {
			unauthorized(response, "No API token given: send Authorization: Bearer <token>");
			return;
		}
		String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
		Optional<Caller> caller = token.isEmpty() ? Optional.empty() : this.authenticator.authenticate(token);
		if (caller.isEmpty()) {
			unauthorized(response, "Invalid API token");
			return;
		}
		request.setAttribute(ATTRIBUTE, caller.get());
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.authenticator.finish();
		}
	}

	private static void unauthorized(HttpServletResponse response, String message) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer realm=\"storekeeper\"");
		ErrorResponses.write(response, ApiError.of(401, "unauthorized", message));
	}

}
