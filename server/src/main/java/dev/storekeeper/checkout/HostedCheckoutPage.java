package dev.storekeeper.checkout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.payments.Card;
import dev.storekeeper.payments.PaymentFailed;
import dev.storekeeper.payments.ProcessorError;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.Html;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.Money;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.StateConflict;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /checkout/{clientSecret}}: the hosted checkout page, plain HTML that works
 * without JavaScript; after payment the same address shows the receipt with the buyer's
 * access links.
 */
@RestController
class HostedCheckoutPage {

	private final Checkouts checkouts;

	private final Completion completion;

	private final OrderBook orders;

	HostedCheckoutPage(Checkouts checkouts, Completion completion, OrderBook orders) {
		this.checkouts = checkouts;
		this.completion = completion;
		this.orders = orders;
	}

	/**
	 * The page; {@code session_id} is where Stripe's form sends the buyer back after
	 * paying, so the order is placed at once rather than when Stripe's webhook arrives.
	 */
	@GetMapping(path = "/checkout/{secret}", produces = "text/html")
	ResponseEntity<String> show(@PathVariable String secret,
			@RequestParam(name = "session_id", required = false) @Nullable String sessionId) {
		CheckoutJson checkout;
		try {
			checkout = this.checkouts.bySecret(secret);
		}
		catch (NotFound ex) {
			return Html.response(HttpStatus.NOT_FOUND, "Checkout not found",
					"<h1>Checkout not found</h1><p>This checkout link is not valid.</p>");
		}
		if (sessionId != null && checkout.status().equals("open") && sessionId.equals(checkout.processorId())) {
			try {
				CheckoutJson done = this.completion.completeProcessorSession(sessionId);
				if (done != null) {
					checkout = done;
				}
			}
			catch (ProcessorError ex) {
				return Html.response(HttpStatus.OK, "Confirming your payment",
						"<h1>Confirming your payment…</h1><p>This page will show your order as soon as the payment "
								+ "is confirmed. <a href=\"\">Reload</a></p>");
			}
		}
		return render(checkout, HttpStatus.OK, null, Map.of());
	}

	@PostMapping(path = "/checkout/{secret}", produces = "text/html")
	ResponseEntity<String> submit(@PathVariable String secret, @RequestParam Map<String, String> form) {
		CheckoutJson checkout;
		try {
			checkout = this.checkouts.bySecret(secret);
		}
		catch (NotFound ex) {
			return Html.response(HttpStatus.NOT_FOUND, "Checkout not found",
					"<h1>Checkout not found</h1><p>This checkout link is not valid.</p>");
		}
		if (!checkout.status().equals("open")) {
			return render(checkout, HttpStatus.OK, null, Map.of());
		}
		try {
			Map<String, Object> changes = new LinkedHashMap<>();
			changes.put("email", blankToNull(form.get("email")));
			changes.put("name", blankToNull(form.get("name")));
			String code = blankToNull(form.get("discountCode"));
			String applied = (checkout.discount() != null) ? checkout.discount().code() : null;
			if (code != null ? !code.equalsIgnoreCase(String.valueOf(applied)) : "remove".equals(form.get("action"))) {
				changes.put("discountCode", code);
			}
			if (blankToNull(form.get("customAmount")) != null) {
				changes.put("customAmount", toMinorUnits(form.get("customAmount")));
			}
			checkout = this.checkouts.updateBySecret(secret, Fields.of(changes));
			if (!"pay".equals(form.get("action"))) {
				return render(checkout, HttpStatus.OK, null, form);
			}
			Card card = null;
			if (checkout.total() > 0) {
				Map<String, Object> cardFields = new LinkedHashMap<>();
				cardFields.put("number", form.getOrDefault("cardNumber", ""));
				String expiry = form.getOrDefault("expiry", "");
				int slash = expiry.indexOf('/');
				cardFields.put("expMonth", blankToNull((slash >= 0) ? expiry.substring(0, slash) : expiry));
				cardFields.put("expYear", (slash >= 0) ? blankToNull(expiry.substring(slash + 1)) : null);
				cardFields.put("cvc", form.getOrDefault("cvc", ""));
				Fields fields = Fields.of(Map.of("card", cardFields));
				card = CheckoutController.card(fields);
				fields.errors().throwIfAny();
			}
			CheckoutJson done = this.completion.confirm(secret, checkout.prefilledEmail(), null, card);
			return render(done, HttpStatus.OK, null, Map.of());
		}
		catch (InvalidRecord ex) {
			return render(this.checkouts.bySecret(secret), HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage(), form);
		}
		catch (PaymentFailed ex) {
			return render(this.checkouts.bySecret(secret), HttpStatus.PAYMENT_REQUIRED, ex.getMessage(), form);
		}
		catch (StateConflict ex) {
			return render(this.checkouts.bySecret(secret), HttpStatus.CONFLICT, ex.getMessage(), form);
		}
	}

