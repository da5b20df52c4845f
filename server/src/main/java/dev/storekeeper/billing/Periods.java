package dev.storekeeper.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Billing periods in UTC: {@code day} and {@code week} are fixed lengths; {@code month}
 * and {@code year} are calendar steps counted from the anchor, so Jan 31 renews on Feb 28
 * and then on Mar 31.
 */
final class Periods {

	private Periods() {
	}

	/**
	 * The end of period {@code n} (1 = the first) of a subscription anchored at
	 * {@code anchor}.
	 */
	static Instant end(Instant anchor, String interval, int count, int n) {
		ZonedDateTime start = anchor.atZone(ZoneOffset.UTC);
		long steps = (long) count * n;
		ZonedDateTime end = switch (interval) {
			case "day" -> start.plusDays(steps);
			case "week" -> start.plusWeeks(steps);
			case "year" -> start.plusYears(steps);
			default -> start.plusMonths(steps);
		};
		return end.toInstant();
	}

}
