package dev.storekeeper.platform.web;

import io.github.bucket4j.ConsumptionProbe;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class RateLimitApiTests extends ApiTest {

	@Test
	void aBurstPastThePlanIsRefusedWithRetryAfter() {
		Http http = this.http.as(this.sellers.create(RatePlan.FREE).test());
		for (int i = 0; i < RatePlan.FREE.burst(); i++) {
			Response response = http.get("/v1/account");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("X-RateLimit-Limit")).isEqualTo("60");
			// the bucket refills one token a second, so a slow machine may see one more
			assertThat(Integer.parseInt(response.header("X-RateLimit-Remaining"))).isBetween(9 - i, 10 - i);
			assertThat(response.header("X-RateLimit-Reset")).isNotNull();
		}
		Response limited = http.get("/v1/account");
		for (int extra = 0; extra < 3 && limited.status() == 200; extra++) {
			limited = http.get("/v1/account");
		}
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.at("/error/type")).isEqualTo("rate_limited");
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
		assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
	}

	@Test
	void eachTokenHasItsOwnBucket() {
		var seller = this.sellers.create(RatePlan.FREE);
		Http first = this.http.as(seller.test());
		int status = 200;
		for (int i = 0; i < RatePlan.FREE.burst() + 4 && status == 200; i++) {
			status = first.get("/v1/account").status();
		}
		assertThat(status).isEqualTo(429);
		assertThat(this.http.as(seller.test()).get("/v1/account").status()).isEqualTo(200);
	}

	@Test
	void redisBucketsAreSharedByEveryLimiterOnTheSameRedis() {
		String url = "redis://127.0.0.1:6379";
		try (RedisClient client = RedisClient.create(url); var connection = client.connect()) {
			connection.sync().ping();
		}
		catch (RuntimeException ex) {
			fail("Redis must run at 127.0.0.1:6379 for this test: " + ex.getMessage());
		}
		String key = "test:" + Ids.random(12);
		try (RateLimiter.InRedis nodeA = new RateLimiter.InRedis(url);
				RateLimiter.InRedis nodeB = new RateLimiter.InRedis(url)) {
			for (int i = 0; i < 3; i++) {
				assertThat(nodeA.tryConsume(key, 60, 6).isConsumed()).isTrue();
				assertThat(nodeB.tryConsume(key, 60, 6).isConsumed()).isTrue();
			}
			ConsumptionProbe refused = nodeA.tryConsume(key, 60, 6);
			assertThat(refused.isConsumed()).isFalse();
			assertThat(refused.getNanosToWaitForRefill()).isPositive();
			assertThat(nodeB.tryConsume(key, 60, 6).isConsumed()).isFalse();
		}
	}

}
