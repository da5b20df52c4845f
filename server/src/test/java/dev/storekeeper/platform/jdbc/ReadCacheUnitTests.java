package dev.storekeeper.platform.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadCacheUnitTests {

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final ReadCache cache = new ReadCache(Duration.ofNanos(1000), this.now::get);

	/** The background reads {@link #counts} has asked for, run when a test says. */
	private final List<Runnable> refreshes = new ArrayList<>();

	private final ReadCache counts = new ReadCache(Duration.ofNanos(1000), this.now::get, this.refreshes::add);

	@Test
	void aFreshValueIsServedToEveryone() {
		this.cache.put("k", "v1", 0);
		this.now.addAndGet(799);
		assertThat(this.cache.get("k", 0)).isEqualTo("v1");
		assertThat(elsewhere(() -> this.cache.get("k", 0))).isEqualTo("v1");
		assertThat(this.cache.get("k", 0)).isEqualTo("v1");
	}

	@Test
	void nearItsEndOneCallerReadsItAgainWhileTheOthersKeepTheCachedValue() {
		this.cache.put("k", "v1", 0);
		this.now.addAndGet(850);
		assertThat(this.cache.get("k", 0)).as("the first to ask refreshes it").isNull();
		assertThat(elsewhere(() -> this.cache.get("k", 0))).isEqualTo("v1");
		assertThat(elsewhere(() -> this.cache.get("k", 0))).isEqualTo("v1");
		assertThat(this.cache.get("k", 0)).as("and reads around it until it has put it").isNull();
		this.cache.put("k", "v2", 0);
		assertThat(this.cache.get("k", 0)).isEqualTo("v2");
		assertThat(elsewhere(() -> this.cache.get("k", 0))).isEqualTo("v2");
	}

	@Test
	void nothingIsServedPastItsTimeToLiveEvenWhenNobodyRefreshedIt() {
		this.cache.put("k", "v1", 0);
		this.now.addAndGet(900);
		assertThat(elsewhere(() -> this.cache.get("k", 0))).isNull();
		assertThat(this.cache.get("k", 0)).isEqualTo("v1");
		this.now.addAndGet(100);
		assertThat(this.cache.get("k", 0)).isNull();
		assertThat(elsewhere(() -> this.cache.get("k", 0))).isNull();
	}

	@Test
	void aChangeForgetsEverythingAtOnce() {
		long before = this.cache.generation();
		this.cache.put("k", "v1", before);
		this.cache.forget();
		long after = this.cache.generation();
		assertThat(this.cache.get("k", after)).isNull();
		this.cache.put("k", "v0", before);
		assertThat(this.cache.get("k", after)).as("a value read before the change is not kept").isNull();
		this.cache.put("k", "v2", after);
		assertThat(this.cache.get("k", after)).isEqualTo("v2");
	}

	@Test
	void aValueSlowToReadStaysFreshForTwentyTimesAsLongAsItTookThenOneBackgroundReadRefreshesIt() {
		Reads reads = new Reads(200);
		assertThat(this.counts.getRefreshing("count", reads)).isEqualTo("v1");
		this.now.addAndGet(20 * 200 - 1);
		assertThat(this.counts.getRefreshing("count", reads)).isEqualTo("v1");
		assertThat(this.refreshes).as("fresh for 20 x 200 ns, past its time to live of 1000").isEmpty();
		this.now.addAndGet(1);
		assertThat(this.counts.getRefreshing("count", reads)).as("served while it is read again").isEqualTo("v1");
		assertThat(this.counts.getRefreshing("count", reads)).isEqualTo("v1");
		assertThat(this.refreshes).as("by one read").hasSize(1);
		this.refreshes.remove(0).run();
		assertThat(this.counts.getRefreshing("count", reads)).isEqualTo("v2");
		assertThat(reads.count()).isEqualTo(2);
	}

	@Test
	void aValueVerySlowToReadIsFreshForFiveTimesTheTimeToLiveAtMost() {
		assertFreshFor(new Reads(600), 5 * 1000);
	}

	@Test
	void aValueQuickToReadIsReadAgainAfterItsTimeToLive() {
		assertFreshFor(new Reads(0), 1000);
	}

	/**
	 * Read once, the value is served with no read again for {@code nanos}, then served
	 * while one background read refreshes it.
	 */
	private void assertFreshFor(Reads reads, long nanos) {
		this.counts.getRefreshing("count", reads);
		this.now.addAndGet(nanos - 1);
		assertThat(this.counts.getRefreshing("count", reads)).isEqualTo("v1");
		assertThat(this.refreshes).isEmpty();
		this.now.addAndGet(1);
		assertThat(this.counts.getRefreshing("count", reads)).isEqualTo("v1");
		assertThat(this.refreshes).hasSize(1);
	}

	@Test
	void aValueTenTimesItsTimeToLiveOldIsReadBeforeTheAnswer() {
		Reads reads = new Reads(600);
		this.counts.getRefreshing("count", reads);
		this.now.addAndGet(10 * 1000);
		assertThat(this.counts.getRefreshing("count", reads)).isEqualTo("v2");
		assertThat(this.refreshes).isEmpty();
	}

	@Test
	void aChangeOnThisNodeIsReadAtOnceHoweverSlowTheRead() {
		Reads reads = new Reads(600);
		this.counts.getRefreshing("count", reads);
		this.counts.forget();
		assertThat(this.counts.getRefreshing("count", reads)).isEqualTo("v2");
	}

	/** A read that takes {@code cost} nanoseconds of the cache's clock. */
	private final class Reads implements java.util.function.Supplier<Object> {

		private final AtomicLong count = new AtomicLong();

		private final long cost;

		Reads(long cost) {
			this.cost = cost;
		}

		@Override
		public Object get() {
			ReadCacheUnitTests.this.now.addAndGet(this.cost);
			return "v" + this.count.incrementAndGet();
		}

		long count() {
			return this.count.get();
		}

	}

	private static Object elsewhere(java.util.function.Supplier<Object> read) {
		AtomicReference<Object> result = new AtomicReference<>();
		Thread thread = Thread.ofPlatform().start(() -> result.set(read.get()));
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return result.get();
	}

}
