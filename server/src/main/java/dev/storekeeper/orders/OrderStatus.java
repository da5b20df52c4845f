package dev.storekeeper.orders;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Where an order stands; {@link #wire()} is its name in the API and the database. */
public enum OrderStatus {

	PENDING("pending"), SUCCEEDED("succeeded"), FAILED("failed"), REFUNDED("refunded"),
	PARTIALLY_REFUNDED("partially_refunded"), DISPUTED("disputed");

	/** Every status by its wire name, for the list's filter. */
	static final Set<String> WIRE = Arrays.stream(values()).map(OrderStatus::wire).collect(Collectors.toSet());

	private final String wire;

	OrderStatus(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return this.wire;
	}

	/** The status with this wire name. */
	static OrderStatus of(String wire) {
		return Arrays.stream(values())
			.filter((status) -> status.wire.equals(wire))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown order status " + wire));
	}

}
