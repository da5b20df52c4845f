package dev.storekeeper.platform.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to a {@code DELETE}: the object as it was, followed by {@code "object"} (its
 * type) and {@code "deleted": true}, as API.md §1 and the references' {@code 200} JSON
 * object have it.
 *
 * @param value the object as {@code GET} answered it just before the delete
 * @param object the type of object, such as {@code "product"}
 * @param deleted always true
 */
public record Deleted(@JsonUnwrapped Object value, String object, boolean deleted) {

	/** {@code value}, a {@code type}, deleted. */
	public static Deleted of(String type, Object value) {
		return new Deleted(value, type, true);
	}

}
