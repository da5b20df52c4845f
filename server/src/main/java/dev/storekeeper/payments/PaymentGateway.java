package dev.storekeeper.payments;

import org.jspecify.annotations.Nullable;

/** Something that charges and refunds: the sandbox, or Stripe. */
public interface PaymentGateway {

	/**
	 * The name stored with each charge ({@code sandbox}, {@code stripe}), so refunds go
	 * back the same way.
	 */
	String name();

	/**
	 * Charges {@code amount} minor units of {@code currency}.
	 * @throws dev.storekeeper.payments.PaymentFailed when declined
	 * @throws dev.storekeeper.platform.web.InvalidRecord when the card is not valid
	 */
	Charged charge(long amount, String currency, @Nullable Card card, String description);

	/** Refunds {@code amount} of an earlier charge, by the processor's charge id. */
	String refund(String processorChargeId, long amount, String currency);

	/** What the gateway returned for a successful charge. */
	record Charged(String processorId, @Nullable String receiptUrl, @Nullable String cardLastFour) {
	}

}
