package dev.storekeeper.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A review of a product, as stored. */
record Review(long id, String prefixId, long accountId, boolean livemode, long productId, int rating,
		@Nullable String content, @Nullable String customerName, int position, Instant createdAt, Instant updatedAt) {

}
