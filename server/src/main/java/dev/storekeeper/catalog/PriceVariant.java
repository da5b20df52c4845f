package dev.storekeeper.catalog;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A way to buy a product, as stored, with the experiences a purchase grants.
 *
 * @param isDefault whether it is the product's first variant that is not archived
 * @param initialQuantity the stock when {@code quantityAvailable} was last set
 */
record PriceVariant(long id, String prefixId, long accountId, boolean livemode, long productId, String name,
		long amount, String currency, String billingType, String amountType, @Nullable Long presetAmount,
		@Nullable Long minimumAmount, @Nullable Long maximumAmount, @Nullable Long discountedFromAmount,
		@Nullable String recurringInterval, @Nullable Integer intervalCount, @Nullable Integer trialPeriodDays,
		@Nullable Integer revokeAfterDays, @Nullable Integer seatQuantity, @Nullable Integer quantityAvailable,
		@Nullable Integer initialQuantity, boolean waitlist, boolean hidden, boolean archived, int position,
		@Nullable List<String> benefits, int ordersCount, boolean isDefault, List<Experience> experiences,
		Instant createdAt, Instant updatedAt) {

	static final String ONE_TIME = "one_time";

	static final String RECURRING = "recurring";

	static final String FREE = "free";

	static final String FIXED = "fixed";

	static final String PAY_WHAT_YOU_WANT = "pay_what_you_want";

	PriceVariant withExperiences(List<Experience> list) {
		return new PriceVariant(this.id, this.prefixId, this.accountId, this.livemode, this.productId, this.name,
				this.amount, this.currency, this.billingType, this.amountType, this.presetAmount, this.minimumAmount,
				this.maximumAmount, this.discountedFromAmount, this.recurringInterval, this.intervalCount,
				this.trialPeriodDays, this.revokeAfterDays, this.seatQuantity, this.quantityAvailable,
				this.initialQuantity, this.waitlist, this.hidden, this.archived, this.position, this.benefits,
				this.ordersCount, this.isDefault, list, this.createdAt, this.updatedAt);
	}

	/**
	 * An experience a purchase grants: its integer id and its {@code exp_} prefixId, as
	 * checked against the content module when the variant was saved.
	 */
	record Experience(@Nullable Long id, @Nullable String ref) {

		/** How the API shows it: the prefixId, or the integer id as text. */
		String wire() {
			return (this.ref != null) ? this.ref : String.valueOf(this.id);
		}

	}

}
