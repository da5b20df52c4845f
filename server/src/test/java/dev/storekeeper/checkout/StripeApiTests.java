package dev.storekeeper.checkout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers;
import dev.storekeeper.support.Sellers.Seller;
import dev.storekeeper.support.TestSupportConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live payments through Stripe, end to end through the HTTP API, with {@code stripe-java}
 * pointed at a local fake of Stripe's HTTP API (WireMock): sessions, the signed webhook
 * that completes the order exactly once, refunds both ways, disputes, and the webhooks
 * refused. Nothing here reaches the internet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "storekeeper.rate-limit.per-minute=1000000", "storekeeper.rate-limit.burst=100000",
				"storekeeper.webhooks.allow-private-networks=true", "storekeeper.webhooks.poller-enabled=false",
				"storekeeper.stripe.secret-key=sk_test_storekeeper_fake",
				"storekeeper.stripe.publishable-key=pk_test_storekeeper_fake",
				"storekeeper.stripe.webhook-secret=" + StripeApiTests.WEBHOOK_SECRET })
@Import(TestSupportConfiguration.class)
class StripeApiTests {

	static final String WEBHOOK_SECRET = "whsec_storekeeper_test_secret";

	static final WireMockServer stripe = new WireMockServer(options().dynamicPort());

	static {
		stripe.start();
	}

	@DynamicPropertySource
	static void stripeApi(DynamicPropertyRegistry registry) {
		registry.add("storekeeper.stripe.api-base", () -> "http://127.0.0.1:" + stripe.port());
	}

	@AfterAll
	static void stop() {
		stripe.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	Sellers sellers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	Seller seller;

	Http http;

	Http live;

	@BeforeEach
	void seller() {
		this.seller = this.sellers.create();
		this.http = new Http("http://127.0.0.1:" + this.port, null);
		this.live = this.http.as(this.seller.live());
	}

	/** An active live product with one variant of {@code amount} USD. */
	String variant(long amount, String extra) {
		String product = this.live.post("/v1/products", "{\"name\":\"Pottery course\"}").at("/prefixId");
		Response variant = this.live.post("/v1/price_variants", "{\"productId\":\"" + product
				+ "\",\"name\":\"Standard\",\"amount\":" + amount + ",\"currency\":\"USD\"" + extra + "}");
		assertThat(variant.status()).as(variant.toString()).isEqualTo(201);
		assertThat(this.live.patch("/v1/products/" + product, "{\"status\":\"active\"}").status()).isEqualTo(200);
		return variant.at("/prefixId");
	}

	/** Stripe's next Checkout Session; returns its id. */
	static String nextSession(long amount) {
		String id = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
		stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(json("""
				{"id":"%s","object":"checkout.session","client_secret":"%s_secret_fake","amount_total":%d,
				 "currency":"usd","status":"open","payment_status":"unpaid","ui_mode":"custom"}
				""".formatted(id, id, amount))));
		return id;
	}

