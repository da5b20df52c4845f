package dev.storekeeper.sales;

/**
 * The buyer's bank opened a chargeback on an order's charge (webhook
 * {@code order.disputed}).
 */
public record OrderDisputed(long accountId, boolean livemode, long orderId) {
}
