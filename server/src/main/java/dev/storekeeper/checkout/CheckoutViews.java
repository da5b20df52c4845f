package dev.storekeeper.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.AccountJson;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.PriceVariantJson;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.discounts.DiscountJson;
import dev.storekeeper.discounts.Discounts;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.PublicUrl;
import dev.storekeeper.platform.Times;
import org.springframework.stereotype.Component;

/**
 * Checkouts as the API shows them: items with their variants and products, loaded in
 * batches, the discount and the seller.
 */
@Component
class CheckoutViews {

	private final CheckoutRepository checkouts;

	private final Catalog catalog;

	private final Discounts discounts;

	private final Accounts accounts;

	private final PublicUrl publicUrl;

	private final Clock clock;

	CheckoutViews(CheckoutRepository checkouts, Catalog catalog, Discounts discounts, Accounts accounts,
			PublicUrl publicUrl, Clock clock) {
		this.checkouts = checkouts;
		this.catalog = catalog;
		this.discounts = discounts;
		this.accounts = accounts;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	/** The checkout a client secret opens; 404 for a malformed or unknown one. */
	Checkout bySecret(String secret) {
		if (!secret.matches("cs_[0-9A-Za-z_]{10,400}")) {
			throw new NotFound("Checkout");
		}
		return this.checkouts.findBySecret(secret).orElseThrow(() -> new NotFound("Checkout"));
	}

	/**
	 * The checkout a client secret opens, locked until the transaction ends, or 404.
	 */
	Checkout lockBySecret(String secret) {
		if (!secret.matches("cs_[0-9A-Za-z_]{10,400}")) {
			throw new NotFound("Checkout");
		}
		return this.checkouts.lockBySecret(secret).orElseThrow(() -> new NotFound("Checkout"));
	}

	/** The checkout as stored now. */
	Checkout reread(Checkout checkout) {
		return this.checkouts.findById(checkout.accountId(), checkout.livemode(), checkout.id()).orElseThrow();
	}

	/** The checkout as stored now. */
	Checkout reread(CheckoutRepository.Key checkout) {
		return this.checkouts.findById(checkout.accountId(), checkout.livemode(), checkout.id()).orElseThrow();
	}

	/** The checkout as JSON, its variants, products and discount read in batches. */
	CheckoutJson json(Checkout checkout) {
		List<Long> variantIds = checkout.items().stream().map(Checkout.Item::priceVariantId).toList();
		List<Long> productIds = checkout.items().stream().map(Checkout.Item::productId).toList();
		DiscountJson discount = (checkout.discountId() != null)
				? this.discounts.discountJson(checkout.accountId(), checkout.livemode(), List.of(checkout.discountId()))
					.get(checkout.discountId())
				: null;
		return json(checkout, this.catalog.variantJson(checkout.accountId(), checkout.livemode(), variantIds),
				this.catalog.productJson(checkout.accountId(), checkout.livemode(), productIds), discount);
	}

	/**
	 * The checkout as JSON with the variants, products and discount already read (by the
	 * completion, which has them from the sale).
	 */
	CheckoutJson json(Checkout checkout, Map<Long, PriceVariantJson> variants, Map<Long, ProductJson> products,
			@Nullable DiscountJson discount) {
		Instant now = Times.now(this.clock);
		List<CheckoutJson.ItemJson> items = new ArrayList<>();
		for (Checkout.Item item : checkout.items()) {
			PriceVariantJson variant = variants.get(item.priceVariantId());
			long unit = (item.customAmount() != null) ? item.customAmount()
					: (variant != null && !"free".equals(variant.billingType())) ? variant.amount() : 0;
			items.add(new CheckoutJson.ItemJson(item.id(), item.prefixId(), item.quantity(), unit, item.customAmount(),
					item.discountAmount(), variant, products.get(item.productId())));
		}
		AccountJson seller = AccountJson.of(this.accounts.get(checkout.accountId()));
		return new CheckoutJson(checkout.id(), checkout.prefixId(), checkout.status(now).wire(), checkout.mode().wire(),
				checkout.currency(), checkout.subtotal(), checkout.discountAmount(), checkout.total(),
				checkout.total() == 0, checkout.processorId(),
				(checkout.processorClientSecret() != null) ? checkout.processorClientSecret() : checkout.clientSecret(),
				checkout.email(), pageUrl(checkout), checkout.returnUrl(), checkout.cancelUrl(), discount,
				checkout.orderPrefixId(), checkout.expiresAt(), checkout.completedAt(), checkout.livemode(), items,
				seller, checkout.createdAt(), checkout.updatedAt());
	}

	/** The hosted page of a checkout. */
	String pageUrl(Checkout checkout) {
		return this.publicUrl.of("/checkout/" + checkout.clientSecret());
	}

}
