package dev.storekeeper.platform.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request body as the API accepts it: wrapped in the resource's key or not, camelCase
 * or snake_case. Controllers take it as a parameter and read its {@link Fields}.
 */
public final class JsonBody {

	private final ObjectNode root;

	private final boolean empty;

	JsonBody(ObjectNode root, boolean empty) {
		this.root = root;
		this.empty = empty;
	}

	/**
	 * The resource's fields: those inside {@code wrapper} (or its snake_case spelling)
	 * when the body has it as an object, otherwise the body itself. An empty body is a
	 * missing parameter.
	 */
	public Fields unwrap(String wrapper) {
		if (this.empty) {
			throw new MissingParameter(Fields.snake(wrapper));
		}
		JsonNode inner = this.root.get(wrapper);
		if (inner == null) {
			inner = this.root.get(Fields.snake(wrapper));
		}
		if (inner != null && inner.isObject()) {
			return new Fields((ObjectNode) inner, "", new Errors());
		}
		if (inner != null && !inner.isNull()) {
			throw Errors.of(wrapper, "must be an object");
		}
		return new Fields(this.root, "", new Errors());
	}

	/** The body's fields, possibly empty, for endpoints whose body is optional. */
	public Fields fields() {
		return new Fields(this.root, "", new Errors());
	}

	/** Whether the request had no body at all. */
	public boolean isEmpty() {
		return this.empty;
	}

}
