package dev.storekeeper.checkout;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.pages.PageLayout;

/**
 * What {@code checkout/checkout.jte} shows: an open checkout's lines and total, and the
 * form that pays it.
 *
 * @param error why the last submission failed, or null
 * @param amountLabel the label of the pay-what-you-want field, or null without one
 * @param discountCodes whether the buyer may type a discount code
 * @param stripeKey Stripe's publishable key when Stripe's form takes the card, or null
 * @param stripeMissing whether Stripe should take the card but the server has no key
 * @param card whether the sandbox card fields are shown (a total above zero, no Stripe)
 */
public record CheckoutView(PageLayout layout, String seller, List<Line> lines, @Nullable String discountCode,
		@Nullable String discount, String total, @Nullable String error, Form form, @Nullable String amountLabel,
		boolean discountCodes, @Nullable String stripeKey, boolean stripeMissing, String clientSecret, boolean card,
		String payLabel) {

	/**
	 * One line: the product, the variant and the amount.
	 *
	 * @param image the product's first picture, or null
	 */
	public record Line(String product, String variant, int quantity, String amount, @Nullable String image,
			@Nullable String description) {
	}

	/** What the buyer typed, shown again after an error. */
	public record Form(String email, String name, String customAmount, String discountCode, String cardNumber,
			String expiry) {
	}

}
