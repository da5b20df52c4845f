package dev.storekeeper.sellvy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.storekeeper.platform.web.BodyLimit;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.InvalidJson;
import dev.storekeeper.platform.web.InvalidParameter;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.web.PageQuery;

/**
 * Reading a Sellvy-dialect request: the flat snake_case body with its numbers kept exact,
 * {@code page}/{@code per_page}, and validation errors renamed to the Sellvy fields.
 */
final class SellvyRequest {

	/** Numbers with a fraction are read as {@link BigDecimal}, never as a double. */
	private static final JsonMapper EXACT = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	static final int DEFAULT_PER_PAGE = 25;

	private SellvyRequest() {
	}

	/** The body as a JSON object; an empty body is an empty object. */
	static ObjectNode body(HttpServletRequest request) throws IOException {
		byte[] bytes = BodyLimit.bodyOf(request);
		if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
			return EXACT.createObjectNode();
		}
		JsonNode node;
		try {
			node = EXACT.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new InvalidJson("The request body is not valid JSON");
		}
		if (node == null || !node.isObject()) {
			throw new InvalidJson("The request body must be a JSON object");
		}
		return (ObjectNode) node;
	}

	/**
	 * {@code page} ≥ 1 (default 1) and {@code per_page} (default 25, above 100 → 100); 0,
	 * negative or not a number → 400.
	 */
	static PageQuery page(@Nullable String page, @Nullable String perPage) {
		return new PageQuery(positive("page", page, 1),
				Math.min(PageQuery.MAX_LIMIT, positive("per_page", perPage, DEFAULT_PER_PAGE)));
	}

	private static int positive(String name, @Nullable String value, int fallback) {
		if (value == null) {
			return fallback;
		}
		String text = value.trim();
		if (!text.matches("\\d{1,9}") || Integer.parseInt(text) < 1) {
			throw new InvalidParameter(name + " must be a whole number of 1 or more");
		}
		return Integer.parseInt(text);
	}

	/** One of {@code allowed}, or null when absent; anything else → 400. */
	static @Nullable String oneOf(String name, @Nullable String value, List<String> allowed) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (!allowed.contains(value)) {
			throw new InvalidParameter(name + " must be one of " + String.join(", ", allowed));
		}
		return value;
	}

	/**
	 * Runs {@code action}, renaming the fields of a validation error from Storekeeper's
	 * to Sellvy's ({@code renames}: Storekeeper field → Sellvy field; others are made
	 * snake_case).
	 */
	static <T> T renaming(Map<String, String> renames, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (InvalidRecord ex) {
			throw renamed(ex, renames);
		}
	}

	static InvalidRecord renamed(InvalidRecord ex, Map<String, String> renames) {
		Errors errors = new Errors();
		ex.errors().details().forEach((field, messages) -> {
			String name = renames.getOrDefault(field, snake(field));
			messages.forEach((message) -> errors.add(name, message));
		});
		return new InvalidRecord(errors);
	}

	static String snake(String field) {
		StringBuilder out = new StringBuilder();
		for (char c : field.toCharArray()) {
			if (Character.isUpperCase(c)) {
				out.append('_').append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** A map with keys and values in pairs, nulls allowed. */
	static Map<String, @Nullable Object> map(@Nullable Object... pairs) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
