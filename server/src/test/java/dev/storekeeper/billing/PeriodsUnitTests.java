package dev.storekeeper.billing;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing periods: calendar steps counted from the anchor, fixed lengths for days and
 * weeks.
 */
class PeriodsUnitTests {

	private static final Instant JAN_31 = Instant.parse("2026-01-31T10:00:00Z");

	@Test
	void monthsAreCalendarStepsFromTheAnchorSoTheEndOfAMonthComesBack() {
		assertThat(Periods.end(JAN_31, "month", 1, 1)).isEqualTo("2026-02-28T10:00:00Z");
		assertThat(Periods.end(JAN_31, "month", 1, 2)).isEqualTo("2026-03-31T10:00:00Z");
		assertThat(Periods.end(JAN_31, "month", 1, 13)).isEqualTo("2027-02-28T10:00:00Z");
		assertThat(Periods.end(JAN_31, "month", 3, 1)).isEqualTo("2026-04-30T10:00:00Z");
	}

	@Test
	void yearsDaysAndWeeks() {
		Instant leap = Instant.parse("2028-02-29T00:00:00Z");
		assertThat(Periods.end(leap, "year", 1, 1)).isEqualTo("2029-02-28T00:00:00Z");
		assertThat(Periods.end(leap, "year", 1, 4)).isEqualTo("2032-02-29T00:00:00Z");
		assertThat(Periods.end(JAN_31, "day", 10, 2)).isEqualTo("2026-02-20T10:00:00Z");
		assertThat(Periods.end(JAN_31, "week", 2, 1)).isEqualTo("2026-02-14T10:00:00Z");
	}

}
