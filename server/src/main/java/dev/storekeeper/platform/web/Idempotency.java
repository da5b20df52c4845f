package dev.storekeeper.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on {@code POST} and {@code PATCH}: the first response for a key
 * is stored and replayed with {@code Idempotent-Replayed: true}; the key with another
 * request is a 422, and while the first request is running, a 409. Failures of the server
 * itself (5xx) are not stored, so the request can be retried.
 */
public class Idempotency extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final String SECRETS = "storekeeper.idempotency.secrets";

	private final IdempotencyKeys keys;

	Idempotency(IdempotencyKeys keys) {
		this.keys = keys;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return request.getHeader(HEADER) == null
				|| !(method.equals("POST") || method.equals("PATCH") || method.equals("PUT"))
				|| !(request.getAttribute(ApiAuthentication.ATTRIBUTE) instanceof Caller);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller = (Caller) request.getAttribute(ApiAuthentication.ATTRIBUTE);
		String key = request.getHeader(HEADER).trim();
		if (key.isEmpty() || key.length() > 255) {
			ErrorResponses.write(response,
					ApiError.of(400, "parameter_invalid", "Idempotency-Key must be 1 to 255 characters"));
			return;
		}
		String fingerprint = fingerprint(request);
		Optional<IdempotencyKeys.Stored> earlier = this.keys.claim(caller, key, fingerprint);
		if (earlier.isPresent()) {
			replay(caller, earlier.get(), fingerprint, response);
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean stored = false;
		try {
			chain.doFilter(request, wrapper);
			int status = wrapper.getStatus();
			if (status < 500) {
				String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
				this.keys.complete(caller, key, status, wrapper.getContentType(), wrapper.getHeader("Location"), body,
						request.getAttribute(SECRETS) != null, (Access) request.getAttribute(AccessCheck.REQUIRED));
				stored = true;
			}
		}
		finally {
			if (!stored) {
				this.keys.release(caller, key);
			}
			wrapper.copyBodyToResponse();
		}
	}

	/**
	 * Marks this request's response as carrying a secret (a new token, a webhook secret)
	 * shown only once: the stored first response is encrypted at rest (see
	 * {@link SealedResponses}), and a replay answers it byte for byte.
	 */
	public static void redact(HttpServletRequest request, String secret) {
		request.setAttribute(SECRETS, Boolean.TRUE);
	}

	private static void replay(Caller caller, IdempotencyKeys.Stored earlier, String fingerprint,
			HttpServletResponse response) throws IOException {
		Access required = earlier.requiredAccess();
		if (required != null && !caller.access().allows(required)) {
			ErrorResponses.write(response, ApiError.of(403, "forbidden", "This API token has " + caller.access().wire()
					+ " access; this request needs " + required.wire() + " access"));
			return;
		}
		if (earlier.running() || earlier.status() == null) {
			ErrorResponses.write(response, ApiError.of(409, "conflict",
					"A request with this Idempotency-Key is still being processed; retry later"));
			return;
		}
		if (!earlier.fingerprint().equals(fingerprint)) {
			ErrorResponses.write(response, ApiError.of(422, "idempotency_error",
					"Keys for idempotent requests can only be used with the same method, path and body they were first used with"));
			return;
		}
		response.setStatus(earlier.status());
		response.setHeader("Idempotent-Replayed", "true");
		if (earlier.contentType() != null) {
			response.setContentType(earlier.contentType());
		}
		if (earlier.location() != null) {
			response.setHeader("Location", earlier.location());
		}
		byte[] body = (earlier.body() != null) ? earlier.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static String fingerprint(HttpServletRequest request) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			String query = request.getQueryString();
			digest.update(((query != null) ? query : "").getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			if (BodyLimit.isStreamed(request)) {
				// an upload is not read twice: its type and length stand for its bytes
				String type = request.getContentType().split(";")[0].trim();
				digest.update((type + "\u0000" + request.getContentLengthLong()).getBytes(StandardCharsets.UTF_8));
			}
			else {
				digest.update(BodyLimit.bodyOf(request));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
