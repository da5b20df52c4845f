package dev.storekeeper.billing;

import java.util.Arrays;

/** Where an invoice stands; {@link #wire()} is its name in the API and the database. */
enum InvoiceStatus {

	OPEN("open"), PAID("paid"), PAST_DUE("past_due"), VOID("void");

	private final String wire;

	InvoiceStatus(String wire) {
		this.wire = wire;
	}

	String wire() {
		return this.wire;
	}

	/** Whether it can still be paid: open or past due. */
	boolean payable() {
		return this == OPEN || this == PAST_DUE;
	}

	static InvoiceStatus of(String wire) {
		return Arrays.stream(values())
			.filter((status) -> status.wire.equals(wire))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown invoice status " + wire));
	}

}
