package dev.storekeeper.platform;

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

	/** Buckets held in this process's memory. */
	final class InMemory implements RateLimiter {

		private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

		@Override
		public ConsumptionProbe tryConsume(String key, int perMinute, int burst) {
			Bucket bucket = this.buckets.computeIfAbsent(key + ":" + perMinute + ":" + burst,
					(ignored) -> Bucket.builder().addLimit(configuration(perMinute, burst).getBandwidths()[0]).build());
			return bucket.tryConsumeAndReturnRemaining(1);
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
