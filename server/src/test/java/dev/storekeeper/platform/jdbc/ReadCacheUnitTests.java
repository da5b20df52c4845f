package dev.storekeeper.platform.jdbc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadCacheUnitTests {

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final ReadCache cache = new ReadCache(Duration.ofNanos(1000), this.now::get);

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
