package dev.storekeeper.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Billing;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscription and invoice events reach endpoints like every other event: once each, and
 * {@code subscription.cancelled} under either spelling.
 */
class BillingEventsApiTests extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Deliveries deliveries;

	Receiver receiver;

	Seller seller;

	Http api;

	Billing billing;

	@BeforeEach
	void setUp() throws Exception {
		this.receiver = new Receiver();
		this.seller = this.sellers.create();
		this.api = this.http.as(this.seller.test());
		this.billing = new Billing(this.api, this.http);
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
	}

	private void deliverAll() {
		for (int round = 0; round < 5; round++) {
			this.deliveries.fanOut();
			this.deliveries.deliverDue(Instant.now());
		}
	}

	private List<JsonNode> received() {
		List<JsonNode> payloads = new ArrayList<>();
		this.receiver.received.forEach((delivery) -> payloads.add(JSON.readTree(delivery.body())));
		return payloads;
	}

	@Test
	void aYearOfRenewalsSendsTwelveRenewedEventsEachOnce() {
		Response endpoint = this.api.post("/v1/webhook_endpoints", "{\"webhookEndpoint\":{\"url\":\""
				+ this.receiver.url() + "\",\"enabledEvents\":[\"subscription.created\",\"subscription.renewed\"]}}");
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		Response variant = this.billing.monthly("Club", 1200, "");
		String clock = this.billing.clock("2026-01-05T08:00:00Z");
		Response subscription = this.billing.subscribe(variant, clock, "hooks@example.com", Billing.CARD);
		assertThat(this.billing.advance(clock, "2027-01-05T08:00:00Z").status()).isEqualTo(200);
		deliverAll();
		deliverAll();

		List<JsonNode> payloads = received();
		assertThat(payloads.stream().filter((p) -> p.get("type").asString().equals("subscription.created"))).hasSize(1);
		List<JsonNode> renewed = payloads.stream()
			.filter((p) -> p.get("type").asString().equals("subscription.renewed"))
			.toList();
		assertThat(renewed).hasSize(12);
		assertThat(renewed.stream().map((p) -> p.get("id").asString()).distinct()).hasSize(12);
		assertThat(renewed.stream().map((p) -> p.at("/data/currentPeriodStart").asString()).distinct()).hasSize(12);
		// deliveries need not arrive in order: each period's renewal is there once
		assertThat(renewed).allMatch((p) -> p.at("/data/prefixId").asString().equals(subscription.at("/prefixId")));
		assertThat(renewed.stream().map((p) -> p.at("/data/currentPeriodEnd").asString()))
			.contains("2026-03-05T08:00:00Z", "2027-02-05T08:00:00Z");
		assertThat(payloads).hasSize(13);
	}

	@Test
	void bothSpellingsOfCancelledAreSubscribable() {
		for (String spelling : List.of("subscription.canceled", "subscription.cancelled")) {
			Response endpoint = this.api.post("/v1/webhook_endpoints", "{\"webhookEndpoint\":{\"url\":\""
					+ this.receiver.url() + "\",\"enabledEvents\":[\"" + spelling + "\"]}}");
			assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		}
		Response types = this.api.get("/v1/webhook_endpoints/events");
		assertThat(types.body()).contains("\"subscription.renewed\"", "\"invoice.payment_failed\"",
				"\"invoice.voided\"", "\"subscription.canceled\"", "\"subscription.cancelled\"");
		Response variant = this.billing.monthly("Club", 1200, "");
		Response subscription = this.billing.subscribe(variant, this.billing.clock("2026-01-05T08:00:00Z"),
				"spell@example.com", Billing.CARD);
		Response canceled = this.api.post("/v1/subscriptions/" + subscription.at("/prefixId") + "/cancel",
				"{\"immediately\":true}");
		assertThat(canceled.status()).isEqualTo(200);
		deliverAll();
		List<JsonNode> payloads = received();
		assertThat(payloads).hasSize(2);
		assertThat(payloads).allMatch((p) -> p.get("type").asString().equals("subscription.cancelled")
				&& p.at("/data/status").asString().equals("canceled"));
	}

}
