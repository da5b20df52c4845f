package dev.storekeeper.orders;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.SellerHtml;

/**
 * What {@code orders/access.jte} shows: the buyer's purchase and the content it grants.
 *
 * @param variant the variant bought, or null when it is gone
 * @param until when access ends, or null
 */
public record AccessView(PageLayout layout, String product, @Nullable String variant, @Nullable String until,
		List<Content> contents) {

	/** The sandbox of the seller's frames: links may open outside, nothing runs. */
	public static final String SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

	/** One experience the purchase grants. */
	public record Content(String name, @Nullable SellerHtml body, @Nullable String url, @Nullable SellerHtml embed,
			List<Chapter> chapters, List<Download> files) {
	}

	/** A chapter of a course. */
	public record Chapter(String title, List<Lesson> lessons) {
	}

	/** A lesson: its title, a video link, and the seller's HTML. */
	public record Lesson(String title, @Nullable String videoUrl, @Nullable SellerHtml body) {
	}

	/** A file to download, at a freshly signed address. */
	public record Download(String filename, String url) {
	}

}
