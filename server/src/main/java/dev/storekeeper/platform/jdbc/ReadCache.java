package dev.storekeeper.platform.jdbc;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read from the database, kept in memory for a short time (a node's
 * {@code storekeeper.cache-ttl}, 1 s) by the module that owns them. Any change that
 * module makes on this node forgets all of them, when the changing transaction starts to
 * change them and again when it ends, and that transaction reads around the cache. A
 * cache {@link Invalidations#share shared} with the other nodes makes them forget theirs
 * once the change commits; otherwise (and when that message is lost) they see it within
 * the time to live.
 */
public class ReadCache {

	private static final int MAX_ENTRIES = 20_000;

	/**
	 * How many times as long as a value took to read it stays fresh in
	 * {@link #getRefreshing}.
	 */
	static final int COST_SHARE = 20;

	/**
	 * The transaction resource that marks a transaction that changes what this cache
	 * holds.
	 */
	private final Object changing = new Object();

	private final AtomicLong generation = new AtomicLong();

	private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	private final Set<Object> refreshing = ConcurrentHashMap.newKeySet();

	/** What to do once a change to what this cache holds has committed. */
	private volatile Runnable committedChange = () -> {
	};

	private final long refreshNanos;

	private final LongSupplier nanoTime;

	/** Where {@link #getRefreshing} reads a value again in the background. */
	private final Executor background;

	public ReadCache(Duration ttl) {
		this(ttl, System::nanoTime);
	}

	ReadCache(Duration ttl, LongSupplier nanoTime) {
		this(ttl, nanoTime, (refresh) -> Thread.ofVirtual().start(refresh));
	}

	ReadCache(Duration ttl, LongSupplier nanoTime, Executor background) {
		this.ttlNanos = ttl.toNanos();
		this.refreshNanos = this.ttlNanos - this.ttlNanos / 5;
		this.nanoTime = nanoTime;
		this.background = background;
	}

	/**
	 * The generation to read and cache values in, or -1 when the current transaction
	 * changes what this cache holds and must not use it.
	 */
	public long generation() {
		return TransactionSynchronizationManager.hasResource(this.changing) ? -1 : this.generation.get();
	}

	/**
	 * The value cached for {@code key} in {@code generation}, if still fresh. In the last
	 * fifth of its time to live, one caller (the first to ask then) gets {@code null},
	 * reads the value again and {@link #put puts} it, while every other caller still gets
	 * the cached value (the one that refreshes it gets {@code null} until it has put it):
	 * a hot entry is read again by one request, not by every request that comes in the
	 * moment it expires (on a product read at 64 connections, that was 64 reads of the
	 * same rows once a second, and the tail of its latency). No value is ever served past
	 * its time to live.
	 */
	public @Nullable Object get(Object key, long generation) {
		if (generation < 0) {
			return null;
		}
		Entry entry = this.entries.get(key);
		if (entry == null || entry.generation() != generation) {
			return null;
		}
		long age = this.nanoTime.getAsLong() - entry.at();
		if (age >= this.ttlNanos || (age >= this.refreshNanos && entry.claimRefresh())) {
			return null;
		}
		return entry.value();
	}

	/**
	 * The value for {@code key}: cached and fresh; else, when this node has changed
	 * nothing since it was cached and it is less than ten times the time to live old, the
	 * cached value while one background read refreshes it (for values slow to read, so
	 * that requests do not queue behind the read); else read now. A value stays fresh for
	 * its time to live, or for {@value #COST_SHARE} times as long as it took to read when
	 * that is longer (five times the time to live at most): reading it again then takes
	 * at most a {@value #COST_SHARE}th of one connection's time. The count of a million
	 * orders takes PostgreSQL 0.12 s (a parallel scan, in three processes): while the
	 * orders page was read it ran 13 times in 15 s, and 4 times since (bench/RESULTS.md,
	 * round two, seventh session).
	 */
	public Object getRefreshing(Object key, Supplier<Object> read) {
		long generation = generation();
		Entry entry = (generation >= 0) ? this.entries.get(key) : null;
		if (entry != null && entry.generation() == generation) {
			long age = this.nanoTime.getAsLong() - entry.at();
			if (age < entry.freshFor()) {
				return entry.value();
			}
			if (age < 10 * this.ttlNanos) {
				if (this.refreshing.add(key)) {
					this.background.execute(() -> {
						try {
							read(key, read, generation);
						}
						catch (RuntimeException ex) {
							// the next request reads it again
						}
						finally {
							this.refreshing.remove(key);
						}
					});
				}
				return entry.value();
			}
		}
		return read(key, read, generation);
	}

	private Object read(Object key, Supplier<Object> read, long generation) {
		long start = this.nanoTime.getAsLong();
		Object value = read.get();
		put(key, value, generation, this.nanoTime.getAsLong() - start);
		return value;
	}

	/**
	 * Caches a value read in {@code generation}, unless what it holds has changed since.
	 */
	public void put(Object key, Object value, long generation) {
		put(key, value, generation, 0);
	}

	private void put(Object key, Object value, long generation, long cost) {
		if (generation < 0 || this.generation.get() != generation) {
			return;
		}
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		long freshFor = Math.min(Math.max(this.ttlNanos, COST_SHARE * cost), 5 * this.ttlNanos);
		this.entries.put(key, new Entry(value, generation, this.nanoTime.getAsLong(), freshFor));
	}

	/**
	 * Notes that the current transaction changes what this cache holds: everything cached
	 * so far is forgotten now and once the transaction ends, and the transaction reads
	 * around the cache.
	 */
	public void changing() {
		this.generation.incrementAndGet();
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.committedChange.run();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(this.changing)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this.changing, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(ReadCache.this.changing);
				ReadCache.this.generation.incrementAndGet();
				if (status == STATUS_COMMITTED) {
					ReadCache.this.committedChange.run();
				}
			}
		});
	}

	/** Forgets everything cached: another node changed what this cache holds. */
	void forget() {
		this.generation.incrementAndGet();
	}

	void onCommittedChange(Runnable action) {
		this.committedChange = action;
	}

	private static final class Entry {

		private static final AtomicReferenceFieldUpdater<Entry, Thread> REFRESHER = AtomicReferenceFieldUpdater
			.newUpdater(Entry.class, Thread.class, "refresher");

		private final Object value;

		private final long generation;

		private final long at;

		private final long freshFor;

		private volatile @Nullable Thread refresher;

		Entry(Object value, long generation, long at, long freshFor) {
			this.value = value;
			this.generation = generation;
			this.at = at;
			this.freshFor = freshFor;
		}

		Object value() {
			return this.value;
		}

		long generation() {
			return this.generation;
		}

		long at() {
			return this.at;
		}

		/**
		 * How long its value is fresh in {@link ReadCache#getRefreshing}: the time to
		 * live, or {@value ReadCache#COST_SHARE} times as long as it took to read (five
		 * times the time to live at most).
		 */
		long freshFor() {
			return this.freshFor;
		}

		/**
		 * Whether the calling thread re-reads this entry's value: the first to ask, and
		 * again (a read reaches the same entry more than once) until it puts the new
		 * value.
		 */
		boolean claimRefresh() {
			Thread current = Thread.currentThread();
			Thread refresher = this.refresher;
			return refresher == current || (refresher == null && REFRESHER.compareAndSet(this, null, current));
		}

	}

}
