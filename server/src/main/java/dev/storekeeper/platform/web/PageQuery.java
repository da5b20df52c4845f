package dev.storekeeper.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a list the caller asked for: {@code page} ≥ 1 (default 1), {@code limit}
 * 1–100 (default 20).
 */
public record PageQuery(int page, int limit) {

	/** The default page size. */
	public static final int DEFAULT_LIMIT = 20;

	/** The largest page size. */
	public static final int MAX_LIMIT = 100;

	/**
	 * Parses the query parameters, refusing a value out of range or not a number with
	 * 400.
	 */
	public static PageQuery of(@Nullable String page, @Nullable String limit) {
		return new PageQuery(parse("page", page, 1, Integer.MAX_VALUE, 1),
				parse("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT));
	}

	private static int parse(String name, @Nullable String value, int min, int max, int fallback) {
		if (value == null) {
			return fallback;
		}
		String text = value.trim();
		if (!text.matches("-?\\d{1,10}")) {
			throw new InvalidParameter(name + " must be a whole number between " + min + " and " + max);
		}
		long number = Long.parseLong(text);
		if (number < min || number > max) {
			throw new InvalidParameter(name + " must be a whole number between " + min + " and " + max);
		}
		return (int) number;
	}

	/** How many items come before this page. */
	public long offset() {
		return (long) (this.page - 1) * this.limit;
	}

}
