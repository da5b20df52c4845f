package dev.storekeeper.platform.web;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where failures become HTTP statuses and the error body of the seeds. */
@RestControllerAdvice
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	@ExceptionHandler(InvalidRecord.class)
	void invalid(InvalidRecord ex, HttpServletResponse response) throws IOException {
		Errors errors = ex.errors();
		ErrorResponses.write(response, new ApiError(422, "validation_error", errors.message(), errors.details()));
	}

	@ExceptionHandler(NotFound.class)
	void notFound(NotFound ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response, ApiError.of(404, "not_found", ex.getMessage()));
	}

	@ExceptionHandler(InvalidParameter.class)
	void invalidParameter(InvalidParameter ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response, ApiError.of(400, "parameter_invalid", ex.getMessage()));
	}

	@ExceptionHandler(MissingParameter.class)
	void missingParameter(MissingParameter ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response, ApiError.of(400, "parameter_missing", ex.getMessage()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	void missingQueryParameter(MissingServletRequestParameterException ex, HttpServletResponse response)
			throws IOException {
		ErrorResponses.write(response, ApiError.of(400, "parameter_missing",
				"param is missing or the value is empty: " + ex.getParameterName()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response, ApiError.of(400, "parameter_invalid", "Invalid value for " + ex.getName()));
	}

	/**
	 * A query or form parameter that is not valid percent-encoded UTF-8 ({@code ?q=%ff}):
	 * Tomcat refuses to decode it when the parameters are first read.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	void undecodableParameter(InvalidParameterException ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response,
				ApiError.of(400, "parameter_invalid", "A parameter is not valid percent-encoded UTF-8"));
	}

	@ExceptionHandler(InvalidJson.class)
	void invalidJson(InvalidJson ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response, ApiError.of(400, "invalid_json", ex.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	void unreadable(HttpMessageNotReadableException ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response, ApiError.of(400, "invalid_json", "The request body is not valid JSON"));
	}

	@ExceptionHandler(Refusal.class)
	void refusal(Refusal ex, HttpServletResponse response) throws IOException {
		if (ex.serverSide()) {
			log.warn("{}: {}", ex.getClass().getSimpleName(), ex.getMessage());
		}
		ErrorResponses.write(response, ex.error());
	}

	@ExceptionHandler(StateConflict.class)
	void conflict(StateConflict ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response, ApiError.of(409, "conflict", ex.getMessage()));
	}

	@ExceptionHandler(Forbidden.class)
	void forbidden(Forbidden ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response, ApiError.of(403, "forbidden", ex.getMessage()));
	}

	@ExceptionHandler(UnsupportedMediaType.class)
	void unsupported(UnsupportedMediaType ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response, ApiError.of(415, "unsupported_media_type", ex.getMessage()));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	void unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response,
				ApiError.of(415, "unsupported_media_type", "Request bodies must be application/json"));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	void notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response, ApiError.of(406, "not_acceptable", "This API answers only application/json"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	void methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletResponse response) throws IOException {
		Set<HttpMethod> supported = ex.getSupportedHttpMethods();
		if (supported != null && !supported.isEmpty()) {
			response.setHeader("Allow",
					supported.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")));
		}
		ErrorResponses.write(response, ApiError.of(405, "method_not_allowed",
				"Method " + ex.getMethod() + " is not allowed on this resource"));
	}

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	void noRoute(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		ErrorResponses.write(response,
				ApiError.of(404, "not_found", "No route matches " + SecretPaths.redacted(request.getRequestURI())));
	}

	@ExceptionHandler(BodyLimit.PayloadTooLarge.class)
	void payloadTooLarge(BodyLimit.PayloadTooLarge ex, HttpServletResponse response) throws IOException {
		BodyLimit.tooLarge(response, ex.maxBytes());
	}

	@ExceptionHandler(Exception.class)
	void unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.error("Unexpected failure on {} {} (request {})", request.getMethod(),
				SecretPaths.redacted(request.getRequestURI()), request.getAttribute(RequestIds.ATTRIBUTE), ex);
		ErrorResponses.write(response, ApiError.of(500, "error", "An unexpected error occurred"));
	}

}
