package dev.storekeeper.platform.web;

/**
 * What an API token may do: read only, change the catalog and sales, or also manage
 * tokens and money.
 */
public enum Access {

	READ, WRITE, FULL;

	/** Whether this level includes {@code required}. */
	public boolean allows(Access required) {
		return compareTo(required) >= 0;
	}

	/**
	 * The level named on the wire ({@code read}, {@code write}, {@code full}), or null.
	 */
	public static @org.jspecify.annotations.Nullable Access parse(String value) {
		return switch (value) {
			case "read" -> READ;
			case "write" -> WRITE;
			case "full" -> FULL;
			default -> null;
		};
	}

	/** The wire name. */
	public String wire() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
