package dev.storekeeper.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks to a Sellvy-dialect endpoint: the seed's payload, {@code X-Sellvy-Signature}
 * checked by the seed's own {@code verify_webhook} (Python) and {@code verifyWebhook}
 * (Node), copied as written, and the seed's retry schedule with logs and manual retry.
 */
class SellvyWebhookApiTests extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CARD = "\"payment\":{\"card\":{\"number\":\"4242424242424242\",\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}";

	@Autowired
	Deliveries deliveries;

	Receiver receiver;

	Receiver crevio;

	Seller seller;

	Http api;

	@BeforeEach
	void setUp() throws Exception {
		this.receiver = new Receiver();
		this.crevio = new Receiver();
		this.seller = this.sellers.create();
		this.api = this.http.as(this.seller.test());
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
		this.crevio.close();
	}

	private Response endpoint(Receiver receiver, String dialect, String events) {
		Response created = this.api.post("/v1/webhook_endpoints", "{\"webhookEndpoint\":{\"url\":\"" + receiver.url()
				+ "\",\"enabledEvents\":" + events + ",\"dialect\":\"" + dialect + "\"}}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	@Test
	void aPaidOrderReachesASellvyEndpointInTheSeedsShapeAndPassesTheSeedsVerification() throws Exception {
		Response sellvy = endpoint(this.receiver, "sellvy", "[\"order.completed\",\"customer.created\"]");
		assertThat(sellvy.at("/dialect")).isEqualTo("sellvy");
		String secret = sellvy.at("/secret");
		endpoint(this.crevio, "crevio", "[\"*\"]");
		Response product = this.http.as(this.seller.test())
			.post("/sellvy/v1/products",
					"{\"title\": \"Premium Icon Pack\", \"type\": \"digital_download\", \"price\": 29.99}");
		String variant = product.json().at("/data/variants/0/id").asString();
		String checkout = this.api.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}")
			.at("/clientSecret");
		Response paid = this.http.post("/v1/client/checkouts/" + checkout + "/confirm",
				"{\"email\":\"buyer@example.com\"," + CARD + "}");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);

		this.deliveries.fanOut();
		this.deliveries.deliverDue(Instant.now());

		assertThat(this.receiver.received).hasSize(2);
		Receiver.Received completed = this.receiver.received.stream()
			.filter((r) -> r.body().contains("\"type\":\"order.completed\""))
			.findFirst()
			.orElseThrow();
		JsonNode payload = JSON.readTree(completed.body());
		assertThat(JSON.writeValueAsString(payload.properties().stream().map(java.util.Map.Entry::getKey).toList()))
			.isEqualTo("[\"id\",\"type\",\"created_at\",\"data\"]");
		String webhookId = completed.header("webhook-id");
		assertThat(payload.get("id").asString()).isEqualTo("evt_" + webhookId.substring("whev_".length()));
		assertThat(payload.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		JsonNode data = payload.get("data");
		assertThat(data.get("id").asString()).isEqualTo(paid.at("/order"));
		assertThat(data.get("order_number").asString()).matches("ORD-\\d+");
		assertThat(data.get("customer_email").asString()).isEqualTo("buyer@example.com");
		assertThat(completed.body()).contains("\"total\":29.99,\"currency\":\"USD\"");
		assertThat(data.get("payment_method").asString()).isEqualTo("sandbox");
		assertThat(data.get("product").get("id").asString()).isEqualTo(product.json().at("/data/id").asString());
		assertThat(data.get("product").get("title").asString()).isEqualTo("Premium Icon Pack");
		String signature = completed.header("X-Sellvy-Signature");
		assertThat(signature).matches("[0-9a-f]{64}");

		for (Receiver.Received delivery : this.receiver.received) {
			assertThat(verify("python3", delivery.body(), delivery.header("X-Sellvy-Signature"), secret))
				.isEqualTo("True");
			assertThat(verify("node", delivery.body(), delivery.header("X-Sellvy-Signature"), secret))
				.isEqualTo("true");
		}
		assertThat(verify("python3", completed.body(), signature, secret.replace("whsec_", "whsec_x")))
			.isEqualTo("False");
		assertThat(verify("python3", completed.body().replace("29.99", "2.99"), signature, secret)).isEqualTo("False");
		Receiver.Received customer = this.receiver.received.stream()
			.filter((r) -> r.body().contains("\"type\":\"customer.created\""))
			.findFirst()
			.orElseThrow();
		assertThat(customer.body()).contains("\"email\":\"buyer@example.com\"", "\"total_orders\":1");

		assertThat(this.crevio.received).isNotEmpty()
			.allSatisfy((r) -> assertThat(r.body()).doesNotContain("sellvy:").contains("\"api_version\":\"v1\""))
			.allSatisfy((r) -> assertThat(r.header("X-Sellvy-Signature")).isNull());
		assertThat(this.crevio.received.stream().map((r) -> JSON.readTree(r.body()).get("type").asString()))
			.contains("order.paid", "checkout.completed");
	}

	@Test
	void failuresFollowTheSeedsScheduleShowInTheLogsAndRetryByTheirEventId() throws Exception {
		Response sellvy = endpoint(this.receiver, "sellvy", "[\"*\"]");
		this.receiver.status.set(500);
		Response product = this.http.as(this.seller.test())
			.post("/sellvy/v1/products", "{\"title\": \"Fonts\", \"type\": \"other\", \"price\": 5}");
		assertThat(product.status()).isEqualTo(201);
		this.deliveries.fanOut();
		Instant start = Instant.now();
		int first = this.deliveries.deliverDue(start);
		assertThat(first).isPositive();
		int events = this.receiver.received.size();
		Instant at = start;
		for (Duration wait : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofHours(2))) {
			assertThat(this.deliveries.deliverDue(at.plus(wait).minusSeconds(2))).as("too early").isZero();
			at = at.plus(wait);
			assertThat(this.deliveries.deliverDue(at)).as("after " + wait).isEqualTo(first);
		}
		assertThat(this.deliveries.deliverDue(at.plus(Duration.ofDays(1)))).isZero();
		assertThat(this.receiver.received).hasSize(events * 5);
		Receiver.Received one = this.receiver.received.get(0);
		String sameEvent = one.header("webhook-id");
		assertThat(this.receiver.received.stream().filter((r) -> r.header("webhook-id").equals(sameEvent))).hasSize(5)
			.allSatisfy((r) -> assertThat(r.body()).isEqualTo(one.body()));

		Response failed = this.api
			.get("/v1/webhook_events?status=failed&endpoint_id=" + sellvy.at("/prefixId") + "&event_id=" + sameEvent);
		assertThat(failed.at("/pagination/count")).isEqualTo("1");
		assertThat(failed.at("/items/0/attempts")).isEqualTo("5");
		assertThat(failed.at("/items/0/type")).startsWith("sellvy:product.");
		assertThat(failed.json().at("/items/0/attemptsLog")).hasSize(5);

		this.receiver.status.set(200);
		String evt = JSON.readTree(one.body()).get("id").asString();
		Response retried = this.api.post("/v1/webhook_events/" + evt + "/retry", null);
		assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
		assertThat(retried.at("/status")).isEqualTo("succeeded");
		assertThat(retried.at("/eventId")).isEqualTo(sameEvent);
		assertThat(retried.json().get("attemptsLog")).hasSize(6);
		assertThat(this.receiver.received.get(this.receiver.received.size() - 1).body()).isEqualTo(one.body());
	}

	@Test
	void aSubscriptionReachesASellvyEndpointAsCreatedOnceThenRenewedEachPeriodThenCancelled() throws Exception {
		Response sellvy = endpoint(this.receiver, "sellvy",
				"[\"subscription.created\",\"subscription.renewed\",\"subscription.cancelled\"]");
		String secret = sellvy.at("/secret");
		String product = this.api.post("/v1/products", "{\"name\":\"Club\"}").at("/prefixId");
		String variant = this.api
			.post("/v1/price_variants",
					"{\"productId\":\"" + product + "\",\"name\":\"Monthly\",\"amount\":1500,"
							+ "\"currency\":\"USD\",\"billingType\":\"recurring\",\"recurringInterval\":\"month\"}")
			.at("/prefixId");
		this.api.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		String clock = this.api
			.post("/v1/test_helpers/test_clocks", "{\"testClock\":{\"frozenTime\":\"2026-01-31T10:00:00Z\"}}")
			.at("/prefixId");
		String checkout = this.api
			.post("/v1/checkouts",
					"{\"checkout\":{\"testClock\":\"" + clock + "\",\"checkoutItemsAttributes\":[{\"priceVariantId\":\""
							+ variant + "\"}]}}")
			.at("/clientSecret");
		assertThat(this.http
			.post("/v1/client/checkouts/" + checkout + "/confirm", "{\"email\":\"member@example.com\"," + CARD + "}")
			.status()).isEqualTo(200);
		assertThat(this.api
			.post("/v1/test_helpers/test_clocks/" + clock + "/advance", "{\"frozenTime\":\"2026-04-01T10:00:00Z\"}")
			.status()).isEqualTo(200);
		String subscription = this.api.get("/v1/subscriptions?price_variant_id=" + variant).at("/items/0/prefixId");
		this.api.post("/v1/subscriptions/" + subscription + "/cancel", "{\"subscription\":{\"immediately\":true}}");

		this.deliveries.fanOut();
		this.deliveries.deliverDue(Instant.now());

		List<String> types = this.receiver.received.stream()
			.map((r) -> JSON.readTree(r.body()).get("type").asString())
			.toList();
		// two renewals (Feb 28, Mar 31): no second "created" for a renewal's order
		assertThat(types).containsExactlyInAnyOrder("subscription.created", "subscription.renewed",
				"subscription.renewed", "subscription.cancelled");
		for (Receiver.Received delivery : this.receiver.received) {
			JsonNode data = JSON.readTree(delivery.body()).get("data");
			assertThat(data.get("id").asString()).isEqualTo(subscription);
			assertThat(data.get("product_id").asString()).isEqualTo(product);
			assertThat(delivery.body()).contains("\"amount\":15.00", "\"currency\":\"USD\"", "\"interval\":\"month\"");
			assertThat(verify("python3", delivery.body(), delivery.header("X-Sellvy-Signature"), secret))
				.isEqualTo("True");
		}
	}

	@Test
	void aSellvyEndpointTakesTheSeedsEventNamesOnly() {
		Response crevioOnly = this.api.post("/v1/webhook_endpoints", "{\"url\":\"" + this.receiver.url()
				+ "\",\"enabledEvents\":[\"checkout.created\"],\"dialect\":\"sellvy\"}");
		assertThat(crevioOnly.status()).isEqualTo(422);
		assertThat(crevioOnly.at("/error/details/enabledEvents/0")).contains("checkout.created");
		Response unknown = this.api.post("/v1/webhook_endpoints",
				"{\"url\":\"" + this.receiver.url() + "\",\"dialect\":\"shopify\"}");
		assertThat(unknown.status()).isEqualTo(422);
		Response ok = this.api.post("/v1/webhook_endpoints", "{\"url\":\"" + this.receiver.url()
				+ "\",\"enabledEvents\":[\"order.completed\",\"subscription.renewed\"],\"dialect\":\"sellvy\"}");
		assertThat(ok.status()).isEqualTo(201);
		assertThat(this.api.get("/v1/webhook_endpoints/" + ok.at("/prefixId")).at("/dialect")).isEqualTo("sellvy");
		Response plain = this.api.post("/v1/webhook_endpoints", "{\"url\":\"" + this.receiver.url() + "\"}");
		assertThat(plain.at("/dialect")).isEqualTo("crevio");
	}

	/**
	 * Runs the seed's verification function, as written, on a delivery: what it printed
	 * ({@code True}/{@code False} or {@code true}/{@code false}).
	 */
	private static String verify(String interpreter, String body, String signature, String secret) throws Exception {
		Path payload = Files.createTempFile("sellvy-payload", ".json");
		boolean python = interpreter.equals("python3");
		Path script = Files.createTempFile("sellvy-verify", python ? ".py" : ".mjs");
		try {
			Files.write(payload, body.getBytes(StandardCharsets.UTF_8));
			String seed = resource(python ? "sellvy/verify_webhook.py" : "sellvy/verify_webhook.mjs");
			String call = python
					? "\nimport sys\nprint(verify_webhook(open(sys.argv[1], 'rb').read(), sys.argv[2], sys.argv[3]))\n"
					: "\nimport fs from 'fs';\nconsole.log(verifyWebhook(fs.readFileSync(process.argv[2]), process.argv[3], process.argv[4]));\n";
			Files.writeString(script, seed + call);
			Process process;
			try {
				process = new ProcessBuilder(interpreter, script.toString(), payload.toString(), signature, secret)
					.redirectErrorStream(true)
					.start();
			}
			catch (IOException ex) {
				throw new AssertionError("The seed's verification code needs " + interpreter + " on the PATH", ex);
			}
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		}
		finally {
			Files.deleteIfExists(payload);
			Files.deleteIfExists(script);
		}
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = SellvyWebhookApiTests.class.getClassLoader().getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
