package dev.storekeeper.checkout;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.PriceVariantJson;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.Money;
import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.Pages;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.pages.SellerHtml;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /p/{subdomain}/{slug}}: the public page of a live, active product, and
 * {@code /p/test/{subdomain}/{slug}} its test-mode preview; plain HTML without scripts.
 * Each variant on sale has a button that starts a checkout of it and sends the buyer to
 * the hosted checkout ({@code 303}), as a checkout link does. The seller's
 * {@code bodyHtml} is shown in a sandboxed frame, so it can format but never run code on
 * the page.
 */
@Controller
class ProductPage {

	/**
	 * No script; styles of the page and the seller's frame, pictures over HTTPS or from
	 * this server; forms post only here.
	 */
	static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; "
			+ "base-uri 'none'; form-action 'self'";

	private final Catalog catalog;

	private final Checkouts checkouts;

	private final Pages pages;

	ProductPage(Catalog catalog, Checkouts checkouts, Pages pages) {
		this.catalog = catalog;
		this.checkouts = checkouts;
		this.pages = pages;
	}

	@GetMapping(path = "/p/{subdomain}/{slug}")
	ResponseEntity<String> live(@PathVariable String subdomain, @PathVariable String slug) {
		return show(subdomain, slug, true);
	}

	@GetMapping(path = "/p/test/{subdomain}/{slug}")
	ResponseEntity<String> test(@PathVariable String subdomain, @PathVariable String slug) {
		return show(subdomain, slug, false);
	}

	@PostMapping(path = "/p/{subdomain}/{slug}")
	ResponseEntity<String> buyLive(@PathVariable String subdomain, @PathVariable String slug,
			@RequestParam Map<String, String> form) {
		return buy(subdomain, slug, true, form);
	}

	@PostMapping(path = "/p/test/{subdomain}/{slug}")
	ResponseEntity<String> buyTest(@PathVariable String subdomain, @PathVariable String slug,
			@RequestParam Map<String, String> form) {
		return buy(subdomain, slug, false, form);
	}

	private ResponseEntity<String> show(String subdomain, String slug, boolean livemode) {
		return this.catalog.publicProduct(subdomain, slug, livemode)
			.map((product) -> render(product, HttpStatus.OK, null, null, ""))
			.orElseGet(() -> notFound(livemode));
	}

	/**
	 * Starts a checkout of the variant the form names, at the amount typed for a
	 * pay-what-you-want price, and sends the buyer to it; on a refusal (sold out, an
	 * amount out of range) the page again, with the reason beside the variant.
	 */
	private ResponseEntity<String> buy(String subdomain, String slug, boolean livemode, Map<String, String> form) {
		Optional<ProductJson> found = this.catalog.publicProduct(subdomain, slug, livemode);
		if (found.isEmpty()) {
			return notFound(livemode);
		}
		ProductJson product = found.get();
		String wanted = String.valueOf(form.get("priceVariantId"));
		PriceVariantJson variant = product.priceVariants()
			.stream()
			.filter((v) -> !v.hidden() && v.prefixId().equals(wanted))
			.findFirst()
			.orElse(null);
		if (variant == null) {
			return render(product, HttpStatus.UNPROCESSABLE_CONTENT, null, "Choose one of the offers on this page.",
					"");
		}
		String typed = String.valueOf(form.getOrDefault("customAmount", "")).strip();
		try {
			Long custom = (variant.isPayWhatYouWant() && !typed.isEmpty())
					? HostedCheckoutPage.toMinorUnits(typed, variant.currency()) : null;
			CheckoutJson checkout = this.checkouts.open(product.sellerAccount().id(), livemode,
					List.of(new Quotes.Request(new Ref(variant.id(), null), 1, custom, "productPage")), null, null,
					null, product.url(), product.url(), null, null, true);
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(hosted(checkout, livemode)).build();
		}
		catch (InvalidRecord ex) {
			return render(product, HttpStatus.UNPROCESSABLE_CONTENT, variant.prefixId(), message(ex), typed);
		}
	}

	/**
	 * The hosted checkout's address relative to this page, so the buyer stays on the host
	 * (and under the path) they reached the product page by.
	 */
	private static URI hosted(CheckoutJson checkout, boolean livemode) {
		return URI.create((livemode ? "../../" : "../../../") + "checkout/" + checkout.clientSecret());
	}

	private static String message(InvalidRecord ex) {
		String message = ex.getMessage();
		return (message != null) ? message : "This offer cannot be bought.";
	}

	private ResponseEntity<String> notFound(boolean livemode) {
		return Pages.builder(HttpStatus.NOT_FOUND, PageLayout.unindexed("Not found", livemode))
			.header("Content-Security-Policy", POLICY)
			.body(this.pages.html("layout/message.jte", Map.of("layout", PageLayout.unindexed("Not found", livemode),
					"heading", "Not found", "text", "There is no such product.")));
	}

