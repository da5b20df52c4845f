package dev.storekeeper.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.outbox.Outbox;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Metrics;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookApiTests extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Deliveries deliveries;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	Sender sender;

	@Autowired
	Outbox events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate batches;

	@Autowired
	TransactionTemplate transactions;

	private static final String ATTEMPTS = "storekeeper_webhooks_attempts_total";

	Receiver receiver;

	Seller seller;

	Http api;

	@BeforeEach
	void setUp() throws Exception {
		this.receiver = new Receiver();
		this.seller = this.sellers.create();
		this.api = this.http.as(this.seller.test());
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
	}

	private Response endpoint(Http api, String events) {
		Response created = api.post("/v1/webhook_endpoints",
				"{\"webhookEndpoint\":{\"url\":\"" + this.receiver.url() + "\",\"enabledEvents\":" + events + "}}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	private void record(boolean livemode, String type, Object data) {
		this.transactions
			.executeWithoutResult((status) -> this.events.record(this.seller.account().id(), livemode, type, data));
	}

	@Test
	void aPaidOrderReachesItsEndpointOnceWithBothSignaturesValid() throws Exception {
		Response endpoint = endpoint(this.api, "[\"order.paid\"]");
		String secret = endpoint.at("/secret");
		assertThat(secret).startsWith("whsec_");
		assertThat(this.api.get("/v1/webhook_endpoints/" + endpoint.at("/prefixId")).json().get("secret").isNull())
			.isTrue();
		Receiver live = new Receiver();
		Response liveEndpoint = this.http.as(this.seller.live())
			.post("/v1/webhook_endpoints", "{\"url\":\"https://example.com/hooks\",\"enabledEvents\":[\"*\"]}");
		assertThat(liveEndpoint.status()).isEqualTo(201);

		String product = this.api.post("/v1/products", "{\"name\":\"Course\"}").at("/prefixId");
		String variant = this.api
			.post("/v1/price_variants",
					"{\"productId\":\"" + product + "\",\"name\":\"Std\",\"amount\":2500,\"currency\":\"USD\"}")
			.at("/prefixId");
		this.api.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		double completed = Metrics.value(this.http, "storekeeper_checkouts_completed_total", "");
		double succeeded = Metrics.value(this.http, ATTEMPTS, "outcome=\"succeeded\"");
		String secretKey = this.api.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}")
			.at("/clientSecret");
		Response paid = this.http.post("/v1/client/checkouts/" + secretKey + "/confirm",
				"{\"email\":\"hook@example.com\",\"payment\":{\"card\":{\"number\":\"4242424242424242\",\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}}");
		assertThat(paid.status()).isEqualTo(200);

		this.deliveries.fanOut();
		this.deliveries.deliverDue(Instant.now());
		this.deliveries.fanOut();
		this.deliveries.deliverDue(Instant.now());
		assertThat(this.receiver.received).hasSize(1);
		assertThat(Metrics.value(this.http, "storekeeper_checkouts_completed_total", "")).isEqualTo(completed + 1);
		// at least: deliveries other tests left pending go out too
		assertThat(Metrics.value(this.http, ATTEMPTS, "outcome=\"succeeded\"")).isGreaterThanOrEqualTo(succeeded + 1);
		Receiver.Received delivery = this.receiver.received.get(0);
		JsonNode payload = JSON.readTree(delivery.body());
		assertThat(payload.get("type").asString()).isEqualTo("order.paid");
		assertThat(payload.get("api_version").asString()).isEqualTo("v1");
		assertThat(payload.get("id").asString()).isEqualTo(delivery.header("webhook-id")).startsWith("whev_");
		assertThat(payload.at("/data/prefixId").asString()).isEqualTo(paid.at("/order"));
		assertThat(payload.at("/data/lineItems/0/quantity").asInt()).isEqualTo(1);
		assertThat(payload.at("/data/customer/email").asString()).isEqualTo("hook@example.com");

		new Webhook(secret).verify(delivery.body(), delivery.headers());
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		assertThat(delivery.header("X-Crevio-Hmac-SHA256")).isEqualTo(
				Base64.getEncoder().encodeToString(mac.doFinal(delivery.body().getBytes(StandardCharsets.UTF_8))));
		assertThat(live.received).isEmpty();
		live.close();

		Response history = this.api.get("/v1/webhook_events?type=order.paid&status=succeeded");
		assertThat(history.at("/pagination/count")).isEqualTo("1");
		assertThat(history.at("/items/0/attemptsLog/0/statusCode")).isEqualTo("200");
	}

	@Test
	void aFailingReceiverGetsTheRetryScheduleThenAManualRetryDelivers() {
		endpoint(this.api, "[\"*\"]");
		this.receiver.status.set(500);
		double retrying = Metrics.value(this.http, ATTEMPTS, "outcome=\"retrying\"");
		double failedBefore = Metrics.value(this.http, ATTEMPTS, "outcome=\"failed\"");
		record(false, "order.paid", Map.of("prefixId", "ord_retry"));
		this.deliveries.fanOut();
		Instant start = Instant.now();
		assertThat(this.deliveries.deliverDue(start)).isEqualTo(1);
		Instant at = start;
		List<Duration> waits = Deliveries.RETRIES;
		for (int i = 0; i < waits.size(); i++) {
			assertThat(this.deliveries.deliverDue(at.plus(waits.get(i)).minusSeconds(2))).as("too early").isZero();
			at = at.plus(waits.get(i));
			assertThat(this.deliveries.deliverDue(at)).as("retry " + (i + 1)).isEqualTo(1);
		}
		assertThat(this.deliveries.deliverDue(at.plus(Duration.ofDays(1)))).isZero();
		assertThat(this.receiver.received).hasSize(5);
		assertThat(Metrics.value(this.http, ATTEMPTS, "outcome=\"retrying\"")).isEqualTo(retrying + 4);
		assertThat(Metrics.value(this.http, ATTEMPTS, "outcome=\"failed\"")).isEqualTo(failedBefore + 1);
		assertThat(this.receiver.received.stream().map((r) -> r.header("webhook-id")).distinct()).hasSize(1);

		Response failed = this.api.get("/v1/webhook_events?status=failed");
		assertThat(failed.at("/pagination/count")).isEqualTo("1");
		String id = failed.at("/items/0/prefixId");
		assertThat(id).startsWith("whdl_");
		assertThat(failed.json().at("/items/0/id").isIntegralNumber()).isTrue();
		String eventId = failed.at("/items/0/eventId");
		assertThat(eventId).startsWith("whev_");
		assertThat(this.api.get("/v1/webhook_events?event_id=" + eventId).at("/items/0/prefixId")).isEqualTo(id);
		assertThat(this.api.get("/v1/webhook_events?event_id=whev_none").at("/pagination/count")).isEqualTo("0");
		Response byInteger = this.api.get("/v1/webhook_events/" + failed.at("/items/0/id"));
		assertThat(byInteger.at("/prefixId")).isEqualTo(id);
		Response detail = this.api.get("/v1/webhook_events/" + id);
		assertThat(detail.json().get("attemptsLog")).hasSize(5);
		assertThat(detail.at("/attemptsLog/0/statusCode")).isEqualTo("500");
		assertThat(detail.at("/attemptsLog/0/response")).isEqualTo("answer 500");

		this.receiver.status.set(204);
		Response retried = this.api.post("/v1/webhook_events/" + failed.at("/items/0/id") + "/retry", null);
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.at("/status")).isEqualTo("succeeded");
		assertThat(retried.json().get("attemptsLog")).hasSize(6);
	}

	@Test
	void a410DisablesTheEndpoint() {
		Response endpoint = endpoint(this.api, "[\"*\"]");
		this.receiver.status.set(410);
		record(false, "customer.created", Map.of("prefixId", "cus_x"));
		this.deliveries.fanOut();
		this.deliveries.deliverDue(Instant.now());
		assertThat(this.api.get("/v1/webhook_endpoints/" + endpoint.at("/prefixId")).at("/status"))
			.isEqualTo("disabled");
		assertThat(this.api.get("/v1/webhook_events?status=failed").at("/pagination/count")).isEqualTo("1");
	}

	@Test
	void anEventRecordedBeforeACrashIsDeliveredByAFreshDeliverer() {
		endpoint(this.api, "[\"*\"]");
		record(false, "order.paid", Map.of("prefixId", "ord_crash"));
		Deliveries fresh = new Deliveries(new DeliveryRepository(this.jdbc, this.batches), this.events, this.endpoints,
				this.sender, this.transactions, Clock.systemUTC(), new SimpleMeterRegistry());
		fresh.fanOut();
		fresh.deliverDue(Instant.now());
		fresh.destroy();
		assertThat(this.receiver.received).hasSize(1);
		assertThat(this.receiver.received.get(0).body()).contains("ord_crash");
	}

	@Test
	void twoDeliverersNeverSendTheSameAttemptTwice() throws Exception {
		endpoint(this.api, "[\"*\"]");
		for (int i = 0; i < 40; i++) {
			record(false, "order.paid", Map.of("prefixId", "ord_" + i));
		}
		Deliveries a = new Deliveries(new DeliveryRepository(this.jdbc, this.batches), this.events, this.endpoints,
				this.sender, this.transactions, Clock.systemUTC(), new SimpleMeterRegistry());
		Deliveries b = new Deliveries(new DeliveryRepository(this.jdbc, this.batches), this.events, this.endpoints,
				this.sender, this.transactions, Clock.systemUTC(), new SimpleMeterRegistry());
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Deliveries deliverer : List.of(a, b)) {
				pool.submit(() -> {
					start.await();
					for (int round = 0; round < 5; round++) {
						deliverer.fanOut();
						deliverer.deliverDue(Instant.now());
					}
					return null;
				});
			}
			start.countDown();
		}
		a.destroy();
		b.destroy();
		Map<String, Integer> perEvent = new HashMap<>();
		this.receiver.received.forEach((r) -> perEvent.merge(r.header("webhook-id"), 1, Integer::sum));
		assertThat(perEvent).hasSize(40);
		assertThat(perEvent.values()).allMatch((count) -> count == 1);
	}

	@Test
	void endpointsFollowTheirRules() {
		Response bad = this.api.post("/v1/webhook_endpoints", "{\"url\":\"ftp://x\",\"enabledEvents\":[\"nope\"]}");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.at("/error/message"))
			.isEqualTo("Url must be an http or https URL, Enabled events contains an unknown event type: nope");
		Response live = this.http.as(this.seller.live())
			.post("/v1/webhook_endpoints", "{\"url\":\"http://example.com/hooks\"}");
		assertThat(live.at("/error/message")).isEqualTo("Url must use HTTPS for a live-mode endpoint");
		Response endpoint = endpoint(this.api, "[\"*\"]");
		String id = endpoint.at("/prefixId");
		Response rotated = this.api.post("/v1/webhook_endpoints/" + id + "/rotate_secret", null);
		assertThat(rotated.at("/secret")).startsWith("whsec_").isNotEqualTo(endpoint.at("/secret"));
		Response disabled = this.api.patch("/v1/webhook_endpoints/" + id, "{\"status\":\"disabled\"}");
		assertThat(disabled.at("/status")).isEqualTo("disabled");
		assertThat(this.api.get("/v1/webhook_endpoints/events").json().get("items").toString()).contains("order.paid");
		assertThat(this.http.as(this.seller.token(false, Access.WRITE)).get("/v1/webhook_endpoints").status())
			.isEqualTo(403);
		assertThat(this.http.as(this.seller.live()).get("/v1/webhook_endpoints/" + id).status()).isEqualTo(404);
		assertThat(this.http.as(this.sellers.create().test()).delete("/v1/webhook_endpoints/" + id).status())
			.isEqualTo(404);
		this.api.patch("/v1/webhook_endpoints/" + id, "{\"status\":\"active\"}");
		Response test = this.api.post("/v1/webhook_endpoints/" + id + "/test?event_type=order.refunded", null);
		assertThat(test.at("/delivered")).isEqualTo("true");
		assertThat(test.at("/statusCode")).isEqualTo("200");
		assertThat(this.receiver.received.get(0).body()).contains("\"test\":true").contains("order.refunded");
		assertThat(this.api.post("/v1/webhook_endpoints/" + id + "/test?event_type=bogus", null).status())
			.isEqualTo(400);
		assertThat(this.api.delete("/v1/webhook_endpoints/" + id).status()).isEqualTo(200);
	}

}
