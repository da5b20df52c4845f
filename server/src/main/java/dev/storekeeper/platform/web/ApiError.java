package dev.storekeeper.platform.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The one error body of the API: {@code {"error":{"type","message","details"}}}. */
public record ApiError(int status, String type, String message, @Nullable Map<String, List<String>> details) {

	public static ApiError of(int status, String type, String message) {
		return new ApiError(status, type, message, null);
	}

	/** The body as it goes on the wire; {@code details} only when there are some. */
	public Map<String, Object> body() {
		Map<String, Object> error = new java.util.LinkedHashMap<>();
		error.put("type", this.type);
		error.put("message", this.message);
		if (this.details != null) {
			error.put("details", this.details);
		}
		return Map.of("error", error);
	}

	/**
	 * The body in the Sellvy dialect:
	 * {@code {"error":{"code","message","status","details"}}}, {@code details} only when
	 * there are some.
	 */
	public Map<String, Object> sellvyBody() {
		Map<String, Object> error = new java.util.LinkedHashMap<>();
		error.put("code", this.type.equals("error") ? "internal_error" : this.type);
		error.put("message", this.message);
		error.put("status", this.status);
		if (this.details != null) {
			error.put("details", this.details);
		}
		return Map.of("error", error);
	}

}
