package dev.storekeeper.checkout;

/**
 * A buyer's payment for a checkout failed, or was given back because it could no longer
 * become an order; the checkout stays open (webhook {@code payment.failed}).
 *
 * @param code why: a decline code, {@code async_payment_failed} or {@code refunded}
 */
public record CheckoutPaymentFailed(long accountId, boolean livemode, CheckoutJson checkout, String code,
		String message) {
}
