package dev.storekeeper.checkout;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sale publishes typed events: customers and the catalog keep their counters by them in
 * the sale's transaction, and the webhook events recorded afterwards show those counters.
 */
class SaleEventsApiTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aSaleRecordsItsWebhookEventsInOrderWithTheCountersItLeft() {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		String product = api.post("/v1/products", "{\"name\":\"Atlas\"}").at("/prefixId");
		Response variant = api.post("/v1/price_variants", "{\"productId\":\"" + product
				+ "\",\"name\":\"Standard\",\"amount\":2500,\"currency\":\"USD\",\"quantityAvailable\":4}");
		assertThat(api.patch("/v1/products/" + product, "{\"status\":\"active\"}").status()).isEqualTo(200);
		String secret = api.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant.at("/prefixId") + "\"}")
			.at("/clientSecret");
		Response done = this.http.post("/v1/client/checkouts/" + secret + "/confirm",
				"{\"email\":\"ada@example.com\"," + CheckoutApiTests.CARD + "}");
		assertThat(done.status()).as(done.toString()).isEqualTo(200);

		List<String> types = events(seller).stream().map(Map.Entry::getKey).toList();
		assertThat(types).containsSubsequence("checkout.created", "customer.created", "lead.created", "order.created",
				"order.paid", "checkout.completed");
		JsonNode customer = data(seller, "customer.created");
		assertThat(customer.get("ordersCount").asInt()).isEqualTo(0);
		JsonNode paid = data(seller, "order.paid");
		assertThat(paid).isEqualTo(data(seller, "order.created"));
		// the order as its GET shows it, though its row and lines are not read back for
		// it
		assertThat(paid).isEqualTo(api.get("/v1/orders/" + done.at("/order") + "?expand=line_items,customer").json());
		assertThat(paid.at("/customer/ordersCount").asInt()).isEqualTo(1);
		assertThat(paid.at("/customer/totalSpend").asLong()).isEqualTo(2500);
		assertThat(paid.at("/customer/customerType").asString()).isEqualTo("paid");
		assertThat(paid.at("/lineItems/0/priceVariant/quantityAvailable").asInt()).isEqualTo(3);
		JsonNode completed = data(seller, "checkout.completed");
		assertThat(completed.get("order").asString()).isEqualTo(done.at("/order"));
		assertThat(completed.at("/checkoutItems/0/priceVariant/quantityAvailable").asInt()).isEqualTo(3);

		Response refund = api.post("/v1/refunds", "{\"refund\":{\"orderId\":\"" + done.at("/order") + "\"}}");
		assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
		JsonNode refunded = data(seller, "order.refunded");
		assertThat(refunded.at("/customer/totalSpend").asLong()).isEqualTo(0);
		assertThat(refunded.at("/refunds/0/amount").asLong()).isEqualTo(2500);
		assertThat(refunded.at("/lineItems/0/priceVariant/quantityAvailable").asInt()).isEqualTo(4);
		assertThat(api.get("/v1/price_variants/" + variant.at("/prefixId")).at("/quantityAvailable")).isEqualTo("4");
	}

	private List<Map.Entry<String, String>> events(Seller seller) {
		return this.jdbc.sql("select type, data from events where account_id = :id order by id")
			.param("id", seller.account().id())
			.query((rs, n) -> Map.entry(rs.getString("type"), rs.getString("data")))
			.list();
	}

	private JsonNode data(Seller seller, String type) {
		return this.json.readTree(events(seller).stream()
			.filter((event) -> event.getKey().equals(type))
			.reduce((first, last) -> last)
			.orElseThrow()
			.getValue());
	}

}
