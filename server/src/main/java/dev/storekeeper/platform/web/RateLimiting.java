package dev.storekeeper.platform.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per API token (the account's plan, or the server's default), and per
 * client address on the public pages (the address behind a trusted proxy, see
 * {@link TrustedProxies}); every answer carries the {@code X-RateLimit-*} headers, and
 * one over the limit is a 429.
 */
public class RateLimiting extends OncePerRequestFilter {

	private final RateLimiter limiter;

	private final RateLimitSettings settings;

	private final TrustedProxies proxies;

	public RateLimiting(RateLimiter limiter, RateLimitSettings settings) {
		this(limiter, settings, TrustedProxies.none());
	}

	public RateLimiting(RateLimiter limiter, RateLimitSettings settings, TrustedProxies proxies) {
		this.limiter = limiter;
		this.settings = settings;
		this.proxies = proxies;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key;
		int perMinute = this.settings.perMinute();
		int burst = this.settings.burst();
		if (request.getAttribute(ApiAuthentication.ATTRIBUTE) instanceof Caller caller) {
			key = "tok:" + caller.tokenId();
			if (caller.plan() != null) {
				perMinute = caller.plan().perMinute();
				burst = caller.plan().burst();
			}
			else if (!this.settings.enabled()) {
				chain.doFilter(request, response);
				return;
			}
		}
		else if (isPublicPage(request.getRequestURI()) && this.settings.enabled()) {
			key = "ip:" + clientKey(this.proxies.clientAddress(request));
		}
		else {
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe probe = this.limiter.tryConsume(key, perMinute, burst);
		response.setHeader("X-RateLimit-Limit", String.valueOf(perMinute));
		response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
		response.setHeader("X-RateLimit-Reset", String.valueOf(seconds(probe.getNanosToWaitForReset())));
		if (!probe.isConsumed()) {
			long wait = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
			response.setHeader("Retry-After", String.valueOf(wait));
			ErrorResponses.write(response, ApiError.of(429, "rate_limited",
					"Too many requests: " + perMinute + " a minute allowed; retry in " + wait + " s"));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isPublicPage(String path) {
		return path.startsWith("/v1/client/") || path.startsWith("/checkout/") || path.startsWith("/l/")
				|| path.startsWith("/access/") || path.startsWith("/p/") || path.startsWith("/blog/");
	}

	/**
	 * The bucket of a client address: an IPv6 client by its /64, the block one site or
	 * subscriber holds, so that it cannot get a fresh bucket per address.
	 */
	static String clientKey(String address) {
		byte[] bytes = TrustedProxies.literal(address);
		if (bytes == null || bytes.length != 16) {
			return address;
		}
		return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
	}

	private static long seconds(long nanos) {
		return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
	}

}
