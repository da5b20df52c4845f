package dev.storekeeper.support;

import java.util.Arrays;

/** Reads one of the server's counters from {@code GET /metrics} (Prometheus text). */
public final class Metrics {

	private Metrics() {
	}

	/**
	 * The value of the series {@code name} whose labels include {@code label} (e.g.
	 * {@code outcome="failed"}, or "" for any), 0 when the server shows none.
	 */
	public static double value(Http http, String name, String label) {
		String body = http.get("/metrics").body();
		return Arrays.stream(body.split("\n"))
			.filter((line) -> line.startsWith(name + "{") && line.contains(label))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
