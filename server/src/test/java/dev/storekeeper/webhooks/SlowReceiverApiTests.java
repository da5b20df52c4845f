package dev.storekeeper.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.storekeeper.outbox.Outbox;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receiver that answers a byte at a time is cut off at the attempt's deadline, and
 * never holds up another endpoint's deliveries.
 */
class SlowReceiverApiTests extends ApiTest {

	@Autowired
	Deliveries deliveries;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	Outbox events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate batches;

	@Autowired
	TransactionTemplate transactions;

	private Http endpoint(Seller seller, String url) {
		Http api = this.http.as(seller.test());
		Response created = api.post("/v1/webhook_endpoints",
				"{\"webhookEndpoint\":{\"url\":\"" + url + "\",\"enabledEvents\":[\"*\"]}}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return api;
	}

	private void record(Seller seller, String prefixId) {
		this.transactions.executeWithoutResult((status) -> this.events.record(seller.account().id(), false,
				"order.paid", Map.of("prefixId", prefixId)));
	}

	@Test
	void aSlowReceiverDoesNotDelayAnotherEndpointsDelivery() throws Exception {
		Seller slowSeller = this.sellers.create();
		Seller healthySeller = this.sellers.create();
		try (SlowReceiver slow = new SlowReceiver(0, true); Receiver healthy = new Receiver()) {
			Http slowApi = endpoint(slowSeller, slow.url());
			Http healthyApi = endpoint(healthySeller, healthy.url());

			// a deadline far longer than this test: only the receiver decides when the
			// slow
			// attempt ends
			Sender patient = new Sender(new Targets(true), Duration.ofMinutes(5));
			Deliveries deliverer = new Deliveries(new DeliveryRepository(this.jdbc, this.batches), this.events,
					this.endpoints, patient, this.transactions, Clock.systemUTC(), new SimpleMeterRegistry());
			record(slowSeller, "ord_slow");
			deliverer.fanOut();
			assertThat(deliverer.dispatchDue(Instant.now())).isEqualTo(1);
			assertThat(slow.connected.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

			// while the slow receiver holds its answer, the next round delivers the
			// healthy endpoint's event
			record(healthySeller, "ord_healthy");
			deliverer.fanOut();
			assertThat(deliverer.dispatchDue(Instant.now())).isEqualTo(1);
			assertThat(healthy.awaitDelivery()).isTrue();
			assertThat(healthy.received.get(0).body()).contains("ord_healthy");
			assertThat(slowApi.get("/v1/webhook_events").at("/items/0/attempts")).isEqualTo("0");
			slow.release();
			deliverer.destroy();
			patient.destroy();
			assertThat(slowApi.get("/v1/webhook_events").at("/items/0/status")).isEqualTo("succeeded");
			assertThat(healthyApi.get("/v1/webhook_events").at("/items/0/status")).isEqualTo("succeeded");
		}
	}

	@Test
	void anAttemptHasOneDeadlineForConnectingSendingAndTheWholeAnswer() throws Exception {
		Seller seller = this.sellers.create();
		// each byte comes well within a per-read timeout, the whole answer well after the
		// deadline
		try (SlowReceiver trickle = new SlowReceiver(100, false)) {
			Http api = endpoint(seller, trickle.url());
			Sender sender = new Sender(new Targets(true), Duration.ofMillis(300));
			Deliveries deliverer = new Deliveries(new DeliveryRepository(this.jdbc, this.batches), this.events,
					this.endpoints, sender, this.transactions, Clock.systemUTC(), new SimpleMeterRegistry());
			record(seller, "ord_trickle");
			deliverer.fanOut();
			assertThat(deliverer.deliverDue(Instant.now())).isEqualTo(1);
			deliverer.destroy();
			sender.destroy();

			Response history = api.get("/v1/webhook_events");
			assertThat(history.at("/items/0/status")).isEqualTo("pending");
			assertThat(history.at("/items/0/attempts")).isEqualTo("1");
			assertThat(history.at("/items/0/attemptsLog/0/statusCode")).isEmpty();
			assertThat(history.at("/items/0/attemptsLog/0/error")).startsWith("timeout");
		}
	}

	@Test
	void onlyTheFirstKibOfAnAnswerIsReadAndKept() throws Exception {
		Seller seller = this.sellers.create();
		try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50,
				java.net.InetAddress.getByName("127.0.0.1"))) {
			Thread.ofVirtual().start(() -> {
				try (java.net.Socket socket = server.accept()) {
					socket.getInputStream().read(new byte[8192]);
					java.io.OutputStream out = socket.getOutputStream();
					out.write("HTTP/1.1 200 OK\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
					byte[] block = "x".repeat(8192).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
					// an endless answer: only the sender hanging up ends it
					while (true) {
						out.write(block);
					}
				}
				catch (java.io.IOException ex) {
					// the sender hung up once it had what it keeps
				}
			});
			Http api = endpoint(seller, "http://127.0.0.1:" + server.getLocalPort() + "/endless");
			record(seller, "ord_endless");
			this.deliveries.fanOut();
			assertThat(this.deliveries.deliverDue(Instant.now())).isEqualTo(1);
			Response history = api.get("/v1/webhook_events");
			assertThat(history.at("/items/0/status")).isEqualTo("succeeded");
			assertThat(history.at("/items/0/attemptsLog/0/response")).hasSize(Sender.KEEP);
		}
	}

}
