package dev.storekeeper.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The catalog as the API shows it (products, variants, which key names which product),
 * kept in memory for {@code storekeeper.cache-ttl} (1 s), since every product read, order
 * page and checkout shows it. Any change to the catalog on this node forgets all of it,
 * when the changing transaction starts to change it and again when it ends, and that
 * transaction reads around the cache; other nodes see a change within that time.
 */
@Component
class CatalogCache {

	private static final int MAX_ENTRIES = 20_000;

	/** The transaction resource that marks a transaction that changes the catalog. */
	private static final Object CHANGING = new Object();

	private final AtomicLong generation = new AtomicLong();

	private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	CatalogCache(@Value("${storekeeper.cache-ttl:1s}") Duration ttl) {
		this.ttlNanos = ttl.toNanos();
	}

	/**
	 * The generation to read and cache values in, or -1 when the current transaction
	 * changes the catalog and must not use the cache.
	 */
	long generation() {
		return TransactionSynchronizationManager.hasResource(CHANGING) ? -1 : this.generation.get();
	}

	/** The value cached for {@code key} in {@code generation}, if still fresh. */
	@Nullable Object get(Object key, long generation) {
		if (generation < 0) {
			return null;
		}
		Entry entry = this.entries.get(key);
		return (entry != null && entry.generation() == generation && System.nanoTime() - entry.at() < this.ttlNanos)
				? entry.value() : null;
	}

	/**
	 * Caches a value read in {@code generation}, unless the catalog has changed since.
	 */
	void put(Object key, Object value, long generation) {
		if (generation < 0 || this.generation.get() != generation) {
			return;
		}
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		this.entries.put(key, new Entry(value, generation, System.nanoTime()));
	}

	/**
	 * Notes that the current transaction changes the catalog: everything cached so far is
	 * forgotten now and once the transaction ends, and the transaction reads around the
	 * cache.
	 */
	void changing() {
		this.generation.incrementAndGet();
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| TransactionSynchronizationManager.hasResource(CHANGING)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(CHANGING, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(CHANGING);
				CatalogCache.this.generation.incrementAndGet();
			}
		});
	}

	private record Entry(Object value, long generation, long at) {
	}

}
