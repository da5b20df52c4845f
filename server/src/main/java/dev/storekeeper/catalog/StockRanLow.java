package dev.storekeeper.catalog;

/**
 * A sale left a variant with 10% or less of its stock (webhook
 * {@code product.low_stock}).
 */
public record StockRanLow(long accountId, boolean livemode, ProductJson product) {
}