	private ResponseEntity<String> render(ProductJson product, HttpStatus status, @Nullable String failed,
			@Nullable String error, String typed) {
		PageLayout layout = new PageLayout(title(product), product.livemode(), true,
				HostedCheckoutPage.seller(product.sellerAccount()));
		List<String> pictures = product.mediaItems()
			.stream()
			.filter((item) -> item.url() != null && item.contentType().toLowerCase(Locale.ROOT).startsWith("image"))
			.map(ProductJson.MediaItemJson::url)
			.toList();
		List<ProductView.Offer> offers = new ArrayList<>();
		for (PriceVariantJson variant : product.priceVariants()) {
			if (!variant.hidden()) {
				boolean thisOne = variant.prefixId().equals(failed);
				offers.add(offer(variant, product.buttonCta(), thisOne ? error : null, thisOne ? typed : ""));
			}
		}
		if (failed == null && error != null && !offers.isEmpty()) {
			ProductView.Offer first = offers.get(0);
			offers.set(0,
					new ProductView.Offer(first.id(), first.name(), first.price(), first.was(), first.terms(),
							first.amountLabel(), first.amountHint(), first.typed(), first.state(), first.cta(),
							first.benefits(), first.left(), error));
		}
		String body = product.bodyHtml();
		ProductView view = new ProductView(layout, product, action(product),
				pictures.isEmpty() ? null : pictures.get(0),
				pictures.isEmpty() ? List.of() : pictures.subList(1, pictures.size()),
				(body != null && !body.isBlank()) ? SellerHtml.of(body, product.name()) : null, offers);
		return Pages.builder(status, layout)
			.header("Content-Security-Policy", POLICY)
			.body(this.pages.html("checkout/product.jte", view));
	}

	private static String title(ProductJson product) {
		String seo = product.seo().title();
		return (seo != null && !seo.isBlank()) ? seo : product.name();
	}

	/** The page's own path, where its forms post. */
	private static String action(ProductJson product) {
		String url = product.url();
		int path = url.indexOf("/p/");
		return (path >= 0) ? url.substring(path) : url;
	}

	static ProductView.Offer offer(PriceVariantJson variant, String cta, @Nullable String error, String typed) {
		String currency = variant.currency();
		boolean free = "free".equals(variant.billingType());
		String price;
		String was = null;
		String amountLabel = null;
		String amountHint = null;
		if (free) {
			price = "Free";
		}
		else if (variant.isPayWhatYouWant()) {
			price = "Pay what you want";
			amountLabel = "Your price (" + currency + ")";
			Long min = variant.minimumAmount();
			Long max = variant.maximumAmount();
			if (min != null && min > 0 && max != null) {
				amountHint = "From " + Money.format(min, currency) + " to " + Money.format(max, currency) + ".";
			}
			else if (min != null && min > 0) {
				amountHint = "At least " + Money.format(min, currency) + ".";
			}
			else if (max != null) {
				amountHint = "Up to " + Money.format(max, currency) + ".";
			}
			if (variant.presetAmount() != null) {
				amountHint = ((amountHint != null) ? amountHint + " " : "") + "Suggested: "
						+ Money.format(variant.presetAmount(), currency) + ".";
			}
			if (typed.isEmpty() && variant.presetAmount() != null) {
				typed = major(variant.presetAmount(), currency);
			}
		}
		else {
			price = Money.format(variant.amount(), currency);
			if (variant.discountedFromAmount() != null) {
				was = Money.format(variant.discountedFromAmount(), currency);
			}
		}
		List<String> terms = new ArrayList<>();
		if ("recurring".equals(variant.billingType()) && variant.recurringInterval() != null) {
			int count = (variant.intervalCount() != null) ? variant.intervalCount() : 1;
			terms.add((count == 1) ? "every " + variant.recurringInterval()
					: "every " + count + " " + variant.recurringInterval() + "s");
		}
		if (variant.hasFreeTrial()) {
			terms.add(variant.trialPeriodDays() + "-day free trial");
		}
		ProductView.State state = variant.waitlist() ? ProductView.State.WAITLIST
				: (variant.quantityAvailable() != null && variant.quantityAvailable() <= 0) ? ProductView.State.SOLD_OUT
						: ProductView.State.ON_SALE;
		String left = (state == ProductView.State.ON_SALE && variant.quantityAvailable() != null
				&& variant.quantityAvailable() <= 10) ? "Only " + variant.quantityAvailable() + " left" : null;
		return new ProductView.Offer(variant.prefixId(), variant.name(), price, was,
				terms.isEmpty() ? null : String.join(" · ", terms), amountLabel, amountHint, typed, state, cta,
				(variant.benefits() != null) ? variant.benefits() : List.of(), left, error);
	}

	/**
	 * Minor units as a person types them: {@code 500} USD is {@code 5.00}, JPY
	 * {@code 500}.
	 */
	static String major(long minor, String currency) {
		return BigDecimal.valueOf(minor, Money.digits(currency)).toPlainString();
	}

}
