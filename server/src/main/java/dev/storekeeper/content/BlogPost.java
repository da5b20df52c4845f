package dev.storekeeper.content;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A blog post as stored; {@code excerpt} is the author's, null when the excerpt is to be
 * derived from the content; {@code derivedExcerpt} is that excerpt, derived once when the
 * content was saved (null for a post saved before it was kept).
 */
record BlogPost(long id, String prefixId, long accountId, boolean livemode, String title, String slug, String content,
		@Nullable String excerpt, String status, boolean indexable, @Nullable Long categoryId,
		@Nullable String seoTitle, @Nullable String seoDescription, @Nullable String seoKeywords,
		@Nullable Instant publishedAt, @Nullable Instant scheduledAt, Instant createdAt, Instant updatedAt,
		@Nullable String derivedExcerpt) {

	static final String DRAFT = "draft";

	static final String PUBLISHED = "published";

	static final String SCHEDULED = "scheduled";

	static final String ARCHIVED = "archived";

	static final List<String> STATUSES = List.of(DRAFT, PUBLISHED, SCHEDULED, ARCHIVED);

	/** The author's excerpt, or the one derived from the content. */
	String shownExcerpt() {
		if (this.excerpt != null) {
			return this.excerpt;
		}
		return (this.derivedExcerpt != null) ? this.derivedExcerpt : Excerpts.derive(this.content);
	}

}
