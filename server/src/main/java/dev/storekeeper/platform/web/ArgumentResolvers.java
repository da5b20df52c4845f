package dev.storekeeper.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the platform's controller parameters: {@link Caller}, {@link JsonBody} and
 * {@link PageQuery}.
 */
class ArgumentResolvers implements HandlerMethodArgumentResolver {

	private final JsonMapper json;

	ArgumentResolvers(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == Caller.class || type == JsonBody.class || type == PageQuery.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) throws IOException {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		Class<?> type = parameter.getParameterType();
		if (type == Caller.class) {
			Object caller = request.getAttribute(ApiAuthentication.ATTRIBUTE);
			if (caller == null) {
				throw new IllegalStateException("No caller on an authenticated route");
			}
			return caller;
		}
		if (type == PageQuery.class) {
			return PageQuery.of(request.getParameter("page"), request.getParameter("limit"));
		}
		return body(request);
	}

	private JsonBody body(HttpServletRequest request) throws IOException {
		String contentType = request.getContentType();
		if (contentType != null && !isJson(contentType)) {
			throw new UnsupportedMediaType("Request bodies must be sent as Content-Type: application/json");
		}
		byte[] bytes = BodyLimit.bodyOf(request);
		if (isBlank(bytes)) {
			return new JsonBody(this.json.createObjectNode(), true);
		}
		if (contentType == null) {
			throw new UnsupportedMediaType("Request bodies must be sent as Content-Type: application/json");
		}
		JsonNode node;
		try {
			node = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new InvalidJson("The request body is not valid JSON");
		}
		if (node == null || !node.isObject()) {
			throw new InvalidJson("The request body must be a JSON object");
		}
		return new JsonBody((ObjectNode) node, false);
	}

	private static boolean isJson(String contentType) {
		String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
		return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
	}

	private static boolean isBlank(byte[] bytes) {
		for (byte b : bytes) {
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return true;
	}

}
