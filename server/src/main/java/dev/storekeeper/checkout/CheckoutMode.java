package dev.storekeeper.checkout;

import java.util.Arrays;

/**
 * How a checkout is paid: once, or as a subscription; {@link #wire()} is its name in the
 * API and the database.
 */
enum CheckoutMode {

	PAYMENT("payment"), SUBSCRIPTION("subscription");

	private final String wire;

	CheckoutMode(String wire) {
		this.wire = wire;
	}

	String wire() {
		return this.wire;
	}

	static CheckoutMode of(String wire) {
		return Arrays.stream(values())
			.filter((mode) -> mode.wire.equals(wire))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown checkout mode " + wire));
	}

}
