package dev.storekeeper.orders;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.VariantForSale;

/**
 * An order to place for a completed checkout, or for a subscription's renewal (no
 * checkout, no access tokens: the first order's grant the access): amounts in minor units
 * of {@code currency}, {@code amount} being what was charged
 * ({@code subtotal - discountAmount}).
 */
public record NewOrder(long accountId, boolean livemode, @Nullable Long checkoutId, @Nullable Long subscriptionId,
		@Nullable Long invoiceId, long customerId, @Nullable Long discountId, String currency, long subtotal,
		long discountAmount, long amount, @Nullable Long chargeId, List<NewLine> lines) {

	/** The order of a completed checkout. */
	public NewOrder(long accountId, boolean livemode, long checkoutId, long customerId, @Nullable Long discountId,
			String currency, long subtotal, long discountAmount, long amount, @Nullable Long chargeId,
			List<NewLine> lines) {
		this(accountId, livemode, checkoutId, null, null, customerId, discountId, currency, subtotal, discountAmount,
				amount, chargeId, lines);
	}

	/** Whether it renews a subscription: it grants no access tokens of its own. */
	boolean renewal() {
		return this.checkoutId == null && this.subscriptionId != null;
	}

	/**
	 * One line: a variant, as the checkout sold it, bought at {@code unitAmount} each,
	 * {@code discountAmount} off the line.
	 */
	public record NewLine(VariantForSale variant, int quantity, long unitAmount, long discountAmount) {

		public long priceVariantId() {
			return this.variant.id();
		}

		public long productId() {
			return this.variant.productId();
		}

		/** What the line costs: its units less its discount. */
		long total() {
			return this.unitAmount * this.quantity - this.discountAmount;
		}

		/**
		 * How many access tokens the line grants: one per seat for seat variants, else
		 * one.
		 */
		int seats() {
			return (this.variant.seatQuantity() != null) ? this.variant.seatQuantity() * this.quantity : 1;
		}

	}

}
