package dev.storekeeper.orders;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An order to place for a completed checkout: amounts in minor units of {@code currency},
 * {@code amount} being what was charged ({@code subtotal - discountAmount}).
 */
public record NewOrder(long accountId, boolean livemode, long checkoutId, long customerId, @Nullable Long discountId,
		String currency, long subtotal, long discountAmount, long amount, @Nullable Long chargeId,
		List<NewLine> lines) {

	/**
	 * One line: a variant bought at {@code unitAmount} each, {@code discountAmount} off
	 * the line.
	 */
	public record NewLine(long priceVariantId, long productId, int quantity, long unitAmount, long discountAmount) {
	}

}
