package dev.storekeeper.platform.pages;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the one layout of the public pages ({@code src/main/jte/layout/page.jte}) needs to
 * know about a page: its title, whether it shows test-mode data (a banner, and
 * {@code noindex}), whether search engines may index it, and whose page it is (the
 * seller's name, picture, support address and brand colour).
 *
 */
public record PageLayout(String title, boolean livemode, boolean indexable, @Nullable Seller seller) {

	private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

	/** A live page search engines may index, of no seller in particular. */
	public static PageLayout of(String title) {
		return new PageLayout(title, true, true, null);
	}

	/** A page that search engines should not index (an error, a buyer's own page). */
	public static PageLayout unindexed(String title, boolean livemode) {
		return new PageLayout(title, livemode, false, null);
	}

	/** The same page, of {@code seller}. */
	public PageLayout by(@Nullable Seller seller) {
		return new PageLayout(this.title, this.livemode, this.indexable, seller);
	}

	/** Test-mode pages are never indexed. */
	public boolean noindex() {
		return !this.indexable || !this.livemode;
	}

	/**
	 * The custom properties of the seller's brand colour, or null without one: the colour
	 * of buttons, with white or dark text on them, whichever reads better; links take it
	 * too when it is dark enough to read on white (WCAG's 4.5:1).
	 */
	public @Nullable String brandStyle() {
		String color = (this.seller != null) ? this.seller.brandColor() : null;
		if (color == null || !HEX.matcher(color).matches()) {
			return null;
		}
		double luminance = luminance(color);
		double onWhite = 1.05 / (luminance + 0.05);
		double onDark = (luminance + 0.05) / (luminance(DARK) + 0.05);
		String style = "--brand:" + color.toLowerCase(Locale.ROOT) + ";--brand-on:"
				+ ((onWhite >= onDark) ? "#fff" : DARK);
		return (onWhite >= 4.5) ? style + ";--link:" + color.toLowerCase(Locale.ROOT) : style;
	}

	private static final String DARK = "#1f2328";

	/** WCAG's relative luminance of a {@code #rrggbb} colour. */
	static double luminance(String color) {
		double[] channels = new double[3];
		for (int i = 0; i < 3; i++) {
			double c = Integer.parseInt(color.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			channels[i] = (c <= 0.03928) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
	}

	/**
	 * The seller a page belongs to.
	 *
	 * @param avatarUrl an image of the seller, or null for their initial
	 * @param brandColor a {@code #rrggbb} colour, or null for the default blue
	 */
	public record Seller(String name, @Nullable String avatarUrl, @Nullable String supportEmail,
			@Nullable String homeUrl, @Nullable String brandColor) {

		/** The seller's initial, shown when they have no picture. */
		public String initial() {
			String trimmed = this.name.strip();
			return trimmed.isEmpty() ? "?"
					: trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
		}

	}

}
