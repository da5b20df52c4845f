package dev.storekeeper.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /metrics} only for {@code Authorization: Bearer <METRICS_TOKEN>} when that
 * setting is set (401 otherwise); without it the metrics are public, for a deployment
 * that keeps the path off the internet at its proxy.
 */
public class MetricsAccess extends OncePerRequestFilter {

	private final byte[] token;

	public MetricsAccess(String token) {
		this.token = token.trim().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return this.token.length == 0 || !(path.equals("/metrics") || path.startsWith("/metrics/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		String given = (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) ? header.substring(7).trim()
				: "";
		if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), this.token)) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
			ErrorResponses.write(response,
					ApiError.of(401, "unauthorized", "The metrics need Authorization: Bearer <METRICS_TOKEN>"));
			return;
		}
		chain.doFilter(request, response);
	}

}
