package dev.storekeeper.platform.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's own errors (those raised outside a controller) in the
 * API's error shape.
 */
@RestController
class ErrorEndpoint implements ErrorController {

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : 500;
		ApiError error = switch (status) {
			case 400 -> ApiError.of(400, "invalid_json", "The request could not be read");
			case 404 -> ApiError.of(404, "not_found", "No route matches the request");
			case 405 -> ApiError.of(405, "method_not_allowed", "Method not allowed");
			case 413 -> ApiError.of(413, "payload_too_large", "Request bodies may be at most 1 MiB (1048576 bytes)");
			case 503 -> ApiError.of(503, "service_unavailable", "The server is not ready; try again shortly");
			default -> (status >= 400 && status < 500) ? ApiError.of(status, "invalid_request", "Bad request")
					: ApiError.of(500, "error", "An unexpected error occurred");
		};
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		ErrorResponses.write(response, error,
				WireDialect.isSellvy(response) || (uri instanceof String path && WireDialect.isSellvy(path)));
	}

}
