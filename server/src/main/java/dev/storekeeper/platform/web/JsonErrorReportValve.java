package dev.storekeeper.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers (a malformed URI, an over-long request line: refused before
 * any servlet runs) in the API's JSON error shape rather than an HTML page, with the
 * security headers every other response carries.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String type = switch (status) {
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			case 413 -> "payload_too_large";
			case 503 -> "service_unavailable";
			default -> (status < 500) ? "parameter_invalid" : "error";
		};
		String message = (status < 500) ? "The request could not be understood (HTTP " + status + ")"
				: "An unexpected error occurred";
		String body = "{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
		try {
			SecurityHeaders.set(response.getResponse());
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was already committed; nothing more to
			// say
		}
	}

}
