package dev.storekeeper.checkout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.AccountJson;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.payments.Card;
import dev.storekeeper.payments.PaymentFailed;
import dev.storekeeper.payments.ProcessorError;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.Money;
import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.Pages;
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

	private final Pages pages;

	HostedCheckoutPage(Checkouts checkouts, Completion completion, OrderBook orders, Pages pages) {
		this.checkouts = checkouts;
		this.completion = completion;
		this.orders = orders;
		this.pages = pages;
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
			return notFound();
		}
		if (sessionId != null && checkout.status().equals("open") && sessionId.equals(checkout.processorId())) {
			try {
				CheckoutJson done = this.completion.completeProcessorSession(sessionId);
				if (done != null) {
					checkout = done;
				}
			}
			catch (ProcessorError ex) {
				return this.pages.message(HttpStatus.OK,
						PageLayout.unindexed("Confirming your payment", checkout.livemode())
							.by(seller(checkout.sellerAccount())),
						"Confirming your payment…",
						"This page will show your order as soon as the payment is confirmed: reload it in a moment.");
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
			return notFound();
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
				changes.put("customAmount", toMinorUnits(form.get("customAmount"), checkout.currency()));
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
		PageLayout.Seller seller = seller(checkout.sellerAccount());
		if (checkout.status().equals("complete")) {
			return receipt(checkout, status);
		}
		if (!checkout.status().equals("open")) {
			return this.pages.message(HttpStatus.GONE,
					PageLayout.unindexed("Checkout " + checkout.status(), checkout.livemode()).by(seller),
					"This checkout has " + checkout.status(), "Start again from the seller's page.");
		}
		boolean payWhatYouWant = false;
		List<CheckoutView.Line> lines = new ArrayList<>();
		for (CheckoutJson.ItemJson item : checkout.checkoutItems()) {
			ProductJson product = item.product();
			payWhatYouWant |= item.priceVariant() != null && item.priceVariant().isPayWhatYouWant();
			lines.add(new CheckoutView.Line((product != null) ? product.name() : "Item",
					(item.priceVariant() != null) ? item.priceVariant().name() : "", item.quantity(),
					Money.format(item.unitAmount() * item.quantity(), checkout.currency()),
					(product != null) ? picture(product) : null, (product != null) ? product.description() : null));
		}
		String discountCode = null;
		String discount = null;
		if (checkout.discountAmount() > 0 && checkout.discount() != null) {
			discountCode = checkout.discount().code();
			discount = "−" + Money.format(checkout.discountAmount(), checkout.currency());
		}
		String stripeKey = (checkout.processorId() != null) ? this.checkouts.publishableKey(checkout.livemode()) : null;
		CheckoutView view = new CheckoutView(
				new PageLayout("Checkout — " + seller.name(), checkout.livemode(), false, seller), seller.name(), lines,
				discountCode, discount, Money.format(checkout.total(), checkout.currency()), error,
				new CheckoutView.Form(value(form, "email", checkout.prefilledEmail()), value(form, "name", null),
						value(form, "customAmount", null),
						value(form, "discountCode", (checkout.discount() != null) ? checkout.discount().code() : ""),
						value(form, "cardNumber", ""), value(form, "expiry", "")),
				payWhatYouWant ? "Your price (" + checkout.currency() + ")" : null,
				this.checkouts.allowsDiscountCodes(checkout.clientSecret()), stripeKey,
				checkout.processorId() != null && stripeKey == null, checkout.clientSecret(),
				checkout.processorId() == null && checkout.total() > 0,
				(checkout.total() > 0) ? "Pay " + Money.format(checkout.total(), checkout.currency()) : "Get it free");
		return this.pages.response(status, view.layout(), "checkout/checkout.jte", view);
	}

	/** The seller as the public pages show them. */
	static PageLayout.Seller seller(AccountJson account) {
		return new PageLayout.Seller(account.name(), (account.avatar() != null) ? account.avatar().src() : null,
				account.availableSupportEmail(), null, account.brandColor());
	}

	/** The product's first picture, if it has one. */
	static @Nullable String picture(ProductJson product) {
		return product.mediaItems()
			.stream()
			.filter((item) -> item.url() != null && item.contentType().toLowerCase(Locale.ROOT).startsWith("image"))
			.map(ProductJson.MediaItemJson::url)
			.findFirst()
			.orElse(null);
	}

	private ResponseEntity<String> receipt(CheckoutJson checkout, HttpStatus status) {
		Long orderId = this.checkouts.orderIdOf(checkout.id());
		List<String> urls = (orderId != null) ? this.orders.accessUrls(orderId) : List.of();
		ThanksView view = new ThanksView(
				PageLayout.unindexed("Thank you", checkout.livemode()).by(seller(checkout.sellerAccount())),
				String.valueOf(checkout.order()),
				(checkout.total() > 0) ? Money.format(checkout.total(), checkout.currency()) : null, urls,
				checkout.returnUrl());
		return this.pages.response(status, view.layout(), "checkout/thanks.jte", view);
	}

	private ResponseEntity<String> notFound() {
		return this.pages.message(HttpStatus.NOT_FOUND, PageLayout.unindexed("Checkout not found", true),
				"Checkout not found", "This checkout link is not valid.");
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
		.compile("[0-9]{1,15}(?:[.,][0-9]{0,3})?|[.,][0-9]{1,3}");

	/**
	 * A price typed by a person ({@code 12.50}, {@code 12,5}) in the minor units of
	 * {@code currency}: plain digits with no more decimals than the currency has (none
	 * for JPY, three for KWD), never an exponent, so parsing costs no more than its few
	 * characters. Anything else is refused as a validation error on {@code customAmount}.
	 */
	static long toMinorUnits(String typed, String currency) {
		String text = typed.trim();
		int digits = Money.digits(currency);
		if (text.length() > MAX_AMOUNT_LENGTH || !AMOUNT.matcher(text).matches()) {
			throw invalidAmount(digits);
		}
		java.math.BigDecimal amount = new java.math.BigDecimal(text.replace(',', '.'));
		if (Math.max(0, amount.stripTrailingZeros().scale()) > digits) {
			throw invalidAmount(digits);
		}
		return amount.movePointRight(digits).longValueExact();
	}

	private static InvalidRecord invalidAmount(int digits) {
		String rule = switch (digits) {
			case 0 -> "must be a whole amount such as 500, without decimals";
			case 1 -> "must be an amount such as 12.5, with at most one decimal";
			case 2 -> "must be an amount such as 12.50, with at most two decimals";
			default -> "must be an amount such as 12.500, with at most " + digits + " decimals";
		};
		return dev.storekeeper.platform.web.Errors.of("customAmount", rule);
	}

}
