package dev.storekeeper.platform.web;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;

/** Token buckets: in this process, or in Redis when several nodes must share them. */
public interface RateLimiter {

	/** Takes one token from bucket {@code key} of the given size and refill rate. */
	ConsumptionProbe tryConsume(String key, int perMinute, int burst);

	static BucketConfiguration configuration(int perMinute, int burst) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

	/**
	 * Buckets held in this process's memory. A bucket left idle long enough to be full
	 * again is no different from a new one, so it is dropped: the map holds only the
	 * clients of the last few minutes, and never more than {@code maxEntries}.
	 */
	final class InMemory implements RateLimiter {

		/** How long an unused bucket is kept (enough for any plan's bucket to refill). */
		static final Duration IDLE = Duration.ofMinutes(2);

		private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();

		private final java.time.Clock clock;

		private final int maxEntries;

		private final java.util.concurrent.atomic.AtomicLong nextSweep = new java.util.concurrent.atomic.AtomicLong();

		public InMemory() {
			this(java.time.Clock.systemUTC(), 100_000);
		}

		public InMemory(java.time.Clock clock, int maxEntries) {
			this.clock = clock;
			this.maxEntries = maxEntries;
		}

		private record Entry(Bucket bucket, java.util.concurrent.atomic.AtomicLong lastUsed) {
		}

		@Override
		public ConsumptionProbe tryConsume(String key, int perMinute, int burst) {
			long now = this.clock.millis();
			sweep(now);
			Entry entry = this.buckets.computeIfAbsent(key + ":" + perMinute + ":" + burst,
					(ignored) -> new Entry(
							Bucket.builder().addLimit(configuration(perMinute, burst).getBandwidths()[0]).build(),
							new java.util.concurrent.atomic.AtomicLong(now)));
			entry.lastUsed().set(now);
			return entry.bucket().tryConsumeAndReturnRemaining(1);
		}

		/** How many buckets are held. */
		public int size() {
			return this.buckets.size();
		}

		private void sweep(long now) {
			long due = this.nextSweep.get();
			boolean full = this.buckets.size() >= this.maxEntries;
			if ((now < due && !full) || !this.nextSweep.compareAndSet(due, now + 10_000)) {
				return;
			}
			long idleSince = now - IDLE.toMillis();
			this.buckets.values().removeIf((entry) -> entry.lastUsed().get() < idleSince);
			if (this.buckets.size() >= this.maxEntries) {
				// still full of clients seen in the last minutes: start afresh rather
				// than grow
				this.buckets.clear();
			}
		}

	}

	/** Buckets kept in Redis, shared by every node that uses the same server. */
	final class InRedis implements RateLimiter, AutoCloseable {

		private final RedisClient client;

		private final ProxyManager<byte[]> buckets;

		public InRedis(String redisUrl) {
			this.client = RedisClient.create(redisUrl);
			this.buckets = Bucket4jLettuce.casBasedBuilder(this.client)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
				.build();
		}

		@Override
		public ConsumptionProbe tryConsume(String key, int perMinute, int burst) {
			byte[] name = ("storekeeper:rate:" + key + ":" + perMinute + ":" + burst)
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			return this.buckets.builder()
				.build(name, () -> configuration(perMinute, burst))
				.tryConsumeAndReturnRemaining(1);
		}

		@Override
		public void close() {
			this.client.shutdown();
		}

	}

}
