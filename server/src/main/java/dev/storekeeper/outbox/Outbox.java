package dev.storekeeper.outbox;

import java.util.List;

/**
 * The outbox, the one door to the {@code events} table: entries are recorded in the
 * transaction of their change and claimed once each for fan-out.
 */
public interface Outbox {

	/**
	 * Records an entry of {@code type} with {@code data}, the object as its {@code GET}
	 * returns it; must run inside the transaction of the change. The entries of a
	 * transaction are written together just before it commits (one statement), so an
	 * entry recorded inside a savepoint that is rolled back is still written: record once
	 * the change is certain. Once that transaction commits, {@link Committed} is
	 * published in this JVM.
	 * @return the entry's prefixed id (an event id on the wire)
	 */
	String record(long accountId, boolean livemode, String type, Object data);

	/**
	 * {@code data} rendered as the events' JSON once, for several entries that carry the
	 * same object ({@link #record} takes it as their data).
	 */
	Rendered render(Object data);

	/** An entry's data, already rendered. */
	record Rendered(String json) {
	}

	/** Up to {@code limit} entries not fanned out yet, oldest first. */
	List<Entry> unfanned(int limit);

	/**
	 * Claims entries for fan-out, in the caller's transaction: each of {@code ids} is
	 * claimed by exactly one caller, whatever the number of nodes (rows another
	 * transaction holds are skipped, not waited for).
	 * @return the ids this caller claimed
	 */
	List<Long> claim(List<Long> ids);

	/** What fan-out needs of an entry. */
	record Entry(long id, long accountId, boolean livemode, String type) {
	}

	/**
	 * Published in this JVM once a transaction that recorded entries has committed, so
	 * their delivery can start at once rather than at the next poll.
	 */
	record Committed() {
	}

}
