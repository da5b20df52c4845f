package dev.storekeeper.billing;

import java.util.Arrays;
import java.util.Set;

/**
 * Where a subscription stands; {@link #wire()} is its name in the API and the database.
 * {@code incomplete} and {@code unpaid} are filters of the reference, never produced.
 */
enum SubscriptionStatus {

	TRIALING("trialing"), ACTIVE("active"), PAST_DUE("past_due"), PAUSED("paused"), CANCELED("canceled");

	/** Every status the list accepts as a filter (the reference's enum). */
	static final Set<String> FILTERS = Set.of("trialing", "active", "past_due", "paused", "canceled", "incomplete",
			"unpaid");

	private final String wire;

	SubscriptionStatus(String wire) {
		this.wire = wire;
	}

	String wire() {
		return this.wire;
	}

	/** Whether the buyer keeps the access the first order granted. */
	boolean grantsAccess() {
		return this == TRIALING || this == ACTIVE || this == PAST_DUE;
	}

	static SubscriptionStatus of(String wire) {
		return Arrays.stream(values())
			.filter((status) -> status.wire.equals(wire))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown subscription status " + wire));
	}

}
