package dev.storekeeper.catalog;

/**
 * A product was deleted; {@code product} is how it was (webhook {@code product.deleted}).
 */
public record ProductDeleted(long accountId, boolean livemode, ProductJson product) {
}
