package dev.storekeeper.catalog;

/** A review of a product was created (webhook {@code review.created}). */
public record ReviewCreated(long accountId, boolean livemode, ReviewJson review) {
}
