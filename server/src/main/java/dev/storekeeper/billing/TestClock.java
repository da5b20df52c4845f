package dev.storekeeper.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A test clock as stored: the frozen time of the objects attached to it. */
record TestClock(long id, String prefixId, long accountId, boolean livemode, @Nullable String name, Instant frozenTime,
		String status, Instant createdAt, Instant updatedAt) {
}
