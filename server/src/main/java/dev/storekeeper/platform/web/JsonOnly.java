package dev.storekeeper.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A {@code /v1} endpoint takes JSON unless it says otherwise: a {@code POST},
 * {@code PATCH} or {@code PUT} with a body of another type (a form, multipart, XML) is a
 * {@code 415} before the handler runs, whether or not the handler reads a body. The
 * decision is per route: a handler that declares what it {@code consumes}, or takes a
 * {@link MultipartFile} or a {@link RequestPart}, is left to Spring's own matching.
 */
class JsonOnly implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String method = request.getMethod();
		if (!(method.equals("POST") || method.equals("PATCH") || method.equals("PUT"))
				|| !(request.getRequestURI().startsWith("/v1/") || WireDialect.isSellvy(request.getRequestURI()))
				|| !(handler instanceof HandlerMethod handlerMethod) || declaresOtherBodies(handlerMethod)) {
			return true;
		}
		String contentType = request.getContentType();
		if (contentType != null && hasBody(request) && !isJson(contentType)) {
			throw new UnsupportedMediaType("Request bodies must be sent as Content-Type: application/json");
		}
		return true;
	}

	private static boolean declaresOtherBodies(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		if (mapping != null && mapping.consumes().length > 0) {
			return true;
		}
		for (MethodParameter parameter : handler.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (MultipartFile.class.isAssignableFrom(type) || type.getName().equals("jakarta.servlet.http.Part")
					|| parameter.hasParameterAnnotation(RequestPart.class)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	static boolean isJson(String contentType) {
		String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
		return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
	}

}
