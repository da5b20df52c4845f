package dev.storekeeper.platform.web;

import java.util.Locale;

/**
 * A rate-limit plan from the Sellvy seed: requests a minute and the burst a token bucket
 * allows.
 */
public enum RatePlan {

	FREE(60, 10), PRO(300, 50), BUSINESS(1000, 100);

	private final int perMinute;

	private final int burst;

	RatePlan(int perMinute, int burst) {
		this.perMinute = perMinute;
		this.burst = burst;
	}

	public int perMinute() {
		return this.perMinute;
	}

	public int burst() {
		return this.burst;
	}

	/** The plan named on the wire, or null when the name is unknown. */
	public static @org.jspecify.annotations.Nullable RatePlan parse(String value) {
		for (RatePlan plan : values()) {
			if (plan.wire().equals(value)) {
				return plan;
			}
		}
		return null;
	}

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
