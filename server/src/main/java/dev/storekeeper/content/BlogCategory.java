package dev.storekeeper.content;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A blog category as stored, with the number of published posts in it.
 */
record BlogCategory(long id, String prefixId, long accountId, boolean livemode, String name, String slug,
		@Nullable String description, long publishedPosts, Instant createdAt, Instant updatedAt) {

}
