package dev.storekeeper.catalog;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.WireSchema;

/**
 * A price variant on the wire, as the reference's {@code PriceVariant}: what {@code GET
 * /v1/price_variants/{id}} returns, and what an order line embeds as its
 * {@code priceVariant}.
 *
 * @param experienceIds what a purchase grants: prefixIds, or integer ids as text
 */
@WireSchema("PriceVariant")
public record PriceVariantJson(long id, String prefixId, long productId, String name, long amount, String currency,
		String billingType, String amountType, @Nullable Long discountedFromAmount, @Nullable Long presetAmount,
		@Nullable Long minimumAmount, @Nullable Long maximumAmount, @Nullable String recurringInterval,
		@Nullable Integer intervalCount, @Nullable Integer trialPeriodDays, @Nullable Integer revokeAfterDays,
		boolean hidden, boolean archived, boolean waitlist, int position, @Nullable List<String> benefits,
		@Nullable Integer seatQuantity, @Nullable Integer quantityAvailable, List<String> experienceIds,
		boolean isDefault, boolean isPayWhatYouWant, boolean hasFreeTrial, boolean isQuantityLimited, boolean livemode,
		Instant createdAt, Instant updatedAt) {

	static PriceVariantJson of(PriceVariant variant) {
		return new PriceVariantJson(variant.id(), variant.prefixId(), variant.productId(), variant.name(),
				variant.amount(), variant.currency(), variant.billingType(), variant.amountType(),
				variant.discountedFromAmount(), variant.presetAmount(), variant.minimumAmount(),
				variant.maximumAmount(), variant.recurringInterval(), variant.intervalCount(),
				variant.trialPeriodDays(), variant.revokeAfterDays(), variant.hidden(), variant.archived(),
				variant.waitlist(), variant.position(), variant.benefits(), variant.seatQuantity(),
				variant.quantityAvailable(), variant.experiences().stream().map(PriceVariant.Experience::wire).toList(),
				variant.isDefault(), PriceVariant.PAY_WHAT_YOU_WANT.equals(variant.amountType()),
				variant.trialPeriodDays() != null && variant.trialPeriodDays() > 0, variant.quantityAvailable() != null,
				variant.livemode(), variant.createdAt(), variant.updatedAt());
	}

}
