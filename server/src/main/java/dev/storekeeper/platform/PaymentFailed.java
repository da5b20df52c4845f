package dev.storekeeper.platform;

/**
 * The payment was declined; {@code code} says why ({@code card_declined},
 * {@code insufficient_funds}).
 */
public class PaymentFailed extends RuntimeException {

	private final String code;

	public PaymentFailed(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
