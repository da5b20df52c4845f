package dev.storekeeper.billing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** A test clock on the wire, as Stripe's. */
public record TestClockJson(long id, String prefixId, String object, @Nullable String name, Instant frozenTime,
		String status, boolean livemode, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean deleted) {

	static TestClockJson of(TestClock clock) {
		return new TestClockJson(clock.id(), clock.prefixId(), "test_clock", clock.name(), clock.frozenTime(),
				clock.status(), clock.livemode(), clock.createdAt(), clock.updatedAt(), null);
	}

	TestClockJson asDeleted() {
		return new TestClockJson(this.id, this.prefixId, this.object, this.name, this.frozenTime, this.status,
				this.livemode, this.createdAt, this.updatedAt, true);
	}

}
