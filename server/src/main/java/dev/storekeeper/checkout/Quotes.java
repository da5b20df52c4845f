package dev.storekeeper.checkout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.discounts.Discount;
import dev.storekeeper.discounts.Discounts;
import dev.storekeeper.discounts.Pricing;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Ref;
import org.springframework.stereotype.Component;

/**
 * Prices a checkout: checks each line the buyer asked for against its variant (for sale,
 * in stock, within a pay-what-you-want range, one currency, no mix of subscription and
 * one-time items) and applies the discount.
 */
@Component
class Quotes {

	private static final int MAX_QUANTITY = 1000;

	private final Catalog catalog;

	private final Discounts discounts;

	Quotes(Catalog catalog, Discounts discounts) {
		this.catalog = catalog;
		this.discounts = discounts;
	}

	/**
	 * The name of a line's field in an error: under the line's key, or alone when the key
	 * is empty (a change that names the field itself, as the client API's
	 * {@code customAmount}).
	 */
	private static String field(String key, String name) {
		return key.isEmpty() ? name : key + "." + name;
	}

	/**
	 * One line the buyer asked for, before it is checked; {@code key} names it in
	 * validation errors.
	 */
	record Request(@Nullable Ref priceVariant, int quantity, @Nullable Long customAmount, String key) {
	}

	/**
	 * The lines of a checkout, priced: the variants, the unit amounts and the pricing
	 * under its discount.
	 */
	record Quote(String currency, List<VariantForSale> variants, List<Long> units, @Nullable Discount discount,
			Pricing pricing) {
	}

	/**
	 * Prices {@code requests} with the discount a code names, or else the one with
	 * {@code discountId}: one read of the catalog, one of the discounts.
	 */
	Quote quote(long accountId, boolean livemode, List<Request> requests, @Nullable String discountCode,
			@Nullable Long discountId, Instant now) {
		List<Ref> refs = requests.stream().map(Request::priceVariant).filter((ref) -> ref != null).toList();
		List<Optional<VariantForSale>> found = this.catalog.forSale(accountId, livemode, refs);
		List<@Nullable VariantForSale> variants = new ArrayList<>();
		int next = 0;
		for (Request request : requests) {
			variants.add((request.priceVariant() != null) ? found.get(next++).orElse(null) : null);
		}
		return price(requests, variants, () -> {
			if (discountCode != null && !discountCode.isBlank()) {
				return this.discounts.findActiveByCode(accountId, livemode, discountCode, now);
			}
			return (discountId != null) ? this.discounts.findActive(accountId, livemode, discountId, now) : null;
		});
	}

	/**
	 * Prices {@code requests} with the variants already read for them (null where none
	 * was found) and the discount {@code discount} gives, asked for only once the lines
	 * are valid.
	 */
	Quote price(List<Request> requests, List<@Nullable VariantForSale> found, Supplier<@Nullable Discount> discount) {
		Errors errors = new Errors();
		List<VariantForSale> variants = new ArrayList<>();
		List<Long> units = new ArrayList<>();
		Set<String> currencies = new HashSet<>();
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < requests.size(); i++) {
			Request request = requests.get(i);
			String key = request.key();
			if (request.priceVariant() == null) {
				errors.add(field(key, "priceVariantId"), "can't be blank");
				continue;
			}
			VariantForSale variant = found.get(i);
			if (variant == null) {
				errors.add(field(key, "priceVariantId"), "does not exist");
				continue;
			}
			if (!seen.add(variant.id())) {
				errors.add(field(key, "priceVariantId"), "is already in this checkout");
			}
			if (!"active".equals(variant.productStatus())) {
				errors.add(field(key, "priceVariantId"),
						"belongs to " + variant.productName() + ", which is not active");
			}
			else if (variant.archived()) {
				errors.add(field(key, "priceVariantId"), "is archived");
			}
			else if (variant.waitlist()) {
				errors.add(field(key, "priceVariantId"), "is on a waitlist and cannot be bought yet");
			}
			if (request.quantity() < 1 || request.quantity() > MAX_QUANTITY) {
				errors.add(field(key, "quantity"), "must be between 1 and " + MAX_QUANTITY);
			}
			else if (variant.quantityAvailable() != null && request.quantity() > variant.quantityAvailable()) {
				errors.add(field(key, "quantity"), (variant.quantityAvailable() == 0) ? "is not available: sold out"
						: "is more than the " + variant.quantityAvailable() + " available");
			}
			long unit = variant.amount();
			if ("free".equals(variant.billingType())) {
				unit = 0;
			}
			else if (variant.payWhatYouWant()) {
				Long custom = request.customAmount();
				unit = (custom != null) ? custom : (variant.presetAmount() != null) ? variant.presetAmount()
						: (variant.minimumAmount() != null) ? variant.minimumAmount() : variant.amount();
				if (variant.minimumAmount() != null && unit < variant.minimumAmount()) {
					errors.add(field(key, "customAmount"), "must be at least " + variant.minimumAmount());
				}
				else if (variant.maximumAmount() != null && unit > variant.maximumAmount()) {
					errors.add(field(key, "customAmount"), "must be at most " + variant.maximumAmount());
				}
				else if (unit < 0) {
					errors.add(field(key, "customAmount"), "must be at least 0");
				}
			}
			currencies.add(variant.currency());
			variants.add(variant);
			units.add(unit);
		}
		errors.throwIfAny();
		if (currencies.size() > 1) {
			errors.add("base", "All items of a checkout must be in the same currency");
		}
		long recurring = variants.stream().filter(VariantForSale::recurring).count();
		if (recurring > 0 && recurring < variants.size()) {
			errors.add("base", "A checkout cannot mix subscription and one-time items");
		}
		if (recurring > 1) {
			errors.add("base", "A checkout can hold at most one subscription item");
		}
		errors.throwIfAny();
		String currency = variants.get(0).currency();
		List<Pricing.Line> lines = new ArrayList<>();
		for (int i = 0; i < variants.size(); i++) {
			lines.add(new Pricing.Line(variants.get(i).id(), units.get(i), requests.get(i).quantity(),
					variants.get(i).productId()));
		}
		Discount applied = discount.get();
		Pricing pricing = (applied != null) ? Pricing.of(applied, lines, currency) : Pricing.undiscounted(lines);
		return new Quote(currency, variants, units, applied, pricing);
	}

	/** The lines of a stored checkout, as requests to price again. */
	static List<Request> requests(Checkout checkout) {
		List<Request> requests = new ArrayList<>();
		int index = 0;
		for (Checkout.Item item : checkout.items()) {
			requests.add(new Request(new Ref(item.priceVariantId(), null), item.quantity(), item.customAmount(),
					"checkoutItems[" + index++ + "]"));
		}
		return requests;
	}

}
