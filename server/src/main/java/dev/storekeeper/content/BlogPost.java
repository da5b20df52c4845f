package dev.storekeeper.content;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A blog post as stored; {@code excerpt} is the author's, null when the excerpt is to be
 * derived from the content.
 */
record BlogPost(long id, String prefixId, long accountId, boolean livemode, String title, String slug, String content,
		@Nullable String excerpt, String status, boolean indexable, @Nullable Long categoryId,
		@Nullable String seoTitle, @Nullable String seoDescription, @Nullable String seoKeywords,
		@Nullable Instant publishedAt, @Nullable Instant scheduledAt, Instant createdAt, Instant updatedAt) {

	static final String DRAFT = "draft";

	static final String PUBLISHED = "published";

	static final String SCHEDULED = "scheduled";

	static final String ARCHIVED = "archived";

	static final List<String> STATUSES = List.of(DRAFT, PUBLISHED, SCHEDULED, ARCHIVED);

}
