package dev.storekeeper.discounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A discount code of one seller in one mode. */
public record Discount(long id, String prefixId, long accountId, boolean livemode, String code, @Nullable String name,
		String discountType, @Nullable BigDecimal percentOff, @Nullable Long amountOff, @Nullable String currency,
		String duration, @Nullable Integer durationInMonths, @Nullable Instant redeemBy, @Nullable Instant startsAt,
		@Nullable Integer maxRedemptions, int timesRedeemed, @Nullable Long minimumAmount, List<Long> priceVariantIds,
		Instant createdAt, Instant updatedAt, List<Long> productIds) {

	/**
	 * {@code scheduled} before {@code startsAt}; {@code expired} after {@code redeemBy}
	 * or once used up.
	 */
	public String status(Instant now) {
		if ((this.redeemBy != null && !now.isBefore(this.redeemBy))
				|| (this.maxRedemptions != null && this.timesRedeemed >= this.maxRedemptions)) {
			return "expired";
		}
		if (this.startsAt != null && now.isBefore(this.startsAt)) {
			return "scheduled";
		}
		return "active";
	}

	/**
	 * Whether it applies to lines of this variant of this product: to every line when it
	 * names no variant and no product, else to those of a variant or a product it names.
	 */
	public boolean appliesTo(long priceVariantId, long productId) {
		if (this.priceVariantIds.isEmpty() && this.productIds.isEmpty()) {
			return true;
		}
		return this.priceVariantIds.contains(priceVariantId) || this.productIds.contains(productId);
	}

	Discount withRestrictions(List<Long> ids, List<Long> products) {
		return new Discount(this.id, this.prefixId, this.accountId, this.livemode, this.code, this.name,
				this.discountType, this.percentOff, this.amountOff, this.currency, this.duration, this.durationInMonths,
				this.redeemBy, this.startsAt, this.maxRedemptions, this.timesRedeemed, this.minimumAmount, ids,
				this.createdAt, this.updatedAt, products);
	}

}
