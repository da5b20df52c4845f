package dev.storekeeper.platform.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A {@code @PathVariable String} is the matched path's variable as it is, as Spring MVC's
 * own resolver gives it, without the data binder and conversion service that resolver
 * creates and consults for every argument (to convert a {@code String} to a
 * {@code String}): that was 6 % of a product read's CPU (bench/RESULTS.md, round two).
 * Asked before Spring's resolvers; every other {@code @PathVariable} is theirs.
 */
final class StringPathVariables implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == String.class && parameter.hasParameterAnnotation(PathVariable.class);
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) throws Exception {
		PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
		String name = name(parameter, annotation);
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		String value = (variables != null) ? variables.get(name) : null;
		if (value == null && annotation != null && annotation.required()) {
			throw new MissingPathVariableException(name, parameter);
		}
		return value;
	}

	private static String name(MethodParameter parameter, @Nullable PathVariable annotation) {
		if (annotation != null && !annotation.name().isEmpty()) {
			return annotation.name();
		}
		if (annotation != null && !annotation.value().isEmpty()) {
			return annotation.value();
		}
		String name = parameter.getParameterName();
		if (name == null) {
			throw new IllegalStateException("Name for the path variable of " + parameter
					+ " is not given, and the parameter name is not in the class file (compile with -parameters)");
		}
		return name;
	}

}
