package dev.storekeeper.checkout;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.pages.PageLayout;

/**
 * What {@code checkout/thanks.jte} shows once a checkout is complete: the order, what was
 * paid, and the buyer's access links.
 *
 * @param paid such as {@code USD 30.00}, or null for a free order
 * @param returnUrl the seller's page to go back to, or null
 */
public record ThanksView(PageLayout layout, String order, @Nullable String paid, List<String> accessUrls,
		@Nullable String returnUrl) {
}
