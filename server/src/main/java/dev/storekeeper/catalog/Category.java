package dev.storekeeper.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A category of products (new with the Sellvy dialect), as {@code GET} shows it.
 *
 * @param productsCount how many of the account's products are in it
 */
public record Category(long id, String prefixId, String name, @Nullable String description, long productsCount,
		boolean livemode, Instant createdAt, Instant updatedAt) {

}
