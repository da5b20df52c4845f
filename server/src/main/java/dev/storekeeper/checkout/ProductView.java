package dev.storekeeper.checkout;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.SellerHtml;

/**
 * What {@code checkout/product.jte} shows: a product's public page, with one offer per
 * variant on sale.
 *
 * @param action where the offers' forms post (the page's own address)
 * @param cover the first picture of the product's media, or null
 * @param gallery the other pictures
 * @param body the seller's HTML, or null
 */
public record ProductView(PageLayout layout, ProductJson product, String action, @Nullable String cover,
		List<String> gallery, @Nullable SellerHtml body, List<Offer> offers) {

	/** What an offer's button does. */
	public enum State {

		/** The button starts a checkout. */
		ON_SALE,
		/** None left. */
		SOLD_OUT,
		/** Not on sale yet: buyers may ask the seller to be told. */
		WAITLIST

	}

	/**
	 * One variant as the page offers it.
	 *
	 * @param price such as {@code USD 19.00}, {@code Free} or {@code Pay what you want}
	 * @param was the price before a discount, or null
	 * @param terms the billing terms ({@code every 3 months · 14-day free trial}), or
	 * null
	 * @param amountLabel the label of the pay-what-you-want field, or null when the price
	 * is fixed
	 * @param amountHint the range a buyer may pay, or null
	 * @param typed what the buyer typed in the amount field (after an error)
	 * @param error why the last attempt to buy it failed, or null
	 */
	public record Offer(String id, String name, String price, @Nullable String was, @Nullable String terms,
			@Nullable String amountLabel, @Nullable String amountHint, String typed, State state, String cta,
			List<String> benefits, @Nullable String left, @Nullable String error) {

		/** The id of the offer's amount field. */
		public String amountField() {
			return "amount-" + this.id;
		}

	}

}
