package dev.storekeeper.content;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.SellerHtml;

/**
 * What {@code content/blog.jte} shows: a seller's list of posts, or one post.
 *
 * @param posts the list's posts (empty on a post's page)
 * @param post the post shown, or null on the list
 */
public record BlogView(PageLayout layout, String blog, List<Entry> posts, @Nullable Post post) {

	/** A post in the list. */
	public record Entry(String title, String href, String date, String excerpt) {
	}

	/** A post's page. */
	public record Post(String title, String date, SellerHtml content) {
	}

}
