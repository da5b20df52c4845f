package dev.storekeeper.sellvy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.storekeeper.platform.web.RatePlan;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Sellers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's plan limits on {@code /sellvy/v1}: one bucket per token, shared with
 * {@code /v1}, its headers on every answer, and 429 with {@code Retry-After} in the
 * seed's error shape.
 */
class SellvyRateLimitApiTests extends ApiTest {

	@ParameterizedTest
	@EnumSource(RatePlan.class)
	void thePlansLimitsWithTheirHeaders(RatePlan plan) {
		Sellers.Seller seller = this.sellers.create(plan);
		String token = seller.test();
		SellvyHttp sellvy = new SellvyHttp(this.http.base(), token);
		Http crevio = this.http.as(token);
		int allowed = 0;
		Http.Response limited = null;
		// the bucket refills while the requests run, so more than the burst may pass; the
		// bound only keeps a broken limiter from looping for ever
		for (int i = 0; i < plan.burst() * 5 && limited == null; i++) {
			Http.Response response = (i % 2 == 0) ? sellvy.get("/products") : crevio.get("/v1/products");
			if (response.status() == 429) {
				limited = response;
				break;
			}
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(plan.perMinute()));
			assertThat(Integer.parseInt(response.header("X-RateLimit-Remaining"))).isBetween(0, plan.burst() - 1);
			assertThat(response.header("X-RateLimit-Reset")).matches("\\d+");
			allowed++;
		}
		assertThat(allowed).isGreaterThanOrEqualTo(plan.burst());
		assertThat(limited).as("no 429 within five bursts").isNotNull();
		Http.Response refused = sellvy.get("/products");
		for (int i = 0; i < plan.burst() && refused.status() != 429; i++) {
			refused = sellvy.get("/products");
		}
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.at("/error/code")).isEqualTo("rate_limited");
		assertThat(refused.at("/error/status")).isEqualTo("429");
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isGreaterThanOrEqualTo(1);
		assertThat(refused.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(plan.perMinute()));
		assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
	}

}
