package dev.storekeeper.catalog;

import java.math.BigDecimal;
import java.util.Currency;

import dev.storekeeper.platform.Html;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * {@code /p/{subdomain}/{slug}}: the public page of a live, active product, plain HTML
 * without scripts. The seller's {@code bodyHtml} is shown in a sandboxed frame, so it can
 * format but never run code on the page.
 */
@Controller
class ProductPage {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:";

	private final Products products;

	ProductPage(Products products) {
		this.products = products;
	}

	@GetMapping(path = "/p/{subdomain}/{slug}")
	ResponseEntity<String> show(@PathVariable String subdomain, @PathVariable String slug) {
		return this.products.publicProduct(subdomain, slug)
			.map((product) -> page(HttpStatus.OK, product.name(), render(product)))
			.orElseGet(() -> page(HttpStatus.NOT_FOUND, "Not found",
					"<h1>Not found</h1><p>There is no such product.</p>"));
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		return ResponseEntity.status(status)
			.contentType(HTML)
			.header("Content-Security-Policy", POLICY)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			.body(Html.page(title, body));
	}

	private static String render(ProductJson product) {
		StringBuilder html = new StringBuilder();
		html.append("<main><h1>").append(htmlEscape(product.name())).append("</h1>");
		if (product.description() != null) {
			html.append("<p class=\"description\">").append(htmlEscape(product.description())).append("</p>");
		}
		if (product.bodyHtml() != null && !product.bodyHtml().isBlank()) {
			html.append("<iframe sandbox style=\"width:100%;min-height:20rem;border:0\" title=\"")
				.append(htmlEscape(product.name()))
				.append("\" srcdoc=\"")
				.append(htmlEscape(product.bodyHtml()))
				.append("\"></iframe>");
		}
		html.append("<ul class=\"prices\">");
		for (PriceVariantJson variant : product.priceVariants()) {
			if (variant.hidden()) {
				continue;
			}
			html.append("<li><strong>")
				.append(htmlEscape(variant.name()))
				.append("</strong> ")
				.append(htmlEscape(price(variant)));
			if (variant.waitlist()) {
				html.append(" (waitlist)");
			}
			html.append("</li>");
		}
		html.append("</ul></main>");
		return html.toString();
	}

	/**
	 * {@code 19.00 USD}, {@code 9.00 USD every 3 months}, {@code Free},
	 * {@code Pay what you want}.
	 */
	static String price(PriceVariantJson variant) {
		if (PriceVariant.FREE.equals(variant.billingType())) {
			return "Free";
		}
		String price;
		if (variant.isPayWhatYouWant()) {
			price = "Pay what you want" + ((variant.minimumAmount() != null && variant.minimumAmount() > 0)
					? ", from " + money(variant.minimumAmount(), variant.currency()) : "");
		}
		else {
			price = money(variant.amount(), variant.currency());
			if (variant.discountedFromAmount() != null) {
				price += " (was " + money(variant.discountedFromAmount(), variant.currency()) + ")";
			}
		}
		if (PriceVariant.RECURRING.equals(variant.billingType()) && variant.recurringInterval() != null) {
			int count = (variant.intervalCount() != null) ? variant.intervalCount() : 1;
			price += (count == 1) ? " every " + variant.recurringInterval()
					: " every " + count + " " + variant.recurringInterval() + "s";
		}
		return price;
	}

	static String money(long minor, String currency) {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
	}

}
