package dev.storekeeper.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonGeneratorBase;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A value that one answer writes many times, such as the product and the price variant of
 * every line of an orders page (100 orders of one product wrote the same product 100
 * times, two thirds of the page's JSON): rendered to JSON text by the API's own mapper
 * the first time it is written, and copied as that text afterwards. The text is what
 * writing the value in place would give. Written into a tree ({@code valueToTree}, as the
 * Sellvy dialect reads Storekeeper's objects) it is written in place, so the tree holds
 * the value's fields, not a text. One instance belongs to one answer, written by one
 * thread.
 */
@JsonSerialize(using = RenderedOnce.Writer.class)
public final class RenderedOnce {

	private final Object value;

	private final JsonMapper json;

	private @Nullable SerializedString text;

	private RenderedOnce(Object value, JsonMapper json) {
		this.value = value;
		this.json = json;
	}

	/** Each of {@code values} wrapped, in the same order. */
	public static <K> Map<K, Object> each(Map<K, ?> values, JsonMapper json) {
		Map<K, Object> wrapped = new LinkedHashMap<>();
		values.forEach((key, value) -> wrapped.put(key, (value != null) ? new RenderedOnce(value, json) : null));
		return wrapped;
	}

	static final class Writer extends StdSerializer<RenderedOnce> {

		Writer() {
			super(RenderedOnce.class);
		}

		@Override
		public void serialize(RenderedOnce once, JsonGenerator gen, SerializationContext context) {
			if (!(gen instanceof JsonGeneratorBase)) {
				// a tree, a token buffer or a wrapped generator: the value itself
				context.writeValue(gen, once.value);
				return;
			}
			SerializedString text = once.text;
			if (text == null) {
				text = new SerializedString(once.json.writeValueAsString(once.value));
				once.text = text;
			}
			gen.writeRawValue(text);
		}

	}

}
