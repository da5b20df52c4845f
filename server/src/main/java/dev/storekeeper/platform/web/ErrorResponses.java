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
		write(response, error, WireDialect.isSellvy(response));
	}

	/**
	 * Replaces whatever the response held with {@code error}, in the Sellvy dialect's
	 * shape when {@code sellvy}.
	 */
	public static void write(HttpServletResponse response, ApiError error, boolean sellvy) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(error.status());
		response.setContentType("application/json;charset=UTF-8");
		byte[] body = JSON.writeValueAsBytes(sellvy ? error.sellvyBody() : error.body());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
