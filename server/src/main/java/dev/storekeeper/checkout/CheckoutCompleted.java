package dev.storekeeper.checkout;

/** A checkout was completed into an order (webhook {@code checkout.completed}). */
public record CheckoutCompleted(long accountId, boolean livemode, CheckoutJson checkout) {
}