	private ResponseEntity<String> render(CheckoutJson checkout, HttpStatus status, @Nullable String error,
			Map<String, String> form) {
		String seller = checkout.sellerAccount().name();
		if (checkout.status().equals("complete")) {
			return Html.response(status, "Thank you", receipt(checkout));
		}
		if (!checkout.status().equals("open")) {
			return Html.response(HttpStatus.GONE, "Checkout " + checkout.status(), "<h1>This checkout has "
					+ Html.escape(checkout.status()) + "</h1><p>Start again from the seller's page.</p>");
		}
		StringBuilder body = new StringBuilder();
		body.append("<p class=\"muted\">").append(Html.escape(seller)).append("</p>");
		if (!checkout.livemode()) {
			body.append("<p class=\"test\">Test mode: use card 4242 4242 4242 4242; no money moves.</p>");
		}
		body.append("<table>");
		boolean payWhatYouWant = false;
		for (CheckoutJson.ItemJson item : checkout.checkoutItems()) {
			String product = (item.product() != null) ? item.product().name() : "Item";
			String variant = (item.priceVariant() != null) ? item.priceVariant().name() : "";
			payWhatYouWant |= item.priceVariant() != null && item.priceVariant().isPayWhatYouWant();
			body.append("<tr><td>")
				.append(Html.escape(product))
				.append(" <span class=\"muted\">")
				.append(Html.escape(variant))
				.append(" × ")
				.append(item.quantity())
				.append("</span></td><td class=\"num\">")
				.append(Money.format(item.unitAmount() * item.quantity(), checkout.currency()))
				.append("</td></tr>");
		}
		if (checkout.discountAmount() > 0 && checkout.discount() != null) {
			body.append("<tr><td>Discount ")
				.append(Html.escape(checkout.discount().code()))
				.append("</td><td class=\"num\" id=\"discount\">−")
				.append(Money.format(checkout.discountAmount(), checkout.currency()))
				.append("</td></tr>");
		}
		body.append("<tr><td><strong>Total</strong></td><td class=\"num\"><strong id=\"total\">")
			.append(Money.format(checkout.total(), checkout.currency()))
			.append("</strong></td></tr></table>");
		if (error != null) {
			body.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(Html.escape(error)).append("</p>");
		}
		body.append("<form method=\"post\">");
		field(body, "email", "Email", "email", value(form, "email", checkout.prefilledEmail()), "email");
		field(body, "name", "Name", "text", value(form, "name", null), "name");
		if (payWhatYouWant) {
			field(body, "customAmount", "Your price (" + checkout.currency() + ")", "text",
					value(form, "customAmount", null), "off");
		}
		if (this.checkouts.allowsDiscountCodes(checkout.clientSecret())) {
			body.append("<label for=\"discountCode\">Discount code</label><div class=\"row\">")
				.append("<input id=\"discountCode\" name=\"discountCode\" value=\"")
				.append(Html.escape(
						value(form, "discountCode", (checkout.discount() != null) ? checkout.discount().code() : "")))
				.append("\"><button type=\"submit\" name=\"action\" value=\"apply\" id=\"apply\">Apply</button></div>");
		}
		if (checkout.processorId() != null) {
			body.append("<button type=\"submit\" name=\"action\" value=\"save\" id=\"save\">Save details</button>")
				.append("</form>");
			body.append(stripeForm(checkout));
			return Html.response(status, "Checkout — " + seller, body.toString());
		}
		if (checkout.total() > 0) {
			field(body, "cardNumber", "Card number", "text", value(form, "cardNumber", ""), "cc-number");
			body.append("<div class=\"row\"><div>");
			field(body, "expiry", "Expiry (MM/YY)", "text", value(form, "expiry", ""), "cc-exp");
			body.append("</div><div>");
			field(body, "cvc", "CVC", "text", "", "cc-csc");
			body.append("</div></div>");
		}
		body.append("<button type=\"submit\" name=\"action\" value=\"pay\" id=\"pay\">")
			.append((checkout.total() > 0) ? "Pay " + Money.format(checkout.total(), checkout.currency())
					: "Get it free")
			.append("</button></form>");
		return Html.response(status, "Checkout — " + seller, body.toString());
	}

