package dev.storekeeper.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed access to the fields of a request object, under their camelCase or snake_case
 * names. A value of the wrong type is recorded as a validation error (never an
 * exception), so one response can list them all. A JSON body is read strictly: no
 * coercion between types (a number is not a string, {@code "12"} is not a number,
 * {@code "true"} is not a boolean), no number out of range, no NUL character in text
 * (PostgreSQL refuses it). Values from an HTML form, which are all text, are read with
 * the form's rules: numbers and booleans from their text.
 */
public final class Fields {

	/** Beyond this, a decimal is out of range of every field (and of the database). */
	private static final BigDecimal LARGEST = new BigDecimal("1e30");

	private final ObjectNode node;

	private final String path;

	private final Errors errors;

	private final boolean fromText;

	Fields(ObjectNode node, String path, Errors errors) {
		this(node, path, errors, false);
	}

	private Fields(ObjectNode node, String path, Errors errors, boolean fromText) {
		this.node = node;
		this.path = path;
		this.errors = errors;
		this.fromText = fromText;
	}

	/**
	 * Fields from plain values (an HTML form's, say), read with the same rules as a JSON
	 * body's.
	 */
	public static Fields of(java.util.Map<String, ?> values) {
		ObjectNode node = tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(values);
		return new Fields(node, "", new Errors(), true);
	}

	/** The errors found while reading, shared with nested objects. */
	public Errors errors() {
		return this.errors;
	}

	/** Whether the field is present, even as null. */
	public boolean has(String field) {
		return raw(field) != null;
	}

	/** Whether the field is present with an explicit null. */
	public boolean isNull(String field) {
		JsonNode value = raw(field);
		return value != null && value.isNull();
	}

	/**
	 * A string, or null when absent or null. Anything else (a number, a boolean, an
	 * object) is an error, and so is text with a NUL character.
	 */
	public @Nullable String string(String field) {
		JsonNode value = raw(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			return text(key(field), value.stringValue());
		}
		if (this.fromText && (value.isNumber() || value.isBoolean())) {
			return value.asString();
		}
		this.errors.add(key(field), "must be a string");
		return null;
	}

	private @Nullable String text(String key, String value) {
		if (value.indexOf('\u0000') >= 0) {
			this.errors.add(key, "must not contain a NUL character");
			return null;
		}
		return value;
	}

	/**
	 * A whole number, or null; a fraction, a number beyond a {@code long}, or anything
	 * else is an error.
	 */
	public @Nullable Long integer(String field) {
		JsonNode value = raw(field);
		if (value == null || value.isNull()) {
			return null;
		}
		BigDecimal number = number(field, value);
		if (number == null) {
			return null;
		}
		try {
			if (number.stripTrailingZeros().scale() > 0) {
				return notInteger(field);
			}
			return number.longValueExact();
		}
		catch (ArithmeticException ex) {
			this.errors.add(key(field), "is out of range");
			return null;
		}
	}

	private @Nullable Long notInteger(String field) {
		this.errors.add(key(field), "must be an integer");
		return null;
	}

	/** A decimal number, or null. */
	public @Nullable BigDecimal decimal(String field) {
		JsonNode value = raw(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return number(field, value);
	}

	private @Nullable BigDecimal number(String field, JsonNode value) {
		if (value.isNumber()) {
			if (value.isIntegralNumber()) {
				BigInteger big = value.bigIntegerValue();
				return new BigDecimal(big);
			}
			if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
				this.errors.add(key(field), "is out of range");
				return null;
			}
			BigDecimal decimal = value.decimalValue();
			if (decimal.abs().compareTo(LARGEST) > 0) {
				this.errors.add(key(field), "is out of range");
				return null;
			}
			return decimal;
		}
		if (this.fromText && value.isString()) {
			String text = value.stringValue().trim();
			if (text.matches("-?\\d{1,30}(\\.\\d{1,30})?")) {
				return new BigDecimal(text);
			}
		}
		this.errors.add(key(field), "is not a number");
		return null;
	}

