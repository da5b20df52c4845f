package dev.storekeeper.platform;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads each request body once, refusing those over 1 MiB with 413 whether or not they
 * declare a length, and keeps it so the idempotency check and the controller can both
 * read it.
 */
public class BodyLimit extends OncePerRequestFilter {

	/** The largest body accepted. */
	public static final int MAX_BYTES = 1024 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return StreamedBodies.isStreamed(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > MAX_BYTES) {
			tooLarge(response);
			return;
		}
		String contentType = request.getContentType();
		if (contentType != null
				&& contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			// HTML forms (the hosted checkout page) are read by the container as
			// parameters, within its own limit
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
		if (body.length > MAX_BYTES) {
			tooLarge(response);
			return;
		}
		chain.doFilter(new CachedBody(request, body), response);
	}

	private static void tooLarge(HttpServletResponse response) throws IOException {
		response.setHeader("Connection", "close");
		ErrorResponses.write(response,
				ApiError.of(413, "payload_too_large", "Request bodies may be at most 1 MiB (1048576 bytes)"));
	}

	/** The bytes of the body read by {@link BodyLimit}, or none. */
	public static byte[] bodyOf(HttpServletRequest request) throws IOException {
		if (request instanceof CachedBody cached) {
			return cached.body;
		}
		HttpServletRequest current = request;
		while (current instanceof HttpServletRequestWrapper wrapper
				&& wrapper.getRequest() instanceof HttpServletRequest inner) {
			if (inner instanceof CachedBody cached) {
				return cached.body;
			}
			current = inner;
		}
		return request.getInputStream().readAllBytes();
	}

	static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return false;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Bodies are read eagerly");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
