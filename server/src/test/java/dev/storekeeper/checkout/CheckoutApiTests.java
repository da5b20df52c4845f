package dev.storekeeper.checkout;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutApiTests extends ApiTest {

	static final String CARD = "\"payment\":{\"card\":{\"number\":\"4242 4242 4242 4242\",\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}";

	static final String DECLINED = "\"payment\":{\"card\":{\"number\":\"4000 0000 0000 0002\",\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}";

	@Autowired
	JdbcClient jdbc;

	Seller seller;

	Http api;

	@BeforeEach
	void seller() {
		this.seller = this.sellers.create();
		this.api = this.http.as(this.seller.test());
	}

	/** An active product with one variant; extra JSON goes into the variant. */
	Response variant(Http api, String name, long amount, String extra) {
		String product = api.post("/v1/products", "{\"name\":\"" + name + "\"}").at("/prefixId");
		Response variant = api.post("/v1/price_variants", "{\"productId\":\"" + product
				+ "\",\"name\":\"Standard\",\"amount\":" + amount + ",\"currency\":\"USD\"" + extra + "}");
		assertThat(variant.status()).as(variant.toString()).isEqualTo(201);
		assertThat(api.patch("/v1/products/" + product, "{\"status\":\"active\"}").status()).isEqualTo(200);
		return variant;
	}

	Response checkout(Http api, String json) {
		return api.post("/v1/checkouts", json);
	}

	Response confirm(String secret, String json) {
		return this.http.post("/v1/client/checkouts/" + secret + "/confirm", json);
	}

	private List<String> events() {
		return this.jdbc.sql("select type from events where account_id = :id order by id")
			.param("id", this.seller.account().id())
			.query(String.class)
			.list();
	}

	@Test
	void aTestModePurchaseWithADiscountDeliversTheContent() {
		Response guide = this.api.post("/v1/experiences",
				"{\"name\":\"Guide\",\"itemType\":\"written\",\"content\":{\"bodyHtml\":\"<p>The secret recipe</p>\"}}");
		Response variant = variant(this.api, "Cookbook", 5000,
				",\"quantityAvailable\":10,\"experienceIds\":[\"" + guide.at("/prefixId") + "\"]");
		this.api.post("/v1/discounts", "{\"code\":\"SAVE20\",\"percentOff\":20}");
		Response created = checkout(this.api, "{\"checkout\":{\"discountCode\":\"save20\",\"checkoutItemsAttributes\":"
				+ "[{\"priceVariantId\":" + variant.at("/id") + ",\"quantity\":1}]}}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/v1/checkouts/" + created.at("/prefixId"));
		assertThat(created.at("/status")).isEqualTo("open");
		assertThat(created.at("/mode")).isEqualTo("payment");
		assertThat(created.at("/subtotal")).isEqualTo("5000");
		assertThat(created.at("/discountAmount")).isEqualTo("1000");
		assertThat(created.at("/total")).isEqualTo("4000");
		assertThat(created.at("/discount/code")).isEqualTo("SAVE20");
		assertThat(created.at("/url")).endsWith("/checkout/" + created.at("/clientSecret"));
		String secret = created.at("/clientSecret");

		assertThat(this.http.get("/v1/client/checkouts/" + secret).at("/total")).isEqualTo("4000");
		Response done = confirm(secret, "{\"email\":\"buyer@example.com\",\"name\":\"Bea Buyer\"," + CARD + "}");
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.at("/status")).isEqualTo("complete");
		String order = done.at("/order");
		assertThat(order).startsWith("ord_");

		Response placed = this.api.get("/v1/orders/" + order + "?expand=customer,access_tokens,discount,charge");
		assertThat(placed.at("/amount")).isEqualTo("4000");
		assertThat(placed.at("/status")).isEqualTo("succeeded");
		assertThat(placed.at("/discount/code")).isEqualTo("SAVE20");
		assertThat(placed.at("/charge/amount")).isEqualTo("4000");
		assertThat(placed.at("/customer/customerType")).isEqualTo("paid");
		assertThat(placed.at("/customer/ordersCount")).isEqualTo("1");
		assertThat(placed.at("/customer/totalSpend")).isEqualTo("4000");
		String url = placed.at("/accessTokens/0/url");
		Response access = this.http.get(url.substring(url.indexOf("/access/")));
		assertThat(access.status()).isEqualTo(200);
		assertThat(access.body()).contains("The secret recipe");
		assertThat(this.api.get("/v1/price_variants/" + variant.at("/prefixId")).at("/quantityAvailable"))
			.isEqualTo("9");
		assertThat(this.api.get("/v1/discounts?status=active").at("/items/0/timesRedeemed")).isEqualTo("1");
		assertThat(events()).contains("checkout.created", "checkout.completed", "order.created", "order.paid");

		Response again = confirm(secret, "{\"email\":\"buyer@example.com\"," + CARD + "}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.at("/error/type")).isEqualTo("conflict");
	}

	@Test
	void aDeclinedCardTakesNothingAndLeavesTheCheckoutOpen() {
		Response variant = variant(this.api, "Course", 3000, ",\"quantityAvailable\":5");
		this.api.post("/v1/discounts", "{\"code\":\"ONCE\",\"percentOff\":10,\"maxRedemptions\":1}");
		Response created = checkout(this.api,
				"{\"priceVariantId\":\"" + variant.at("/prefixId") + "\",\"discountCode\":\"ONCE\"}");
		String secret = created.at("/clientSecret");
		Response declined = confirm(secret, "{\"email\":\"buyer@example.com\"," + DECLINED + "}");
		assertThat(declined.status()).isEqualTo(402);
		assertThat(declined.at("/error/type")).isEqualTo("payment_failed");
		assertThat(declined.at("/error/message")).isEqualTo("Your card was declined.");
		assertThat(this.api.get("/v1/checkouts/" + created.at("/prefixId")).at("/status")).isEqualTo("open");
		assertThat(this.api.get("/v1/orders").at("/pagination/count")).isEqualTo("0");
		assertThat(this.api.get("/v1/customers").at("/pagination/count")).isEqualTo("0");
		assertThat(this.api.get("/v1/price_variants/" + variant.at("/prefixId")).at("/quantityAvailable"))
			.isEqualTo("5");
		assertThat(this.api.get("/v1/discounts").at("/items/0/timesRedeemed")).isEqualTo("0");
		assertThat(events()).contains("payment.failed").doesNotContain("order.created");

		Response paid = confirm(secret, "{\"email\":\"buyer@example.com\"," + CARD + "}");
		assertThat(paid.status()).isEqualTo(200);
		assertThat(this.api.get("/v1/orders").at("/items/0/amount")).isEqualTo("2700");
	}

	@Test
	void freeCheckoutsNeedNoCard() {
		Response variant = variant(this.api, "Freebie", 0, ",\"billingType\":\"free\"");
		Response created = checkout(this.api,
				"{\"priceVariantId\":\"" + variant.at("/prefixId") + "\",\"email\":\"lead@example.com\"}");
		assertThat(created.at("/isFree")).isEqualTo("true");
		Response done = confirm(created.at("/clientSecret"), "{}");
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		Response order = this.api.get("/v1/orders/" + done.at("/order") + "?expand=customer");
		assertThat(order.at("/isFree")).isEqualTo("true");
		assertThat(order.at("/customer/customerType")).isEqualTo("free");
	}

	@Test
	void everyRefusalIsA422WithDetails() {
		Response draft = this.api.post("/v1/products", "{\"name\":\"Draft\"}");
		Response draftVariant = this.api.post("/v1/price_variants",
				"{\"productId\":\"" + draft.at("/prefixId") + "\",\"name\":\"V\",\"amount\":100,\"currency\":\"USD\"}");
		refused("{\"priceVariantId\":\"" + draftVariant.at("/prefixId") + "\"}",
				"Checkout items price variant belongs to Draft, which is not active");
		Response waitlisted = variant(this.api, "Soon", 100, ",\"waitlist\":true");
		refused("{\"priceVariantId\":\"" + waitlisted.at("/prefixId") + "\"}",
				"Checkout items price variant is on a waitlist and cannot be bought yet");
		Response usd = variant(this.api, "Dollars", 100, "");
		String euroProduct = this.api.post("/v1/products", "{\"name\":\"Euros\"}").at("/prefixId");
		String euro = this.api
			.post("/v1/price_variants",
					"{\"productId\":\"" + euroProduct + "\",\"name\":\"V\",\"amount\":100,\"currency\":\"EUR\"}")
			.at("/prefixId");
		this.api.patch("/v1/products/" + euroProduct, "{\"status\":\"active\"}");
		refused("{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + usd.at("/prefixId")
				+ "\"},{\"priceVariantId\":\"" + euro + "\"}]}",
				"All items of a checkout must be in the same currency");
		Response monthly = variant(this.api, "Club", 900,
				",\"billingType\":\"recurring\",\"recurringInterval\":\"month\"");
		Response yearly = variant(this.api, "Club yearly", 9000,
				",\"billingType\":\"recurring\",\"recurringInterval\":\"year\"");
		refused("{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + usd.at("/prefixId")
				+ "\"},{\"priceVariantId\":\"" + monthly.at("/prefixId") + "\"}]}",
				"A checkout cannot mix subscription and one-time items");
		refused("{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + yearly.at("/prefixId")
				+ "\"},{\"priceVariantId\":\"" + monthly.at("/prefixId") + "\"}]}",
				"A checkout can hold at most one subscription item");
		Response limited = variant(this.api, "Limited", 100, ",\"quantityAvailable\":2");
		refused("{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + limited.at("/prefixId")
				+ "\",\"quantity\":3}]}", "Checkout items attributes quantity is more than the 2 available");
		Response pwyw = variant(this.api, "Tip jar", 500, ",\"amountType\":\"pay_what_you_want\",\"minimumAmount\":500,"
				+ "\"maximumAmount\":5000,\"presetAmount\":1000");
		refused("{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + pwyw.at("/prefixId")
				+ "\",\"customAmount\":100}]}", "Checkout items attributes custom amount must be at least 500");
		refused("{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + pwyw.at("/prefixId")
				+ "\",\"customAmount\":6000}]}", "Checkout items attributes custom amount must be at most 5000");
		Response tip = checkout(this.api, "{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + pwyw.at("/prefixId")
				+ "\",\"customAmount\":2500}]}");
		assertThat(tip.at("/total")).isEqualTo("2500");
		// the buyer's own change names the field it was given
		Response tooLittle = this.http.patch("/v1/client/checkouts/" + tip.at("/clientSecret"),
				"{\"customAmount\":100}");
		assertThat(tooLittle.status()).isEqualTo(422);
		assertThat(tooLittle.at("/error/message")).isEqualTo("Custom amount must be at least 500");
		assertThat(tooLittle.json().at("/error/details/customAmount/0").asString()).isEqualTo("must be at least 500");
		this.api.post("/v1/discounts", "{\"code\":\"LATER\",\"percentOff\":10,\"startsAt\":\"2999-01-01T00:00:00Z\"}");
		refused("{\"priceVariantId\":\"" + usd.at("/prefixId") + "\",\"discountCode\":\"LATER\"}",
				"Discount code is not active yet");
		refused("{\"priceVariantId\":\"" + usd.at("/prefixId") + "\",\"discountCode\":\"NOPE\"}",
				"Discount code is not a valid discount code");
		this.api.post("/v1/discounts",
				"{\"code\":\"ONLYCLUB\",\"percentOff\":10,\"priceVariants\":[\"" + monthly.at("/prefixId") + "\"]}");
		refused("{\"priceVariantId\":\"" + usd.at("/prefixId") + "\",\"discountCode\":\"ONLYCLUB\"}",
				"Discount code does not apply to these items");
		refused("{\"checkout\":{\"checkoutItemsAttributes\":[]}}", "Checkout items attributes can't be blank");
		refused("{\"priceVariantId\":\"pv_nope\"}", "Checkout items price variant does not exist");
		refused("{\"priceVariantId\":\"" + usd.at("/prefixId") + "\",\"email\":\"nope\"}", "Email is invalid");

		Response live = this.http.as(this.seller.live())
			.post("/v1/checkouts", "{\"priceVariantId\":\"" + usd.at("/prefixId") + "\"}");
		assertThat(live.status()).isEqualTo(422);
		Http liveApi = this.http.as(this.seller.live());
		Response liveVariant = variant(liveApi, "Live course", 1000, "");
		Response noGateway = liveApi.post("/v1/checkouts",
				"{\"priceVariantId\":\"" + liveVariant.at("/prefixId") + "\"}");
		assertThat(noGateway.status()).isEqualTo(422);
		assertThat(noGateway.at("/error/message")).startsWith("Live payments are not configured on this server");
		Response liveFree = variant(liveApi, "Live freebie", 0, ",\"billingType\":\"free\"");
		assertThat(liveApi.post("/v1/checkouts", "{\"priceVariantId\":\"" + liveFree.at("/prefixId") + "\"}").status())
			.isEqualTo(201);
	}

	@Test
	void stripesWebhookIsNotFoundWhereStripeIsNotConfigured() {
		Response response = this.http.header("Stripe-Signature", "t=1,v1=00")
			.send("POST", "/webhooks/stripe", "{\"type\":\"checkout.session.completed\"}", "application/json");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.at("/error/message")).contains("STRIPE_SECRET_KEY");
	}

	@Test
	void blacklistedBuyersAreRefusedAtConfirm() {
		Response variant = variant(this.api, "Course", 1000, "");
		String customer = this.api.post("/v1/customers", "{\"email\":\"banned@example.com\"}").at("/prefixId");
		this.api.post("/v1/customers/" + customer + "/blacklist", "{\"reason\":\"fraud\"}");
		String secret = checkout(this.api, "{\"priceVariantId\":\"" + variant.at("/prefixId") + "\"}")
			.at("/clientSecret");
		Response refused = confirm(secret, "{\"email\":\"BANNED@example.com\"," + CARD + "}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.at("/error/message")).isEqualTo("This buyer cannot purchase from this store");
		assertThat(this.api.get("/v1/orders").at("/pagination/count")).isEqualTo("0");
	}

	@Test
	void aNewCheckoutIsAnsweredExactlyAsItIsReadBack() {
		// the create answer is built from what was inserted, not read back: it must not
		// differ from a read in any field
		Response course = variant(this.api, "Course", 2000, ",\"quantityAvailable\":5");
		Response tip = variant(this.api, "Tip jar", 500, ",\"amountType\":\"pay_what_you_want\",\"minimumAmount\":500,"
				+ "\"maximumAmount\":5000,\"presetAmount\":1000");
		this.api.post("/v1/discounts", "{\"code\":\"TEN\",\"percentOff\":10}");
		Response created = checkout(this.api,
				"{\"checkout\":{\"discountCode\":\"ten\",\"email\":\"  buyer@example.com \","
						+ "\"returnUrl\":\"https://shop.example/thanks\",\"checkoutItemsAttributes\":[{\"priceVariantId\":\""
						+ course.at("/prefixId") + "\",\"quantity\":2},{\"priceVariantId\":\"" + tip.at("/prefixId")
						+ "\",\"customAmount\":2500}]}}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("checkoutItems")).as(created.toString()).hasSize(2);

		Response read = this.api.get("/v1/checkouts/" + created.at("/prefixId"));

		assertThat(created.json()).isEqualTo(read.json());
	}

	@Test
	void checkoutsCanBeRepricedBeforePayment() {
		Response variant = variant(this.api, "Course", 2000, "");
		this.api.post("/v1/discounts", "{\"code\":\"FIVE\",\"amountOff\":500,\"currency\":\"USD\"}");
		Response created = checkout(this.api, "{\"priceVariantId\":\"" + variant.at("/prefixId") + "\"}");
		Response discounted = this.api.patch("/v1/checkouts/" + created.at("/prefixId"),
				"{\"checkout\":{\"discountCode\":\"five\",\"email\":\"a@example.com\"}}");
		assertThat(discounted.at("/total")).isEqualTo("1500");
		assertThat(discounted.at("/prefilledEmail")).isEqualTo("a@example.com");
		Response cleared = this.http.patch("/v1/client/checkouts/" + created.at("/clientSecret"),
				"{\"discountCode\":null}");
		assertThat(cleared.at("/total")).isEqualTo("2000");
		assertThat(this.http.get("/v1/client/checkouts/cs_nope").status()).isEqualTo(404);
	}

	@Test
	void otherAccountsAndModesGet404() {
		Response variant = variant(this.api, "Course", 1000, "");
		String id = checkout(this.api, "{\"priceVariantId\":\"" + variant.at("/prefixId") + "\"}").at("/prefixId");
		for (Http other : List.of(this.http.as(this.seller.live()), this.http.as(this.sellers.create().test()))) {
			assertThat(other.get("/v1/checkouts/" + id).status()).isEqualTo(404);
			assertThat(other.patch("/v1/checkouts/" + id, "{\"email\":\"x@example.com\"}").status()).isEqualTo(404);
			assertThat(other.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant.at("/prefixId") + "\"}").status())
				.isEqualTo(422);
		}
	}

	@Test
	void aHundredConcurrentConfirmsMakeExactlyOneOrder() throws Exception {
		Response variant = variant(this.api, "Course", 1000, "");
		String secret = checkout(this.api, "{\"priceVariantId\":\"" + variant.at("/prefixId") + "\"}")
			.at("/clientSecret");
		List<Integer> statuses = concurrently(100,
				(i) -> confirm(secret, "{\"email\":\"same@example.com\"," + CARD + "}").status());
		assertThat(statuses.stream().filter((status) -> status == 200).count()).isEqualTo(1);
		assertThat(statuses).allMatch((status) -> status == 200 || status == 409);
		assertThat(this.api.get("/v1/orders").at("/pagination/count")).isEqualTo("1");
		assertThat(this.api.get("/v1/customers").at("/items/0/ordersCount")).isEqualTo("1");
	}

	@Test
	void fiftyBuyersOfTenInStockMakeExactlyTenOrders() throws Exception {
		Response variant = variant(this.api, "Limited print", 1000, ",\"quantityAvailable\":10");
		List<String> secrets = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			secrets.add(
					checkout(this.api, "{\"priceVariantId\":\"" + variant.at("/prefixId") + "\"}").at("/clientSecret"));
		}
		List<Integer> statuses = concurrently(50,
				(i) -> confirm(secrets.get(i), "{\"email\":\"buyer" + i + "@example.com\"," + CARD + "}").status());
		assertThat(statuses.stream().filter((status) -> status == 200).count()).isEqualTo(10);
		assertThat(statuses).allMatch((status) -> status == 200 || status == 422);
		assertThat(this.api.get("/v1/orders").at("/pagination/count")).isEqualTo("10");
		assertThat(this.api.get("/v1/price_variants/" + variant.at("/prefixId")).at("/quantityAvailable"))
			.isEqualTo("0");
	}

	@Test
	void concurrentFirstCheckoutsWithOneNewEmailAllSucceedAndShareOneCustomer() throws Exception {
		Response variant = variant(this.api, "Course", 1000, "");
		for (int round = 0; round < 5; round++) {
			List<String> secrets = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				secrets.add(checkout(this.api, "{\"priceVariantId\":\"" + variant.at("/prefixId") + "\"}")
					.at("/clientSecret"));
			}
			String email = "Shared" + round + "@Example.com";
			List<Response> responses = concurrently(16,
					(i) -> confirm(secrets.get(i), "{\"email\":\"" + email + "\"," + CARD + "}"));
			assertThat(responses)
				.allSatisfy((response) -> assertThat(response.status()).as(response.toString()).isEqualTo(200));
		}
		assertThat(this.api.get("/v1/orders").at("/pagination/count")).isEqualTo("80");
		Response customers = this.api.get("/v1/customers");
		assertThat(customers.at("/pagination/count")).isEqualTo("5");
		for (int i = 0; i < 5; i++) {
			assertThat(customers.at("/items/" + i + "/ordersCount")).isEqualTo("16");
		}
	}

	@Test
	void aOneUseDiscountUnderFiftyConcurrentCheckoutsDiscountsExactlyOneOrder() throws Exception {
		Response variant = variant(this.api, "Course", 1000, "");
		this.api.post("/v1/discounts", "{\"code\":\"FIRST\",\"percentOff\":50,\"maxRedemptions\":1}");
		List<String> secrets = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			secrets.add(checkout(this.api,
					"{\"priceVariantId\":\"" + variant.at("/prefixId") + "\",\"discountCode\":\"FIRST\"}")
				.at("/clientSecret"));
		}
		List<Integer> statuses = concurrently(50,
				(i) -> confirm(secrets.get(i), "{\"email\":\"buyer" + i + "@example.com\"," + CARD + "}").status());
		assertThat(statuses.stream().filter((status) -> status == 200).count()).isEqualTo(1);
		Response orders = this.api.get("/v1/orders?limit=100");
		assertThat(orders.at("/pagination/count")).isEqualTo("1");
		assertThat(orders.at("/items/0/discountAmount")).isEqualTo("500");
		assertThat(this.api.get("/v1/discounts").at("/items/0/timesRedeemed")).isEqualTo("1");
	}

	private void refused(String body, String message) {
		Response response = checkout(this.api, body);
		assertThat(response.status()).as(body + " → " + response).isEqualTo(422);
		assertThat(response.at("/error/type")).isEqualTo("validation_error");
		assertThat(response.at("/error/message")).as(body).isEqualTo(message);
		assertThat(response.json().at("/error/details").isObject()).isTrue();
	}

	static <T> List<T> concurrently(int count, java.util.function.IntFunction<T> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return task.apply(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

}
