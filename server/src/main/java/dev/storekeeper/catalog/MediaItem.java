package dev.storekeeper.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A picture or video shown on a product's page, linked by URL or embedded, as stored. */
record MediaItem(long id, long productId, String sourceType, @Nullable String url, @Nullable String provider,
		String contentType, @Nullable String embedHtml, int position, Instant createdAt, Instant updatedAt) {

}
