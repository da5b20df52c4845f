package dev.storekeeper.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A query parameter with a NUL character ({@code %00}) is a
 * {@code 400 parameter_invalid}: no filter or id can hold one, and PostgreSQL refuses it
 * in a query.
 */
class NulInQuery implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String query = request.getQueryString();
		if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
			throw new InvalidParameter("Query parameters must not contain a NUL character");
		}
		return true;
	}

}
