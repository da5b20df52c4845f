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

	/**
	 * Checks a card and keeps it for later charges without the buyer (renewals): the
	 * processor's reference to it, never the number.
	 * @throws dev.storekeeper.platform.web.InvalidRecord when the card is not valid
	 */
	default SavedCard save(Card card) {
		throw dev.storekeeper.platform.web.Errors.of("payment",
				"Cards cannot be saved through the " + name() + " gateway");
	}

	/**
	 * Charges a saved card without the buyer; the same {@code idempotencyKey} charges at
	 * most once.
	 * @throws dev.storekeeper.payments.PaymentFailed when declined
	 */
	Charged chargeSaved(SavedCard card, long amount, String currency, String description, String idempotencyKey);

	/**
	 * A card kept by the processor: its reference (and customer, on Stripe), brand, last
	 * four digits and expiry.
	 */
	record SavedCard(String processorId, @Nullable String processorCustomerId, String brand, String lastFour,
			int expMonth, int expYear) {
	}

	/** What the gateway returned for a successful charge. */
	record Charged(String processorId, @Nullable String receiptUrl, @Nullable String cardLastFour) {
	}

}
