package dev.storekeeper.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests whose body the handling module streams itself under its own size limit: a file
 * upload ({@code POST /v1/files}, {@code multipart/form-data}, and the signed {@code PUT
 * /uploads/{prefixId}} of the reference flow, both up to {@code FILES_MAX_SIZE}).
 * {@link BodyLimit} leaves them unread, and {@link Idempotency} fingerprints them by
 * method, path, query, type and length instead of their bytes.
 */
final class StreamedBodies {

	private StreamedBodies() {
	}

	static boolean isStreamed(HttpServletRequest request) {
		if ("PUT".equals(request.getMethod()) && request.getRequestURI().startsWith("/uploads/")) {
			return true;
		}
		String contentType = request.getContentType();
		return "POST".equals(request.getMethod()) && "/v1/files".equals(request.getRequestURI()) && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
	}

}
