package dev.storekeeper.platform.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A reference to a resource as a request body gives it: the integer {@code id} or the
 * {@code prefixId}.
 *
 * @param id the integer id, or null
 * @param prefixId the prefixed id, or null
 */
public record Ref(@Nullable Long id, @Nullable String prefixId) {

	static @Nullable Ref of(JsonNode value) {
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return new Ref(value.longValue(), null);
		}
		if (value.isString()) {
			String text = value.stringValue().trim();
			if (text.indexOf('\u0000') >= 0) {
				return null;
			}
			if (text.matches("\\d{1,18}")) {
				return new Ref(Long.parseLong(text), null);
			}
			if (!text.isEmpty() && text.length() <= 64) {
				return new Ref(null, text);
			}
		}
		return null;
	}

	/**
	 * A reference from a path or query parameter: digits are an integer id, anything else
	 * a prefixed id.
	 */
	public static Ref parse(String text) {
		if (text.matches("\\d{1,18}")) {
			return new Ref(Long.parseLong(text), null);
		}
		// a NUL cannot be in any id, and PostgreSQL refuses it in a query: no such id
		return new Ref(null, text.replace('\u0000', '?'));
	}

	@Override
	public String toString() {
		return (this.prefixId != null) ? this.prefixId : String.valueOf(this.id);
	}

}
