package dev.storekeeper.checkout;

/** A checkout was opened, priced and checked (webhook {@code checkout.created}). */
public record CheckoutCreated(long accountId, boolean livemode, CheckoutJson checkout) {
}
