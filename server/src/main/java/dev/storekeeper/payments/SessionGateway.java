package dev.storekeeper.payments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A gateway whose buyers pay on the processor's own payment form, in a session made for
 * each checkout (Stripe Checkout in custom UI mode). The processor then tells the server
 * by webhook that the session was paid.
 */
public interface SessionGateway {

	/** The gateway's name, as {@link PaymentGateway#name()}. */
	String name();

	/**
	 * The publishable key a browser needs to show the processor's payment form, or null.
	 */
	@Nullable String publishableKey();

	/**
	 * Opens a session for {@code amount}; the same {@code idempotencyKey} returns the
	 * same session. With {@code saveCard} (a subscription) the processor keeps the card
	 * on a customer of its own for later charges without the buyer.
	 * @throws dev.storekeeper.payments.ProcessorError when the processor fails
	 */
	Session open(SessionRequest request);

	/**
	 * Closes a session so that it can no longer be paid (a new price needs a new one).
	 */
	void expire(String sessionId);

	/** The session as the processor has it now, with its charge once paid. */
	PaidSession retrieve(String sessionId);

	/** How much of a charge the processor has refunded so far. */
	long amountRefunded(String processorChargeId);

	/** What a session is opened for. */
	record SessionRequest(String reference, String idempotencyKey, long amount, String currency, String description,
			@Nullable String email, String returnUrl, Instant expiresAt, boolean saveCard) {

		/** A session that charges once and keeps nothing. */
		public SessionRequest(String reference, String idempotencyKey, long amount, String currency, String description,
				@Nullable String email, String returnUrl, Instant expiresAt) {
			this(reference, idempotencyKey, amount, currency, description, email, returnUrl, expiresAt, false);
		}

	}

	/** An open session: its id and the client secret the browser pays with. */
	record Session(String id, String clientSecret) {
	}

	/**
	 * A session as the processor reports it: {@code paid} with the charge that paid it,
	 * or not yet.
	 */
	record PaidSession(String id, boolean paid, @Nullable String reference, long amount, String currency,
			@Nullable String email, @Nullable String name, PaymentGateway.@Nullable Charged charge,
			PaymentGateway.@Nullable SavedCard saved) {
	}

}
