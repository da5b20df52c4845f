package dev.storekeeper.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes error bodies straight to the servlet response, so filters and the exception
 * handler answer alike and an {@code Accept} header that excludes JSON cannot turn an
 * error into a second error.
 */
public final class ErrorResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ErrorResponses() {
	}

	/** Replaces whatever the response held with {@code error}. */
	public static void write(HttpServletResponse response, ApiError error) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(error.status());
		response.setContentType("application/json;charset=UTF-8");
		byte[] body = JSON.writeValueAsBytes(error.body());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
