package dev.storekeeper.checkout;

import java.util.Arrays;

/** Where a checkout stands; {@link #wire()} is its name in the API and the database. */
enum CheckoutStatus {

	OPEN("open"), COMPLETE("complete"), EXPIRED("expired");

	private final String wire;

	CheckoutStatus(String wire) {
		this.wire = wire;
	}

	String wire() {
		return this.wire;
	}

	static CheckoutStatus of(String wire) {
		return Arrays.stream(values())
			.filter((status) -> status.wire.equals(wire))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown checkout status " + wire));
	}

}
