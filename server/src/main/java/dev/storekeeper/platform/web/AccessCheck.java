package dev.storekeeper.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses with 403 a call whose token lacks the access level of the endpoint. */
class AccessCheck implements HandlerInterceptor {

	/** The request attribute holding the access level the route needs. */
	static final String REQUIRED = "storekeeper.access.required";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(request.getAttribute(ApiAuthentication.ATTRIBUTE) instanceof Caller caller)
				|| !(handler instanceof HandlerMethod method)) {
			return true;
		}
		Access required = required(request, method);
		request.setAttribute(REQUIRED, required);
		if (!caller.access().allows(required)) {
			throw new Forbidden("This API token has " + caller.access().wire() + " access; this request needs "
					+ required.wire() + " access");
		}
		return true;
	}

	private static Access required(HttpServletRequest request, HandlerMethod method) {
		RequiresAccess annotation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
				RequiresAccess.class);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresAccess.class);
		}
		Access byMethod = switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS" -> Access.READ;
			default -> Access.WRITE;
		};
		if (annotation == null) {
			return byMethod;
		}
		return annotation.value().compareTo(byMethod) > 0 ? annotation.value() : byMethod;
	}

}
