package dev.storekeeper.orders;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storekeeper.customers.Customers;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class RefundApiTests extends ApiTest {

	@Autowired
	OrderBook orders;

	@Autowired
	Customers customers;

	@Autowired
	Payments payments;

	@Autowired
	dev.storekeeper.catalog.Catalog catalog;

	@Autowired
	TransactionTemplate transactions;

	Http api;

	OrderFixtures fixtures;

	@BeforeEach
	void seller() {
		Seller seller = this.sellers.create();
		this.api = this.http.as(seller.test());
		this.fixtures = new OrderFixtures(this.api, seller, false, this.orders, this.customers, this.payments,
				this.catalog, this.transactions);
	}

	@Test
	void aPartialThenAFullRefundMoveTheOrderAndTheCountersBack() {
		Response variant = this.fixtures.variant("Course", 5000, ",\"quantityAvailable\":10");
		PlacedOrder placed = this.fixtures.buy(variant, "ada@example.com", 2, 0);
		assertThat(this.api.get("/v1/price_variants/" + variant.at("/prefixId")).at("/quantityAvailable"))
			.isEqualTo("8");
		String customer = this.api.get("/v1/orders/" + placed.prefixId() + "?expand=customer").at("/customer/prefixId");
		assertThat(this.api.get("/v1/customers/" + customer).at("/totalSpend")).isEqualTo("10000");

		Response partial = this.api.post("/v1/orders/" + placed.prefixId() + "/refund",
				"{\"amount\":3000,\"reason\":\"requested_by_customer\"}");
		assertThat(partial.status()).isEqualTo(200);
		assertThat(partial.at("/prefixId")).startsWith("re_");
		assertThat(partial.at("/amount")).isEqualTo("3000");
		assertThat(partial.at("/orderId")).isEqualTo(placed.prefixId());
		Response afterPartial = this.api.get("/v1/orders/" + placed.prefixId() + "?expand=access_tokens,charge");
		assertThat(afterPartial.at("/status")).isEqualTo("partially_refunded");
		assertThat(afterPartial.at("/amountRefunded")).isEqualTo("3000");
		assertThat(afterPartial.at("/charge/status")).isEqualTo("partially_refunded");
		assertThat(afterPartial.at("/accessTokens/0/revokedAt")).isEmpty();
		assertThat(this.api.get("/v1/customers/" + customer).at("/totalSpend")).isEqualTo("7000");

		Response tooMuch = this.api.post("/v1/refunds",
				"{\"refund\":{\"orderId\":\"" + placed.prefixId() + "\",\"amount\":7001}}");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.at("/error/message"))
			.isEqualTo("Amount must be less than or equal to 7000 (what is left to refund)");

		Response rest = this.api.post("/v1/refunds",
				"{\"refund\":{\"orderId\":" + placed.id() + ",\"notes\":\"bye\"}}");
		assertThat(rest.status()).isEqualTo(201);
		assertThat(rest.header("Location")).isEqualTo("/v1/refunds/" + rest.at("/prefixId"));
		assertThat(rest.at("/amount")).isEqualTo("7000");
		Response refunded = this.api.get("/v1/orders/" + placed.prefixId() + "?expand=access_tokens,refunds");
		assertThat(refunded.at("/status")).isEqualTo("refunded");
		assertThat(refunded.at("/accessTokens/0/revokedAt")).isNotEmpty();
		assertThat(refunded.json().get("refunds")).hasSize(2);
		assertThat(this.api.get("/v1/customers/" + customer).at("/totalSpend")).isEqualTo("0");
		assertThat(this.api.get("/v1/price_variants/" + variant.at("/prefixId")).at("/quantityAvailable"))
			.isEqualTo("10");

		Response again = this.api.post("/v1/orders/" + placed.prefixId() + "/refund", "{}");
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.at("/error/message")).contains("already fully refunded");

		assertThat(this.api.get("/v1/refunds?order_id=" + placed.prefixId()).at("/pagination/count")).isEqualTo("2");
		assertThat(this.api.get("/v1/refunds/" + rest.at("/prefixId")).at("/notes")).isEqualTo("bye");
		assertThat(this.api.get("/v1/refunds/re_nope").status()).isEqualTo(404);
	}

	@Test
	void badRefundsAreRefusedAndChangeNothing() {
		Response variant = this.fixtures.variant("Course", 5000, "");
		PlacedOrder placed = this.fixtures.buy(variant, "ada@example.com", 1, 0);
		Response negative = this.api.post("/v1/orders/" + placed.prefixId() + "/refund", "{\"amount\":-5}");
		assertThat(negative.status()).isEqualTo(422);
		assertThat(negative.json().at("/error/details/amount/0").asString()).isEqualTo("must be greater than 0");
		Response reason = this.api.post("/v1/orders/" + placed.prefixId() + "/refund", "{\"reason\":\"bored\"}");
		assertThat(reason.status()).isEqualTo(422);
		assertThat(reason.at("/error/message")).isEqualTo("Reason is not included in the list");
		Response text = this.api.post("/v1/orders/" + placed.prefixId() + "/refund", "{\"amount\":\"lots\"}");
		assertThat(text.status()).isEqualTo(422);
		Response missing = this.api.post("/v1/refunds", "{\"refund\":{\"amount\":5}}");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.at("/error/message")).isEqualTo("Order can't be blank");
		Response order = this.api.get("/v1/orders/" + placed.prefixId());
		assertThat(order.at("/status")).isEqualTo("succeeded");
		assertThat(order.at("/amountRefunded")).isEqualTo("0");
	}

	@Test
	void aFreeOrderHasNothingToRefund() {
		Response variant = this.fixtures.variant("Freebie", 0, ",\"billingType\":\"free\"");
		PlacedOrder placed = this.fixtures.buy(variant, "free@example.com", 1, 0);
		Response order = this.api.get("/v1/orders/" + placed.prefixId() + "?expand=charge,customer");
		assertThat(order.at("/isFree")).isEqualTo("true");
		assertThat(order.at("/isPaid")).isEqualTo("false");
		assertThat(order.json().get("charge").isNull()).isTrue();
		assertThat(order.at("/customer/customerType")).isEqualTo("free");
		Response refund = this.api.post("/v1/orders/" + placed.prefixId() + "/refund", "{}");
		assertThat(refund.status()).isEqualTo(422);
		assertThat(refund.at("/error/message")).contains("was free");
	}

}
