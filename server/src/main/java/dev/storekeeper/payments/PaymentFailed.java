package dev.storekeeper.payments;

import dev.storekeeper.platform.web.Refusal;

/**
 * The payment was declined; {@code code} says why ({@code card_declined},
 * {@code insufficient_funds}): answered {@code 402 payment_failed}.
 */
public class PaymentFailed extends Refusal {

	private final String code;

	public PaymentFailed(String code, String message) {
		super(402, "payment_failed", message, null);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