	/** A boolean, or null. */
	public @Nullable Boolean bool(String field) {
		JsonNode value = raw(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (this.fromText && value.isString()) {
			String text = value.stringValue().trim().toLowerCase(Locale.ROOT);
			if (text.equals("true") || text.equals("false")) {
				return Boolean.valueOf(text);
			}
		}
		this.errors.add(key(field), "must be true or false");
		return null;
	}

	/** A time in ISO 8601 with an offset, truncated to the second, or null. */
	public @Nullable Instant instant(String field) {
		String text = string(field);
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
		}
		catch (DateTimeParseException ex) {
			try {
				return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS);
			}
			catch (DateTimeParseException again) {
				this.errors.add(key(field), "is not a valid time (ISO 8601, such as 2026-11-22T05:31:56Z)");
				return null;
			}
		}
	}

	/** A list of strings, or null when absent or null. */
	public @Nullable List<String> strings(String field) {
		JsonNode value = array(field);
		if (value == null) {
			return null;
		}
		List<String> result = new ArrayList<>();
		for (JsonNode item : value) {
			if (item.isString()) {
				String text = text(key(field), item.stringValue());
				if (text == null) {
					return null;
				}
				result.add(text);
			}
			else {
				this.errors.add(key(field), "must be an array of strings");
				return null;
			}
		}
		return result;
	}

	/**
	 * A list of references to other resources, each an integer id or a prefixed id; null
	 * when absent or null.
	 */
	public @Nullable List<Ref> refs(String field) {
		JsonNode value = array(field);
		if (value == null) {
			return null;
		}
		List<Ref> result = new ArrayList<>();
		for (JsonNode item : value) {
			Ref ref = Ref.of(item);
			if (ref == null) {
				this.errors.add(key(field), "must be an array of ids");
				return null;
			}
			result.add(ref);
		}
		return result;
	}

	/**
	 * A reference to another resource, as an integer id or a prefixed id; null when
	 * absent or null.
	 */
	public @Nullable Ref ref(String field) {
		JsonNode value = raw(field);
		if (value == null || value.isNull()) {
			return null;
		}
		Ref ref = Ref.of(value);
		if (ref == null) {
			this.errors.add(key(field), "is invalid");
		}
		return ref;
	}

	/** A nested object, or null when absent or null. */
	public @Nullable Fields object(String field) {
		JsonNode value = raw(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			this.errors.add(key(field), "must be an object");
			return null;
		}
		return new Fields((ObjectNode) value, key(field), this.errors, this.fromText);
	}

	/** A list of nested objects, or null when absent or null. */
	public @Nullable List<Fields> objects(String field) {
		JsonNode value = array(field);
		if (value == null) {
			return null;
		}
		List<Fields> result = new ArrayList<>();
		int index = 0;
		for (JsonNode item : value) {
			if (!item.isObject()) {
				this.errors.add(key(field), "must be an array of objects");
				return null;
			}
			result.add(new Fields((ObjectNode) item, key(field) + "[" + index++ + "]", this.errors, this.fromText));
		}
		return result;
	}

	/**
	 * The field's array, or null when it is absent or null, or (with an error) not an
	 * array.
	 */
	private @Nullable JsonNode array(String field) {
		JsonNode value = raw(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			this.errors.add(key(field), "must be an array");
			return null;
		}
		return value;
	}

	/** The raw JSON of a field, for free-form values; null when absent. */
	public @Nullable JsonNode raw(String field) {
		JsonNode value = this.node.get(field);
		if (value == null) {
			String snake = snake(field);
			if (!snake.equals(field)) {
				value = this.node.get(snake);
			}
		}
		return value;
	}

	/** The name errors use for {@code field}: dotted under its parent. */
	public String key(String field) {
		return this.path.isEmpty() ? field : this.path + "." + field;
	}

	static String snake(String camel) {
		StringBuilder out = new StringBuilder();
		for (char c : camel.toCharArray()) {
			if (Character.isUpperCase(c)) {
				out.append('_').append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
