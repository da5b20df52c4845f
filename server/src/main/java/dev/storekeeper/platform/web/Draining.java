package dev.storekeeper.platform.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Graceful shutdown: once the server starts stopping, requests already running finish,
 * and new ones (on connections still open) are answered {@code 503} with
 * {@code Retry-After}, so clients retry on another node.
 */
public class Draining extends OncePerRequestFilter implements ApplicationListener<ContextClosedEvent> {

	private final AtomicBoolean draining = new AtomicBoolean();

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.draining.set(true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.draining.get()) {
			response.setHeader("Retry-After", "5");
			response.setHeader("Connection", "close");
			ErrorResponses.write(response,
					ApiError.of(503, "service_unavailable", "The server is shutting down; retry shortly"));
			return;
		}
		chain.doFilter(request, response);
	}

}
