package dev.storekeeper.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Filters and order of a product search (the Sellvy dialect's list).
 *
 * @param search part of the name, ignoring case, or null
 * @param type a product type, or null
 * @param categoryKey a category's prefixId or id, or null
 * @param visible true for active products only, false for the others, null for all
 * @param sort {@code created_at}, {@code price}, {@code title} or {@code total_sold}
 * @param ascending the direction (ties by id in the same direction)
 */
public record ProductQuery(@Nullable String search, @Nullable String type, @Nullable String categoryKey,
		@Nullable Boolean visible, String sort, boolean ascending) {

	/** The product types a query may name. */
	public static final java.util.List<String> TYPES = ProductDraft.TYPES;

	/** The sort keys. */
	public static final java.util.List<String> SORTS = java.util.List.of("created_at", "price", "title", "total_sold");

}
