package dev.storekeeper.platform.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits every request body, whatever its content type and whether or not it declares a
 * length, before anything reads it: over the limit is a 413. A body within the default
 * limit (1 MiB) is read once and kept, so the idempotency check and the controller can
 * both read it; an HTML form's fields are parsed from those kept bytes, never by the
 * container from an unbounded stream. A route that takes large uploads declares its own
 * limit with a {@link LargeBody} bean: its body is not kept but streamed to the
 * controller, which fails with {@link PayloadTooLarge} once the stream passes that limit.
 */
public class BodyLimit extends OncePerRequestFilter {

	/** The largest body accepted by every route that declares no larger limit. */
	public static final int MAX_BYTES = 1024 * 1024;

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final byte[] NO_BODY = new byte[0];

	private final List<LargeBody> largeBodies;

	public BodyLimit() {
		this(List.of());
	}

	public BodyLimit(List<LargeBody> largeBodies) {
		this.largeBodies = List.copyOf(largeBodies);
	}

	/**
	 * A route that reads its own body as a stream, up to {@code maxBytes} rather than the
	 * default limit (an upload): requests with this method whose path starts with
	 * {@code pathPrefix} and, when {@code mediaType} is given, whose body is of that
	 * type.
	 */
	public record LargeBody(String method, String pathPrefix, @Nullable String mediaType, long maxBytes) {

		public LargeBody(String method, String pathPrefix, long maxBytes) {
			this(method, pathPrefix, null, maxBytes);
		}

		boolean matches(HttpServletRequest request) {
			if (!this.method.equalsIgnoreCase(request.getMethod())
					|| !request.getRequestURI().startsWith(this.pathPrefix)) {
				return false;
			}
			String type = request.getContentType();
			return this.mediaType == null || (type != null && type.toLowerCase(Locale.ROOT).startsWith(this.mediaType));
		}

	}

	/** A streamed body went past the limit of its route, while being read. */
	public static final class PayloadTooLarge extends RuntimeException {

		private final long maxBytes;

		public PayloadTooLarge(long maxBytes) {
			super("Request bodies may be at most " + describe(maxBytes) + " on this route");
			this.maxBytes = maxBytes;
		}

		public long maxBytes() {
			return this.maxBytes;
		}

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		for (LargeBody large : this.largeBodies) {
			if (large.matches(request)) {
				if (declared > large.maxBytes()) {
					tooLarge(response, large.maxBytes());
					return;
				}
				chain.doFilter(new LimitedBody(request, large.maxBytes()), response);
				return;
			}
		}
		if (declared > MAX_BYTES) {
			tooLarge(response, MAX_BYTES);
			return;
		}
		byte[] body = hasBody(request, declared) ? request.getInputStream().readNBytes(MAX_BYTES + 1) : NO_BODY;
		if (body.length > MAX_BYTES) {
			tooLarge(response, MAX_BYTES);
			return;
		}
		String contentType = request.getContentType();
		boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
		chain.doFilter(form ? new FormBody(request, body) : new CachedBody(request, body), response);
	}

	/**
	 * Whether the request may carry a body: HTTP/1.1 has one only when a length above
	 * zero or a transfer coding is declared. Reading nothing from a body-less request
	 * (most GETs) would still allocate a read buffer each time.
	 */
	private static boolean hasBody(HttpServletRequest request, long declared) {
		return declared > 0 || (declared < 0 && request.getHeader("Transfer-Encoding") != null);
	}

	/** Answers 413 in the API's error shape and closes the connection. */
	public static void tooLarge(HttpServletResponse response, long maxBytes) throws IOException {
		response.setHeader("Connection", "close");
		ErrorResponses.write(response, ApiError.of(413, "payload_too_large",
				"Request bodies may be at most " + describe(maxBytes) + " on this route"));
	}

	private static String describe(long bytes) {
		return (bytes == MAX_BYTES) ? "1 MiB (1048576 bytes)" : bytes + " bytes";
	}

	/**
	 * Whether this request's body is streamed to its route (a {@link LargeBody}) rather
	 * than kept in memory.
	 */
	public static boolean isStreamed(HttpServletRequest request) {
		HttpServletRequest current = request;
		while (true) {
			if (current instanceof LimitedBody) {
				return true;
			}
			if (current instanceof HttpServletRequestWrapper wrapper
					&& wrapper.getRequest() instanceof HttpServletRequest inner) {
				current = inner;
			}
			else {
				return false;
			}
		}
	}

	/**
	 * The bytes of the body read by {@link BodyLimit}; none for a route that streams its
	 * own body (it is never read into memory for anyone else).
	 */
	public static byte[] bodyOf(HttpServletRequest request) throws IOException {
		HttpServletRequest current = request;
		while (true) {
			if (current instanceof CachedBody cached) {
				return cached.body;
			}
			if (current instanceof HttpServletRequestWrapper wrapper
					&& wrapper.getRequest() instanceof HttpServletRequest inner) {
				current = inner;
			}
			else {
				return new byte[0];
			}
		}
	}

	static class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new Stream(new ByteArrayInputStream(this.body));
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
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

	/**
	 * A form whose fields are read from the kept body (and the query string), as the
	 * container would have read them.
	 */
	static final class FormBody extends CachedBody {

		private final Map<String, String[]> parameters;

		FormBody(HttpServletRequest request, byte[] body) {
			super(request, body);
			Charset charset = charset(request);
			Map<String, List<String>> values = new LinkedHashMap<>();
			String query = request.getQueryString();
			if (query != null) {
				parse(query, StandardCharsets.UTF_8, values);
			}
			parse(new String(body, StandardCharsets.ISO_8859_1), charset, values);
			Map<String, String[]> parameters = new LinkedHashMap<>();
			values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(parameters);
		}

		private static void parse(String text, Charset charset, Map<String, List<String>> into) {
			for (String pair : text.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = (equals >= 0) ? pair.substring(0, equals) : pair;
				String value = (equals >= 0) ? pair.substring(equals + 1) : "";
				try {
					into.computeIfAbsent(decode(name, charset), (key) -> new ArrayList<>()).add(decode(value, charset));
				}
				catch (IllegalArgumentException ex) {
					// a malformed escape: the field is ignored, as the container does
				}
			}
		}

		private static String decode(String text, Charset charset) {
			// the raw bytes were read as ISO-8859-1, one char a byte; decoded as sent
			String bytes = URLDecoder.decode(text, StandardCharsets.ISO_8859_1);
			return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), charset);
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			String[] values = this.parameters.get(name);
			return (values != null) ? values.clone() : null;
		}

	}

	/** A body streamed to its route, failing once it passes the route's limit. */
	static final class LimitedBody extends HttpServletRequestWrapper {

		private final long maxBytes;

		private @Nullable ServletInputStream stream;

		LimitedBody(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int off, int len) throws IOException {
						int n = in.read(buffer, off, len);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) {
						this.read += n;
						if (this.read > LimitedBody.this.maxBytes) {
							throw new PayloadTooLarge(LimitedBody.this.maxBytes);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
		}

	}

	private static Charset charset(HttpServletRequest request) {
		String encoding = request.getCharacterEncoding();
		try {
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private static final class Stream extends ServletInputStream {

		private final InputStream in;

		Stream(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			return this.in.read();
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return this.in.read(b, off, len);
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

	}

}
