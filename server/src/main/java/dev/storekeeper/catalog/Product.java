package dev.storekeeper.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A product as stored. */
record Product(long id, String prefixId, long accountId, boolean livemode, String name, String slug, String status,
		@Nullable String description, @Nullable String bodyHtml, String buttonCta, @Nullable String seoTitle,
		@Nullable String seoDescription, @Nullable String seoKeywords, int ordersCount, String productType,
		@Nullable Long categoryId, @Nullable String categoryPrefixId, Instant createdAt, Instant updatedAt) {

	static final String DRAFT = "draft";

	static final String ACTIVE = "active";

	static final String ARCHIVED = "archived";

}
