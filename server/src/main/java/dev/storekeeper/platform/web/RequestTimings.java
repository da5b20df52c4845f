package dev.storekeeper.platform.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times every request into {@code http.server.requests} (Prometheus:
 * {@code http_server_requests_seconds}) by method, route pattern, status and outcome, in
 * place of Spring's HTTP server observation, which cost about 8 % of a product read (a
 * context, key values and handlers per request): one clock read at each end and one map
 * lookup of a timer made once per route and status.
 */
public class RequestTimings extends OncePerRequestFilter {

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private final MeterRegistry meters;

	private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

	private record Key(String method, String uri, int status) {
	}

	public RequestTimings(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
			String uri = (request
				.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) ? pattern
						: "UNKNOWN";
			Key key = new Key(method, uri, response.getStatus());
			Timer timer = this.timers.get(key);
			if (timer == null) {
				timer = this.timers.computeIfAbsent(key, this::timer);
			}
			timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	private Timer timer(Key key) {
		return Timer.builder("http.server.requests")
			.description("HTTP requests served by this node, by method, route, status and outcome")
			.tag("method", key.method())
			.tag("uri", key.uri())
			.tag("status", String.valueOf(key.status()))
			.tag("outcome", outcome(key.status()))
			.register(this.meters);
	}

	private static String outcome(int status) {
		return switch (status / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			case 5 -> "SERVER_ERROR";
			default -> "UNKNOWN";
		};
	}

}
