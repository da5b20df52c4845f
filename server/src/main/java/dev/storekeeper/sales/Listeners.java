package dev.storekeeper.sales;

import org.springframework.core.Ordered;

/**
 * The order in which synchronous listeners hear one event, in its transaction: those that
 * keep state (counters, stock) first, then those that report it (webhooks), so what is
 * reported includes the counters.
 */
public final class Listeners {

	/** Listeners that change state. */
	public static final int STATE = 0;

	/** Listeners that report the state the event left, after every {@link #STATE} one. */
	public static final int REPORT = Ordered.LOWEST_PRECEDENCE;

	private Listeners() {
	}

}
