package dev.storekeeper.content;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An experience as stored; a course's chapters live in their own table.
 */
record Experience(long id, String prefixId, long accountId, boolean livemode, String name, String slug,
		@Nullable String description, String itemType, String accessType, @Nullable String bodyHtml,
		@Nullable String url, @Nullable String embedHtml, Instant createdAt, Instant updatedAt) {

	static final String COURSE = "course";

	static final String DOWNLOAD = "download";

	static final String WRITTEN = "written";

	static final String LINK = "link";

	static final String EMBED = "embed";

	static final List<String> ITEM_TYPES = List.of(COURSE, DOWNLOAD, WRITTEN, LINK, EMBED);

	static final List<String> ACCESS_TYPES = List.of("secret", "open");

	/** The type as the dashboard shows it: {@code Course}, {@code Written}... */
	String typeForDisplay() {
		return this.itemType.substring(0, 1).toUpperCase(Locale.ROOT) + this.itemType.substring(1);
	}

}
