package dev.storekeeper.sales;

import java.util.List;

/**
 * Part or all of an order was refunded (webhook {@code order.refunded}).
 *
 * @param amount what was refunded this time, in minor units
 * @param returned the lines whose stock goes back: all of them once the order is fully
 * refunded, else none
 */
public record OrderRefunded(long accountId, boolean livemode, long orderId, long customerId, long amount,
		List<OrderPlaced.Line> returned) {
}
