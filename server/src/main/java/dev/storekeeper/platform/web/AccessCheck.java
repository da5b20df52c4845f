package dev.storekeeper.platform.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses with 403 a call whose token lacks the access level of the endpoint. */
class AccessCheck implements HandlerInterceptor {

	/** The request attribute holding the access level the route needs. */
	static final String REQUIRED = "storekeeper.access.required";

	/**
	 * What each route declares, found once: looking the annotations up was 6 % of a
	 * product read's CPU.
	 */
	private final Map<Route, Access> declared = new ConcurrentHashMap<>();

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

	private Access required(HttpServletRequest request, HandlerMethod method) {
		Access declared = this.declared.computeIfAbsent(new Route(method.getBeanType(), method.getMethod()),
				AccessCheck::declared);
		Access byMethod = switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS" -> Access.READ;
			default -> Access.WRITE;
		};
		return declared.compareTo(byMethod) > 0 ? declared : byMethod;
	}

	/**
	 * The access a route declares with {@link RequiresAccess} on its method or its
	 * controller, or {@link Access#READ} (the lowest).
	 */
	private static Access declared(Route route) {
		RequiresAccess annotation = AnnotatedElementUtils.findMergedAnnotation(route.method(), RequiresAccess.class);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(route.beanType(), RequiresAccess.class);
		}
		return (annotation != null) ? annotation.value() : Access.READ;
	}

	private record Route(Class<?> beanType, Method method) {
	}

}
