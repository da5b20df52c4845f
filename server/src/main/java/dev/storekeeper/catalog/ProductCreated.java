package dev.storekeeper.catalog;

/** A product was created (webhook {@code product.created}). */
public record ProductCreated(long accountId, boolean livemode, ProductJson product) {
}
