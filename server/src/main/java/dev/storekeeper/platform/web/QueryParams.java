package dev.storekeeper.platform.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Checks for query-parameter filters: an unknown enum value is a 400, not an empty list.
 */
public final class QueryParams {

	private QueryParams() {
	}

	/**
	 * {@code value} when it is one of {@code allowed}, {@code fallback} when absent, else
	 * 400.
	 */
	public static @Nullable String oneOf(String name, @Nullable String value, Set<String> allowed,
			@Nullable String fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		if (!allowed.contains(value)) {
			throw new InvalidParameter(
					name + " must be one of: " + String.join(", ", allowed.stream().sorted().toList()));
		}
		return value;
	}

}
