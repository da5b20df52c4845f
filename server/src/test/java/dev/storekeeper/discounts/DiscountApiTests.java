package dev.storekeeper.discounts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class DiscountApiTests extends ApiTest {

	@Autowired
	Discounts discounts;

	@Autowired
	TransactionTemplate transactions;

	Seller seller;

	Http api;

	@BeforeEach
	void seller() {
		this.seller = this.sellers.create();
		this.api = this.http.as(this.seller.test());
	}

	private Response create(String json) {
		return this.api.post("/v1/discounts", "{\"discount\":{" + json + "}}");
	}

	private static String future(long days) {
		return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
	}

	@Test
	void createsPercentAndAmountDiscounts() {
		Response percent = create("\"code\":\"SPRING-25\",\"percentOff\":12.5,\"maxRedemptions\":100");
		assertThat(percent.status()).isEqualTo(201);
		assertThat(percent.header("Location")).isEqualTo("/v1/discounts/" + percent.at("/prefixId"));
		assertThat(percent.at("/discountType")).isEqualTo("percent_off");
		assertThat(percent.json().get("percentOff").decimalValue()).isEqualByComparingTo("12.5");
		assertThat(percent.at("/status")).isEqualTo("active");
		assertThat(percent.at("/duration")).isEqualTo("once");
		assertThat(percent.at("/destroyable")).isEqualTo("true");
		Response amount = create("\"code\":\"TENOFF\",\"discount_type\":\"amount_off\",\"amount_off\":1000,"
				+ "\"currency\":\"usd\",\"duration\":\"repeating\",\"durationInMonths\":3,\"minimumAmount\":2000");
		assertThat(amount.status()).isEqualTo(201);
		assertThat(amount.at("/currency")).isEqualTo("USD");
		assertThat(amount.at("/amountOff")).isEqualTo("1000");
		assertThat(amount.at("/durationInMonths")).isEqualTo("3");
		assertThat(amount.at("/minimumAmount")).isEqualTo("2000");
	}

	@Test
	void everyRuleIsEnforced() {
		assertError(create("\"percentOff\":10"), "Code can't be blank");
		assertError(create("\"code\":\"ab\",\"percentOff\":10"),
				"Code must be 3 to 40 letters, digits, underscores or hyphens");
		assertError(create("\"code\":\"has space\",\"percentOff\":10"),
				"Code must be 3 to 40 letters, digits, underscores or hyphens");
		assertError(create("\"code\":\"" + "A".repeat(41) + "\",\"percentOff\":10"),
				"Code must be 3 to 40 letters, digits, underscores or hyphens");
		assertError(create("\"code\":\"BOTH\",\"percentOff\":10,\"amountOff\":100,\"currency\":\"USD\""),
				"A discount takes either percentOff or amountOff, not both");
		assertError(create("\"code\":\"ZERO\",\"percentOff\":0"),
				"Percent off must be greater than 0 and less than or equal to 100");
		assertError(create("\"code\":\"HUGE\",\"percentOff\":100.01"),
				"Percent off must be greater than 0 and less than or equal to 100");
		assertError(create("\"code\":\"NOCUR\",\"amountOff\":100"), "Currency can't be blank with amountOff");
		assertError(create("\"code\":\"NEG\",\"amountOff\":-1,\"currency\":\"USD\""),
				"Amount off must be greater than 0 and at most 99999999");
		assertError(create("\"code\":\"NONE\""), "Percent off can't be blank");
		assertError(create("\"code\":\"REP\",\"percentOff\":5,\"duration\":\"repeating\""),
				"Duration in months can't be blank when duration is repeating");
		assertError(create("\"code\":\"DUR\",\"percentOff\":5,\"duration\":\"always\""),
				"Duration is not included in the list");
		assertError(create("\"code\":\"PAST\",\"percentOff\":5,\"redeemBy\":\"2020-01-01T00:00:00Z\""),
				"Redeem by must be in the future");
		assertError(create("\"code\":\"MAX\",\"percentOff\":5,\"maxRedemptions\":0"),
				"Max redemptions must be greater than or equal to 1");
		assertError(create("\"code\":\"PVX\",\"percentOff\":5,\"priceVariants\":[\"pv_nope\"]"),
				"Price variants contains an unknown price variant");
		assertThat(create("\"code\":\"Taken\",\"percentOff\":5").status()).isEqualTo(201);
		assertError(create("\"code\":\"TAKEN\",\"percentOff\":5"), "Code has already been taken");
		assertThat(this.http.as(this.seller.live())
			.post("/v1/discounts", "{\"code\":\"TAKEN\",\"percentOff\":5}")
			.status()).isEqualTo(201);
	}

	@Test
	void statusIsDerivedAndFiltered() {
		Response scheduled = create("\"code\":\"LATER\",\"percentOff\":5,\"startsAt\":\"" + future(2) + "\"");
		assertThat(scheduled.at("/status")).isEqualTo("scheduled");
		Response once = create("\"code\":\"ONCE\",\"percentOff\":5,\"maxRedemptions\":1");
		long onceId = once.json().get("id").asLong();
		Instant now = Instant.now();
		Boolean first = this.transactions.execute((status) -> this.discounts.redeem(onceId, now));
		Boolean second = this.transactions.execute((status) -> this.discounts.redeem(onceId, now));
		assertThat(first).isTrue();
		assertThat(second).isFalse();
		Response expired = this.api.get("/v1/discounts/" + once.at("/prefixId"));
		assertThat(expired.at("/status")).isEqualTo("expired");
		assertThat(expired.at("/timesRedeemed")).isEqualTo("1");
		assertThat(expired.at("/destroyable")).isEqualTo("false");
		create("\"code\":\"NOW\",\"percentOff\":5");
		assertThat(this.api.get("/v1/discounts?status=active").at("/items/0/code")).isEqualTo("NOW");
		assertThat(this.api.get("/v1/discounts?status=active").at("/pagination/count")).isEqualTo("1");
		assertThat(this.api.get("/v1/discounts?status=scheduled").at("/items/0/code")).isEqualTo("LATER");
		assertThat(this.api.get("/v1/discounts?status=expired").at("/items/0/code")).isEqualTo("ONCE");
		assertThat(this.api.get("/v1/discounts").at("/pagination/count")).isEqualTo("3");
		assertThat(this.api.get("/v1/discounts?status=gone").status()).isEqualTo(400);

		Response refused = this.api.delete("/v1/discounts/" + once.at("/prefixId"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.at("/error/message")).contains("has been redeemed and cannot be deleted");
		assertThat(this.api.delete("/v1/discounts/" + scheduled.at("/prefixId")).status()).isEqualTo(200);
		assertThat(this.api.get("/v1/discounts/" + scheduled.at("/prefixId")).status()).isEqualTo(404);
	}

	@Test
	void variantTargetingAndUpdates() {
		Response product = this.api.post("/v1/products", "{\"name\":\"Course\"}");
		Response variant = this.api.post("/v1/price_variants", "{\"productId\":\"" + product.at("/prefixId")
				+ "\",\"name\":\"Std\",\"amount\":1000,\"currency\":\"USD\"}");
		Response targeted = create(
				"\"code\":\"ONLY\",\"percentOff\":5,\"priceVariants\":[\"" + variant.at("/prefixId") + "\"]");
		assertThat(targeted.status()).isEqualTo(201);
		assertThat(targeted.at("/priceVariants/0/prefixId")).isEqualTo(variant.at("/prefixId"));
		Response updated = this.api.patch("/v1/discounts/" + targeted.at("/prefixId"),
				"{\"code\":\"ONLY2\",\"priceVariants\":[],\"percentOff\":7}");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.at("/code")).isEqualTo("ONLY2");
		assertThat(updated.json().get("priceVariants")).isEmpty();
		Response bad = this.api.patch("/v1/discounts/" + targeted.at("/prefixId"), "{\"percentOff\":150}");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(this.api.get("/v1/discounts/" + targeted.at("/prefixId")).json().get("percentOff").decimalValue())
			.isEqualByComparingTo("7");
		Http stranger = this.http.as(this.sellers.create().test());
		String strangersProduct = stranger.post("/v1/products", "{\"name\":\"Theirs\"}").at("/prefixId");
		String otherVariant = stranger
			.post("/v1/price_variants",
					"{\"productId\":\"" + strangersProduct
							+ "\",\"name\":\"Std\",\"amount\":1000,\"currency\":\"USD\"}")
			.at("/prefixId");
		assertError(
				this.api.patch("/v1/discounts/" + targeted.at("/prefixId"),
						"{\"priceVariants\":[\"" + otherVariant + "\"]}"),
				"Price variants contains an unknown price variant");
	}

	@Test
	void fiftyParallelRedemptionsOfAOneUseCodeRedeemExactlyOnce() throws Exception {
		long id = create("\"code\":\"SINGLE\",\"percentOff\":50,\"maxRedemptions\":1").json().get("id").asLong();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 50; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return this.transactions.execute((status) -> this.discounts.redeem(id, Instant.now()));
				}));
			}
			start.countDown();
			int redeemed = 0;
			for (Future<Boolean> result : results) {
				redeemed += Boolean.TRUE.equals(result.get()) ? 1 : 0;
			}
			assertThat(redeemed).isEqualTo(1);
		}
		assertThat(this.api.get("/v1/discounts/" + id).at("/timesRedeemed")).isEqualTo("1");
	}

	@Test
	void otherAccountsAndModesGet404() {
		Response created = create("\"code\":\"MINE\",\"percentOff\":5");
		for (Http other : List.of(this.http.as(this.seller.live()), this.http.as(this.sellers.create().test()))) {
			assertThat(other.get("/v1/discounts/" + created.at("/prefixId")).status()).isEqualTo(404);
			assertThat(other.get("/v1/discounts/" + created.at("/id")).status()).isEqualTo(404);
			assertThat(other.patch("/v1/discounts/" + created.at("/prefixId"), "{\"percentOff\":6}").status())
				.isEqualTo(404);
			assertThat(other.delete("/v1/discounts/" + created.at("/prefixId")).status()).isEqualTo(404);
			assertThat(other.get("/v1/discounts").at("/pagination/count")).isEqualTo("0");
		}
	}

	private static void assertError(Response response, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.at("/error/type")).isEqualTo("validation_error");
		assertThat(response.at("/error/message")).isEqualTo(message);
		assertThat(response.json().at("/error/details").isObject()).isTrue();
	}

}