	/** Stripe says the session was paid by charge {@code chargeId}. */
	static void paid(String sessionId, String chargeId, long amount, String checkoutPrefixId) {
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + sessionId)).willReturn(json("""
				{"id":"%s","object":"checkout.session","amount_total":%d,"currency":"usd","status":"complete",
				 "payment_status":"paid","metadata":{"storekeeper_checkout":"%s"},
				 "customer_details":{"email":"buyer@example.com","name":"Ada Buyer"},
				 "payment_intent":{"id":"pi_%s","object":"payment_intent","latest_charge":{"id":"%s","object":"charge",
				   "amount":%d,"amount_refunded":0,"currency":"usd",
				   "receipt_url":"https://pay.stripe.com/receipts/%s",
				   "payment_method_details":{"type":"card","card":{"last4":"4242","brand":"visa"}}}}}
				""".formatted(sessionId, amount, checkoutPrefixId, chargeId, chargeId, amount, chargeId))));
	}

	static void refunded(String chargeId, long amountRefunded) {
		stripe.stubFor(get(urlPathEqualTo("/v1/charges/" + chargeId)).willReturn(json("""
				{"id":"%s","object":"charge","amount_refunded":%d,"currency":"usd"}
				""".formatted(chargeId, amountRefunded))));
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** A Stripe event, signed as Stripe signs it at {@code timestamp}. */
	Response webhook(String type, String object, long timestamp, String secret) {
		String payload = """
				{"id":"evt_%s","object":"event","api_version":"2025-08-27.basil","created":%d,"livemode":true,
				 "type":"%s","data":{"object":%s}}
				""".formatted(UUID.randomUUID().toString().replace("-", ""), timestamp, type, object);
		return this.http.header("Stripe-Signature", "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + payload))
			.send("POST", "/webhooks/stripe", payload, "application/json; charset=utf-8");
	}

	Response webhook(String type, String object) {
		return webhook(type, object, System.currentTimeMillis() / 1000, WEBHOOK_SECRET);
	}

	static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	List<String> events() {
		return this.jdbc.sql("select type from events where account_id = :id and livemode = true order by id")
			.param("id", this.seller.account().id())
			.query(String.class)
			.list();
	}

	long orders() {
		return this.jdbc.sql("select count(*) from orders where account_id = :id")
			.param("id", this.seller.account().id())
			.query(Long.class)
			.single();
	}

	/** A paid live checkout whose order Stripe's webhook placed; returns the order. */
	Response purchase(long amount) {
		String variant = variant(amount, "");
		String session = nextSession(amount);
		Response checkout = this.live.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}");
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		String charge = "ch_" + UUID.randomUUID().toString().replace("-", "");
		paid(session, charge, amount, checkout.at("/prefixId"));
		assertThat(webhook("checkout.session.completed", "{\"id\":\"" + session + "\"}").status()).isEqualTo(200);
		Response done = this.live.get("/v1/checkouts/" + checkout.at("/prefixId"));
		assertThat(done.at("/status")).isEqualTo("complete");
		return this.live.get("/v1/orders/" + done.at("/order") + "?expand=charge");
	}

	/** The id Stripe gave the charge of an order. */
	String stripeChargeOf(Response order) {
		return this.jdbc.sql("select processor_id from charges where prefix_id = :id")
			.param("id", order.at("/charge/id"))
			.query(String.class)
			.single();
	}

	@Test
	void aLiveSubscriptionKeepsTheCardAtStripeAndRenewsWithAnOffSessionPaymentIntent() throws Exception {
		String variant = variant(1900, ",\"billingType\":\"recurring\",\"recurringInterval\":\"month\"");
		String session = nextSession(1900);
		Response checkout = this.live.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}");
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		assertThat(checkout.at("/mode")).isEqualTo("subscription");
		stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
			.withRequestBody(containing("customer_creation=always"))
			.withRequestBody(containing("payment_intent_data[setup_future_usage]=off_session")));
		String charge = "ch_" + UUID.randomUUID().toString().replace("-", "");
		String customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
		stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + session)).willReturn(json("""
				{"id":"%s","object":"checkout.session","amount_total":1900,"currency":"usd","status":"complete",
				 "payment_status":"paid","metadata":{"storekeeper_checkout":"%s"},"customer":"%s",
				 "customer_details":{"email":"sub@example.com","name":"Sue Scriber"},
				 "payment_intent":{"id":"pi_%s","object":"payment_intent","payment_method":"pm_card_saved",
				   "latest_charge":{"id":"%s","object":"charge","amount":1900,"amount_refunded":0,"currency":"usd",
				   "payment_method_details":{"type":"card","card":{"last4":"4242","brand":"visa","exp_month":8,
				   "exp_year":2041}}}}}
				""".formatted(session, checkout.at("/prefixId"), customer, charge, charge))));
		assertThat(webhook("checkout.session.completed", "{\"id\":\"" + session + "\"}").status()).isEqualTo(200);
		Response list = this.live.get("/v1/subscriptions?price_variant_id=" + variant);
		assertThat(list.at("/items/0/status")).as(list.toString()).isEqualTo("active");
		assertThat(list.at("/items/0/paymentMethod/lastFour")).isEqualTo("4242");
		assertThat(list.at("/items/0/paymentMethod/expYear")).isEqualTo("2041");
		assertThat(this.jdbc
			.sql("select processor_id || ' ' || processor_customer_id || ' ' || gateway from "
					+ "payment_methods where account_id = :id")
			.param("id", this.seller.account().id())
			.query(String.class)
			.single()).isEqualTo("pm_card_saved " + customer + " stripe");

		// the renewal, as the billing scheduler of any node runs it once the period ends
		String renewal = "ch_" + UUID.randomUUID().toString().replace("-", "");
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json("""
				{"id":"pi_renewal","object":"payment_intent","status":"succeeded","amount":1900,"currency":"usd",
				 "latest_charge":"%s"}
				""".formatted(renewal))));
		Object scheduler = this.context.getBean(Class.forName("dev.storekeeper.billing.BillingScheduler"));
		java.lang.reflect.Method runDue = scheduler.getClass().getDeclaredMethod("runDue", java.time.Instant.class);
		runDue.setAccessible(true);
		runDue.invoke(scheduler, java.time.Instant.parse(list.at("/items/0/currentPeriodEnd")).plusSeconds(1));
		stripe.verify(
				postRequestedFor(urlEqualTo("/v1/payment_intents")).withRequestBody(containing("customer=" + customer))
					.withRequestBody(containing("payment_method=pm_card_saved"))
					.withRequestBody(containing("off_session=true"))
					.withRequestBody(containing("confirm=true"))
					.withHeader("Idempotency-Key", WireMock.matching("inv_.*:attempt-1")));
		Response renewed = this.live.get("/v1/subscriptions/" + list.at("/items/0/prefixId"));
		assertThat(renewed.at("/status")).isEqualTo("active");
		assertThat(this.live.get("/v1/orders?subscription_id=" + renewed.at("/prefixId")).json().path("items").size())
			.isEqualTo(2);
		assertThat(events()).contains("subscription.created", "subscription.renewed");
	}

	@Test
	void aLiveCheckoutIsPaidOnStripesFormAndItsWebhookPlacesTheOrderExactlyOnce() throws Exception {
		String variant = variant(4900, "");
		String session = nextSession(4900);
		Response checkout = this.live.post("/v1/checkouts",
				"{\"priceVariantId\":\"" + variant + "\",\"email\":\"buyer@example.com\"}");
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		assertThat(checkout.at("/processorId")).isEqualTo(session);
		assertThat(checkout.at("/clientSecret")).isEqualTo(session + "_secret_fake");
		assertThat(checkout.at("/livemode")).isEqualTo("true");
		stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
			.withHeader("Authorization", equalTo("Bearer sk_test_storekeeper_fake"))
			.withRequestBody(containing("ui_mode=custom"))
			.withRequestBody(containing("mode=payment"))
			.withRequestBody(containing("unit_amount%5D=4900").or(containing("unit_amount]=4900")))
			.withRequestBody(containing("currency%5D=usd").or(containing("currency]=usd")))
			.withRequestBody(containing("client_reference_id=" + checkout.at("/prefixId")))
			.withRequestBody(containing("customer_email=buyer%40example.com")));

		// The card never reaches this server in live mode.
		Response byCard = this.http.post("/v1/client/checkouts/" + checkout.at("/clientSecret") + "/confirm",
				"{\"email\":\"buyer@example.com\",\"payment\":{\"card\":{\"number\":\"4242424242424242\","
						+ "\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}}");
		assertThat(byCard.status()).as(byCard.toString()).isEqualTo(422);
		assertThat(byCard.at("/error/details/payment/0")).contains("Stripe");

		// The hosted page shows Stripe's form with the session's client secret; the
		// client
		// API answers to that secret too.
		Response page = this.http.send("GET", new java.net.URI(checkout.at("/url")).getPath(), null, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("js.stripe.com", "data-client-secret=\"" + session + "_secret_fake\"",
					"data-publishable-key=\"pk_test_storekeeper_fake\"")
			.doesNotContain("cardNumber");
		assertThat(this.http.get("/v1/client/checkouts/" + checkout.at("/clientSecret")).at("/prefixId"))
			.isEqualTo(checkout.at("/prefixId"));

		// Stripe sends the event twice at once, then once more.
		String charge = "ch_" + UUID.randomUUID().toString().replace("-", "");
		paid(session, charge, 4900, checkout.at("/prefixId"));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> sent = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			sent.add(pool.submit(() -> {
				start.await();
				return webhook("checkout.session.completed", "{\"id\":\"" + session + "\"}");
			}));
		}
		start.countDown();
		for (Future<Response> response : sent) {
			assertThat(response.get().status()).as(response.get().toString()).isEqualTo(200);
		}
		pool.shutdown();
		assertThat(webhook("checkout.session.completed", "{\"id\":\"" + session + "\"}").status()).isEqualTo(200);

		assertThat(orders()).isEqualTo(1);
		Response done = this.live.get("/v1/checkouts/" + checkout.at("/prefixId"));
		assertThat(done.at("/status")).isEqualTo("complete");
		Response order = this.live.get("/v1/orders/" + done.at("/order") + "?expand=charge,customer");
		assertThat(order.at("/status")).isEqualTo("succeeded");
		assertThat(order.at("/amount")).isEqualTo("4900");
		assertThat(order.at("/charge/receiptUrl")).isEqualTo("https://pay.stripe.com/receipts/" + charge);
		assertThat(order.at("/customer/email")).isEqualTo("buyer@example.com");
		assertThat(events()).containsOnlyOnce("checkout.completed", "order.created", "order.paid")
			.doesNotContain("payment.failed");

		// The buyer back from Stripe's form sees the receipt.
		Response back = this.http.send("GET",
				new java.net.URI(checkout.at("/url")).getPath() + "?session_id=" + session, null, null);
		assertThat(back.body()).contains("Thank you", done.at("/order"));
	}

	@Test
	void theBuyerReturningFromStripesFormCompletesTheOrderBeforeTheWebhookArrives() throws Exception {
		String variant = variant(1500, "");
		String session = nextSession(1500);
		Response checkout = this.live.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}");
		String path = new java.net.URI(checkout.at("/url")).getPath();
		// Someone else's session id on the return address is not looked at.
		assertThat(this.http.send("GET", path + "?session_id=cs_test_other", null, null).body()).contains("Pay");
		paid(session, "ch_" + UUID.randomUUID().toString().replace("-", ""), 1500, checkout.at("/prefixId"));
		Response back = this.http.send("GET", path + "?session_id=" + session, null, null);
		assertThat(back.body()).contains("Thank you");
		assertThat(webhook("checkout.session.completed", "{\"id\":\"" + session + "\"}").status()).isEqualTo(200);
		assertThat(orders()).isEqualTo(1);
	}

	@Test
	void aRefundGoesThroughStripeAndStripesOwnRefundsAreFollowed() {
		Response order = purchase(3000);
		String charge = stripeChargeOf(order);
		stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(json("""
				{"id":"re_from_api","object":"refund","amount":1000,"charge":"%s","currency":"usd","status":"succeeded"}
				""".formatted(charge))));
		Response refund = this.live.post("/v1/orders/" + order.at("/prefixId") + "/refund", "{\"amount\":1000}");
		assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
		stripe.verify(postRequestedFor(urlEqualTo("/v1/refunds")).withRequestBody(containing("charge=" + charge))
			.withRequestBody(containing("amount=1000")));

		// Stripe reports the refund this server made: nothing new.
		refunded(charge, 1000);
		assertThat(webhook("charge.refunded", "{\"id\":\"" + charge + "\",\"object\":\"charge\"}").status())
			.isEqualTo(200);
		assertThat(this.live.get("/v1/refunds?order_id=" + order.at("/prefixId")).json().path("items").size())
			.isEqualTo(1);

		// The seller refunds the rest in Stripe's dashboard.
		refunded(charge, 3000);
		assertThat(webhook("charge.refunded",
				"{\"id\":\"" + charge + "\",\"object\":\"charge\",\"refunds\":{\"data\":[{\"id\":\"re_dashboard\"}]}}")
			.status()).isEqualTo(200);
		assertThat(webhook("charge.refunded", "{\"id\":\"" + charge + "\",\"object\":\"charge\"}").status())
			.isEqualTo(200);
		Response after = this.live.get("/v1/orders/" + order.at("/prefixId"));
		assertThat(after.at("/status")).isEqualTo("refunded");
		assertThat(after.at("/amountRefunded")).isEqualTo("3000");
		assertThat(this.live.get("/v1/refunds?order_id=" + order.at("/prefixId")).json().path("items").size())
			.isEqualTo(2);
		assertThat(events().stream().filter("order.refunded"::equals).count()).isEqualTo(2);
	}

	@Test
	void aDisputeMarksTheOrderDisputedOnce() {
		Response order = purchase(2500);
		String charge = stripeChargeOf(order);
		String dispute = "{\"id\":\"dp_1\",\"object\":\"dispute\",\"charge\":\"" + charge
				+ "\",\"amount\":2500,\"status\":\"needs_response\",\"reason\":\"fraudulent\"}";
		assertThat(webhook("charge.dispute.created", dispute).status()).isEqualTo(200);
		assertThat(webhook("charge.dispute.created", dispute).status()).isEqualTo(200);
		Response after = this.live.get("/v1/orders/" + order.at("/prefixId") + "?expand=charge");
		assertThat(after.at("/status")).as("the reference knows no disputed").isEqualTo("succeeded");
		assertThat(after.at("/disputed")).isEqualTo("true");
		assertThat(after.at("/charge/status")).isEqualTo("disputed");
		assertThat(this.live.get("/v1/orders?status=disputed").json().path("items").size()).isEqualTo(1);
		assertThat(events().stream().filter("order.disputed"::equals).count()).isEqualTo(1);
	}

	@Test
	void forgedStaleAndUnsignedWebhooksAreRefusedAndChangeNothing() {
		String variant = variant(900, "");
		String session = nextSession(900);
		Response checkout = this.live.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}");
		paid(session, "ch_" + UUID.randomUUID().toString().replace("-", ""), 900, checkout.at("/prefixId"));
		String object = "{\"id\":\"" + session + "\"}";
		long now = System.currentTimeMillis() / 1000;

		Response forged = webhook("checkout.session.completed", object, now, "whsec_someone_else");
		assertThat(forged.status()).isEqualTo(400);
		assertThat(forged.at("/error/type")).isEqualTo("signature_invalid");
		Response stale = webhook("checkout.session.completed", object, now - 600, WEBHOOK_SECRET);
		assertThat(stale.status()).isEqualTo(400);
		assertThat(stale.at("/error/type")).isEqualTo("signature_invalid");
		Response unsigned = this.http.send("POST", "/webhooks/stripe",
				"{\"type\":\"checkout.session.completed\",\"data\":{\"object\":" + object + "}}", "application/json");
		assertThat(unsigned.status()).isEqualTo(400);
		Response garbage = this.http.header("Stripe-Signature", "t=" + now + ",v1=" + hmac(WEBHOOK_SECRET, now + ".{"))
			.send("POST", "/webhooks/stripe", "{", "application/json");
		assertThat(garbage.status()).isEqualTo(400);

		assertThat(this.live.get("/v1/checkouts/" + checkout.at("/prefixId")).at("/status")).isEqualTo("open");
		assertThat(orders()).isZero();
	}

	@Test
	void aNewPriceOpensANewSessionAndClosesTheOldOne() {
		String variant = variant(10000, "");
		this.live.post("/v1/discounts", "{\"code\":\"HALF\",\"percentOff\":50}");
		String first = nextSession(10000);
		Response checkout = this.live.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}");
		assertThat(checkout.at("/processorId")).isEqualTo(first);
		stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions/" + first + "/expire"))
			.willReturn(json("{\"id\":\"" + first + "\",\"object\":\"checkout.session\",\"status\":\"expired\"}")));
		String second = nextSession(5000);
		Response changed = this.http.patch("/v1/client/checkouts/" + checkout.at("/clientSecret"),
				"{\"discountCode\":\"HALF\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.at("/total")).isEqualTo("5000");
		assertThat(changed.at("/processorId")).isEqualTo(second);
		assertThat(changed.at("/clientSecret")).isEqualTo(second + "_secret_fake");
		stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions/" + first + "/expire")));
		// The hosted page's address does not change.
		assertThat(changed.at("/url")).isEqualTo(checkout.at("/url"));

		// A payment on the old session (made before it closed) is given back, not turned
		// into an order.
		String charge = "ch_" + UUID.randomUUID().toString().replace("-", "");
		paid(first, charge, 10000, checkout.at("/prefixId"));
		refunded(charge, 0);
		stripe.stubFor(post(urlEqualTo("/v1/refunds"))
			.willReturn(json("{\"id\":\"re_old\",\"object\":\"refund\",\"amount\":10000,\"charge\":\"" + charge
					+ "\",\"currency\":\"usd\",\"status\":\"succeeded\"}")));
		assertThat(webhook("checkout.session.completed", "{\"id\":\"" + first + "\"}").status()).isEqualTo(200);
		stripe.verify(postRequestedFor(urlEqualTo("/v1/refunds")).withRequestBody(containing("charge=" + charge)));
		assertThat(orders()).isZero();
		assertThat(events()).contains("payment.failed");
	}

	@Test
	void aPaymentForWhatSoldOutMeanwhileIsRefunded() {
		String variant = variant(2000, ",\"quantityAvailable\":1");
		String first = nextSession(2000);
		Response one = this.live.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}");
		String second = nextSession(2000);
		Response two = this.live.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}");
		paid(first, "ch_" + UUID.randomUUID().toString().replace("-", ""), 2000, one.at("/prefixId"));
		String late = "ch_" + UUID.randomUUID().toString().replace("-", "");
		paid(second, late, 2000, two.at("/prefixId"));
		stripe.stubFor(post(urlEqualTo("/v1/refunds"))
			.willReturn(json("{\"id\":\"re_sold_out\",\"object\":\"refund\",\"amount\":2000,\"charge\":\"" + late
					+ "\",\"currency\":\"usd\",\"status\":\"succeeded\"}")));
		assertThat(webhook("checkout.session.completed", "{\"id\":\"" + first + "\"}").status()).isEqualTo(200);
		refunded(late, 0);
		assertThat(webhook("checkout.session.completed", "{\"id\":\"" + second + "\"}").status()).isEqualTo(200);
		assertThat(orders()).isEqualTo(1);
		stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withRequestBody(containing("charge=" + late)));
		// Stripe sends the event again: the payment was given back already, once is
		// enough.
		refunded(late, 2000);
		assertThat(webhook("checkout.session.completed", "{\"id\":\"" + second + "\"}").status()).isEqualTo(200);
		stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withRequestBody(containing("charge=" + late)));
		assertThat(events().stream().filter("payment.failed"::equals).count()).isEqualTo(1);
		assertThat(this.live.get("/v1/checkouts/" + two.at("/prefixId")).at("/status")).isEqualTo("open");
		assertThat(events()).contains("payment.failed");
	}

	@Test
	void whenStripeFailsNoCheckoutIsWritten() {
		String variant = variant(700, "");
		stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Amount too small\"}}")));
		Response refused = this.live.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
		assertThat(refused.at("/error/type")).isEqualTo("processor_error");
		assertThat(refused.at("/error/message")).contains("Amount too small");
		assertThat(this.jdbc.sql("select count(*) from checkouts where account_id = :id")
			.param("id", this.seller.account().id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void freeLiveCheckoutsNeedNoStripeAndTestModeStaysOnTheSandbox() {
		String free = variant(0, ",\"billingType\":\"free\"");
		int before = stripe.getAllServeEvents().size();
		Response checkout = this.live.post("/v1/checkouts", "{\"priceVariantId\":\"" + free + "\"}");
		assertThat(checkout.json().path("processorId").isNull()).isTrue();
		Response done = this.http.post("/v1/client/checkouts/" + checkout.at("/clientSecret") + "/confirm",
				"{\"email\":\"free@example.com\"}");
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.at("/status")).isEqualTo("complete");

		Http test = this.http.as(this.seller.test());
		String product = test.post("/v1/products", "{\"name\":\"Test course\"}").at("/prefixId");
		String variant = test
			.post("/v1/price_variants",
					"{\"productId\":\"" + product + "\",\"name\":\"Standard\",\"amount\":1000,\"currency\":\"USD\"}")
			.at("/prefixId");
		test.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		Response sandbox = test.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}");
		assertThat(sandbox.json().path("processorId").isNull()).isTrue();
		Response paid = this.http.post("/v1/client/checkouts/" + sandbox.at("/clientSecret") + "/confirm",
				"{\"email\":\"t@example.com\",\"payment\":{\"card\":{\"number\":\"4242424242424242\","
						+ "\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}}");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		assertThat(stripe.getAllServeEvents()).hasSize(before);
	}

	@Test
	void eventsNotUsedAreAcknowledged() {
		assertThat(webhook("customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}").status()).isEqualTo(200);
	}

}
