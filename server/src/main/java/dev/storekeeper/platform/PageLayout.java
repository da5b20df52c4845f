package dev.storekeeper.platform;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the one layout of the public pages ({@code src/main/jte/layout/page.jte}) needs to
 * know about a page: its title, whether it shows test-mode data (a banner, and
 * {@code noindex}), whether search engines may index it, and whose page it is (the
 * seller's name, picture, support address and brand colour).
 *
 * @param brandColor a {@code #rrggbb} colour, or null for the default blue
 */
public record PageLayout(String title, boolean livemode, boolean indexable, @Nullable Seller seller,
		@Nullable String brandColor) {

	private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

	public PageLayout {
		brandColor = (brandColor != null && HEX.matcher(brandColor).matches()) ? brandColor.toLowerCase(Locale.ROOT)
				: null;
	}

	/** A live page search engines may index, of no seller in particular. */
	public static PageLayout of(String title) {
		return new PageLayout(title, true, true, null, null);
	}

	/** A page that search engines should not index (an error, a buyer's own page). */
	public static PageLayout unindexed(String title, boolean livemode) {
		return new PageLayout(title, livemode, false, null, null);
	}

	/** The same page, of {@code seller}. */
	public PageLayout by(@Nullable Seller seller) {
		return new PageLayout(this.title, this.livemode, this.indexable, seller, this.brandColor);
	}

	/** Test-mode pages are never indexed. */
	public boolean noindex() {
		return !this.indexable || !this.livemode;
	}

	/** The inline custom property of the page's brand colour, or null without one. */
	public @Nullable String brandStyle() {
		return (this.brandColor != null) ? "--brand:" + this.brandColor : null;
	}

	/**
	 * The seller a page belongs to.
	 *
	 * @param avatarUrl an image of the seller, or null for their initial
	 */
	public record Seller(String name, @Nullable String avatarUrl, @Nullable String supportEmail,
			@Nullable String homeUrl) {

		/** The seller's initial, shown when they have no picture. */
		public String initial() {
			String trimmed = this.name.strip();
			return trimmed.isEmpty() ? "?"
					: trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
		}

	}

}
