package dev.storekeeper.catalog;

/** A product was changed (webhook {@code product.updated}). */
public record ProductUpdated(long accountId, boolean livemode, ProductJson product) {
}
