package dev.storekeeper.sales;

import java.util.List;

/**
 * An order was placed for a completed checkout (webhooks {@code order.created} and
 * {@code order.paid}).
 *
 * @param amount what the customer paid, in minor units
 * @param lines what was sold
 */
public record OrderPlaced(long accountId, boolean livemode, long orderId, long customerId, long amount,
		List<Line> lines) {

	/** {@code quantity} of one price variant. */
	public record Line(long priceVariantId, int quantity) {
	}

}
