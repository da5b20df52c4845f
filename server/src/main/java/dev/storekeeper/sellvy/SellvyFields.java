package dev.storekeeper.sellvy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.storekeeper.platform.web.Fields;

/** A Sellvy body's plain fields as Storekeeper {@link Fields}, renamed where needed. */
final class SellvyFields {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SellvyFields() {
	}

	/**
	 * The body's fields, each under its Storekeeper name ({@code renames}: Sellvy →
	 * Storekeeper; others keep their name).
	 */
	static Fields of(ObjectNode body, Map<String, String> renames) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			values.put(renames.getOrDefault(field.getKey(), field.getKey()),
					JSON.treeToValue(field.getValue(), Object.class));
		}
		return Fields.of(values);
	}

}
