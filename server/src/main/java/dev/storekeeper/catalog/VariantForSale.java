package dev.storekeeper.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything a checkout needs to sell a price variant: its price rules, its stock and
 * what a purchase grants, with its product's name and status.
 *
 * @param experienceIds the integer ids of the experiences a purchase grants to ids
 */
public record VariantForSale(long id, String prefixId, long productId, String productPrefixId, String productName,
		String productStatus, String name, long amount, String currency, String billingType, String amountType,
		@Nullable Long presetAmount, @Nullable Long minimumAmount, @Nullable Long maximumAmount,
		@Nullable String recurringInterval, @Nullable Integer intervalCount, @Nullable Integer trialPeriodDays,
		@Nullable Integer revokeAfterDays, @Nullable Integer seatQuantity, @Nullable Integer quantityAvailable,
		boolean waitlist, boolean hidden, boolean archived, List<Long> experienceIds) {

	/**
	 * Whether it is sold at all: its product active, itself neither archived nor on a
	 * waitlist.
	 */
	public boolean purchasable() {
		return "active".equals(this.productStatus) && !this.archived && !this.waitlist;
	}

	/** Whether the buyer names the price, within the minimum and maximum. */
	public boolean payWhatYouWant() {
		return "pay_what_you_want".equals(this.amountType);
	}

	/** Whether it bills again every interval. */
	public boolean recurring() {
		return "recurring".equals(this.billingType);
	}

}