	/**
	 * Stripe's payment form (Stripe.js, Checkout in custom UI mode) for the checkout's
	 * session; the buyer's card goes to Stripe, never to this server.
	 */
	private String stripeForm(CheckoutJson checkout) {
		String key = this.checkouts.publishableKey(checkout.livemode());
		if (key == null) {
			return "<p class=\"error\" id=\"error\" role=\"alert\">This store cannot take card payments on this page "
					+ "yet (the server has no STRIPE_PUBLISHABLE_KEY).</p>";
		}
		return "<div id=\"stripe-payment\" data-publishable-key=\"" + Html.escape(key) + "\" data-client-secret=\""
				+ Html.escape(String.valueOf(checkout.clientSecret())) + "\"><div id=\"payment-element\"></div>"
				+ "<p class=\"error\" id=\"payment-error\" role=\"alert\" hidden></p>"
				+ "<button type=\"button\" id=\"pay\">Pay " + Money.format(checkout.total(), checkout.currency())
				+ "</button></div><noscript><p class=\"error\">Stripe's payment form needs JavaScript.</p></noscript>"
				+ "<script src=\"https://js.stripe.com/basil/stripe.js\"></script><script>" + STRIPE_SCRIPT
				+ "</script>";
	}

	private static final String STRIPE_SCRIPT = """
			(async () => {
			  const root = document.getElementById('stripe-payment');
			  const error = document.getElementById('payment-error');
			  const stripe = Stripe(root.dataset.publishableKey);
			  const checkout = await stripe.initCheckout({ fetchClientSecret: async () => root.dataset.clientSecret });
			  checkout.createPaymentElement().mount('#payment-element');
			  document.getElementById('pay').addEventListener('click', async () => {
			    const email = document.getElementById('email').value;
			    const result = await checkout.confirm(email ? { email } : {});
			    if (result.type === 'error') { error.textContent = result.error.message; error.hidden = false; }
			  });
			})();
			""";

	private String receipt(CheckoutJson checkout) {
		StringBuilder body = new StringBuilder("<h1>Thank you!</h1>");
		body.append("<p>Your order <strong id=\"order\">")
			.append(Html.escape(String.valueOf(checkout.order())))
			.append("</strong> is complete");
		if (checkout.total() > 0) {
			body.append(": ").append(Money.format(checkout.total(), checkout.currency())).append(" paid");
		}
		body.append(".</p><h2>Your access</h2><ul>");
		CheckoutJson full = checkout;
		Long orderId = orderId(full);
		if (orderId != null) {
			List<String> urls = this.orders.accessUrls(orderId);
			int n = 1;
			for (String url : urls) {
				body.append("<li><a class=\"access\" href=\"")
					.append(Html.escape(url))
					.append("\">Open your purchase")
					.append((urls.size() > 1) ? " (" + n++ + ")" : "")
					.append("</a></li>");
			}
		}
		body.append("</ul>");
		if (checkout.returnUrl() != null) {
			body.append("<p><a href=\"")
				.append(Html.escape(checkout.returnUrl()))
				.append("\">Back to the store</a></p>");
		}
		return body.toString();
	}

	private @Nullable Long orderId(CheckoutJson checkout) {
		return this.checkouts.orderIdOf(checkout.id());
	}

	private static void field(StringBuilder body, String name, String label, String type, @Nullable String value,
			String autocomplete) {
		body.append("<label for=\"")
			.append(name)
			.append("\">")
			.append(Html.escape(label))
			.append("</label><input id=\"")
			.append(name)
			.append("\" name=\"")
			.append(name)
			.append("\" type=\"")
			.append(type)
			.append("\" autocomplete=\"")
			.append(autocomplete)
			.append("\" value=\"")
			.append(Html.escape((value != null) ? value : ""))
			.append("\">");
	}

	private static String value(Map<String, String> form, String name, @Nullable String fallback) {
		String value = form.get(name);
		return (value != null) ? value : (fallback != null) ? fallback : "";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/** The longest price a person may type: far beyond any real price. */
	static final int MAX_AMOUNT_LENGTH = 20;

	private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern
		.compile("[0-9]{1,15}(?:[.,][0-9]{0,2})?|[.,][0-9]{1,2}");

	/**
	 * A price typed by a person ({@code 12.50}, {@code 12,5}) in minor units: plain
	 * digits with at most two decimals, never an exponent, so parsing costs no more than
	 * its few characters. Anything else is refused as a validation error on
	 * {@code customAmount}.
	 */
	static long toMinorUnits(String typed) {
		String text = typed.trim();
		if (text.length() > MAX_AMOUNT_LENGTH || !AMOUNT.matcher(text).matches()) {
			throw dev.storekeeper.platform.web.Errors.of("customAmount",
					"must be an amount such as 12.50, with at most two decimals");
		}
		return new java.math.BigDecimal(text.replace(',', '.')).movePointRight(2).longValueExact();
	}

}
