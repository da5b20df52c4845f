package dev.storekeeper.discounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.PriceVariantJson;
import dev.storekeeper.platform.web.WireSchema;

/** A discount on the wire, as the reference's {@code Discount}. */
@WireSchema("Discount")
public record DiscountJson(long id, String prefixId, String status, String discountType, String code,
		@Nullable String name, @Nullable Instant redeemBy, @Nullable Instant startsAt, @Nullable Integer maxRedemptions,
		int timesRedeemed, String duration, @Nullable Integer durationInMonths, @Nullable Long amountOff,
		@Nullable BigDecimal percentOff, @Nullable String currency, @Nullable Long minimumAmount, boolean destroyable,
		boolean livemode, List<PriceVariantJson> priceVariants, List<String> productIds, Instant createdAt,
		Instant updatedAt) {

	static DiscountJson of(Discount discount, Instant now, List<PriceVariantJson> variants, List<String> productIds) {
		return new DiscountJson(discount.id(), discount.prefixId(), discount.status(now), discount.discountType(),
				discount.code(), discount.name(), discount.redeemBy(), discount.startsAt(), discount.maxRedemptions(),
				discount.timesRedeemed(), discount.duration(), discount.durationInMonths(), discount.amountOff(),
				discount.percentOff(), discount.currency(), discount.minimumAmount(), discount.timesRedeemed() == 0,
				discount.livemode(), variants, productIds, discount.createdAt(), discount.updatedAt());
	}

}
