package dev.storekeeper.orders;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.storekeeper.customers.Customers;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.platform.web.Access;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import dev.storekeeper.support.SqlStatements.Counted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class OrderApiTests extends ApiTest {

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

	Seller seller;

	Http api;

	OrderFixtures fixtures;

	@BeforeEach
	void seller() {
		this.seller = this.sellers.create();
		this.api = this.http.as(this.seller.test());
		this.fixtures = new OrderFixtures(this.api, this.seller, false, this.orders, this.customers, this.payments,
				this.catalog, this.transactions);
	}

	@Test
	void anOrderShowsItsAmountsAndExpansions() {
		Response variant = this.fixtures.variant("Course", 4900, "");
		PlacedOrder placed = this.fixtures.buy(variant, "ada@example.com", 2, 800);

		Response plain = this.api.get("/v1/orders/" + placed.prefixId());
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.at("/status")).isEqualTo("succeeded");
		assertThat(plain.at("/amount")).isEqualTo("9000");
		assertThat(plain.at("/subtotal")).isEqualTo("9800");
		assertThat(plain.at("/discountAmount")).isEqualTo("800");
		assertThat(plain.at("/isPaid")).isEqualTo("true");
		assertThat(plain.at("/isFree")).isEqualTo("false");
		assertThat(plain.json().has("lineItems")).isFalse();
		assertThat(plain.json().has("customer")).isFalse();
		assertThat(plain.json().has("charge")).isFalse();

		Response expanded = this.api.get("/v1/orders/" + placed.prefixId()
				+ "?expand=line_items,customer,discount,access_tokens,seller_account,charge,refunds");
		assertThat(expanded.status()).isEqualTo(200);
		assertThat(expanded.at("/lineItems/0/quantity")).isEqualTo("2");
		assertThat(expanded.at("/lineItems/0/priceVariant/prefixId")).isEqualTo(variant.at("/prefixId"));
		assertThat(expanded.at("/lineItems/0/product/name")).isEqualTo("Course");
		assertThat(expanded.at("/customer/email")).isEqualTo("ada@example.com");
		assertThat(expanded.at("/customer/customerType")).isEqualTo("paid");
		// no discount: omitted, as the reference allows no null there
		assertThat(expanded.json().has("discount")).isFalse();
		assertThat(expanded.at("/charge/amount")).isEqualTo("9000");
		assertThat(expanded.at("/charge/id")).startsWith("ch_");
		assertThat(expanded.at("/sellerAccount/prefixId")).isEqualTo(this.seller.account().prefixId());
		assertThat(expanded.json().get("accessTokens")).hasSize(1);
		assertThat(expanded.json().get("refunds")).isEmpty();
		assertThat(this.api.get("/v1/orders/" + placed.prefixId() + "?expand=everything").status()).isEqualTo(400);
	}

	@Test
	void seatVariantsGetOneAccessTokenPerSeat() {
		Response variant = this.fixtures.variant("Team", 10000, ",\"seatQuantity\":3");
		PlacedOrder placed = this.fixtures.buy(variant, "team@example.com", 1, 0);
		Response order = this.api.get("/v1/orders/" + placed.prefixId() + "?expand=access_tokens");
		assertThat(order.at("/isSeatOrder")).isEqualTo("true");
		assertThat(order.json().get("accessTokens")).hasSize(3);
	}

	@Test
	void listsFilterAndPaginate() {
		Response course = this.fixtures.variant("Course", 1000, "");
		Response ebook = this.fixtures.variant("Ebook", 500, "");
		PlacedOrder first = this.fixtures.buy(course, "a@example.com", 1, 0);
		PlacedOrder second = this.fixtures.buy(ebook, "b@example.com", 1, 0);
		PlacedOrder third = this.fixtures.buy(course, "b@example.com", 1, 0);

		Response all = this.api.get("/v1/orders");
		assertThat(prefixIds(all)).containsExactly(third.prefixId(), second.prefixId(), first.prefixId());
		assertThat(all.at("/pagination/count")).isEqualTo("3");

		String customer = this.api.get("/v1/orders/" + second.prefixId() + "?expand=customer").at("/customer/prefixId");
		assertThat(prefixIds(this.api.get("/v1/orders?customer_id=" + customer))).containsExactly(third.prefixId(),
				second.prefixId());
		assertThat(prefixIds(this.api.get("/v1/orders?product_id=" + course.at("/productId"))))
			.containsExactly(third.prefixId(), first.prefixId());
		assertThat(prefixIds(this.api.get("/v1/orders?status=refunded"))).isEmpty();
		assertThat(prefixIds(this.api.get("/v1/orders?created_from=2000-01-01T00:00:00Z&created_to=2999-01-01")))
			.hasSize(3);
		assertThat(prefixIds(this.api.get("/v1/orders?created_from=2999-01-01"))).isEmpty();
		assertThat(this.api.get("/v1/orders?status=lost").status()).isEqualTo(400);
		assertThat(this.api.get("/v1/orders?created_from=yesterday").status()).isEqualTo(400);
		assertThat(this.api.get("/v1/orders?customer_id=cus_nope").status()).isEqualTo(404);
	}

	@Test
	void aPageOfOrdersFarApartInTheTableHasEveryLineAccessTokenAndRefund() {
		Response course = this.fixtures.variant("Course", 1000, "");
		Response ebook = this.fixtures.variant("Ebook", 500, "");
		PlacedOrder first = this.fixtures.buy(course, "far@example.com", 2, 0);
		for (int i = 0; i < 3; i++) {
			this.fixtures.buy(ebook, "between" + i + "@example.com", 1, 0);
		}
		PlacedOrder last = this.fixtures.buy(course, "far@example.com", 1, 0);
		assertThat(this.api.post("/v1/orders/" + first.prefixId() + "/refund", "{\"amount\":300}").status())
			.isEqualTo(200);
		assertThat(this.api.post("/v1/orders/" + last.prefixId() + "/refund", "{\"amount\":400}").status())
			.isEqualTo(200);

		// the page holds the first and the last order, with the others' ids between them
		Response page = this.api
			.get("/v1/orders?product_id=" + course.at("/productId") + "&expand=line_items,access_tokens,refunds");
		assertThat(prefixIds(page)).containsExactly(last.prefixId(), first.prefixId());
		assertThat(page.at("/items/0/lineItems/0/quantity")).isEqualTo("1");
		assertThat(page.at("/items/1/lineItems/0/quantity")).isEqualTo("2");
		assertThat(page.json().at("/items/0/lineItems")).hasSize(1);
		assertThat(page.json().at("/items/1/lineItems")).hasSize(1);
		assertThat(page.json().at("/items/0/accessTokens")).hasSize(1);
		assertThat(page.json().at("/items/1/accessTokens")).hasSize(1);
		assertThat(page.at("/items/0/refunds/0/amount")).isEqualTo("400");
		assertThat(page.at("/items/1/refunds/0/amount")).isEqualTo("300");
	}

	@Test
	void theSeedsOrderQueryReturnsTheReferenceShapes() {
		Response course = this.fixtures.variant("Course", 1000, "");
		PlacedOrder placed = this.fixtures.buy(course, "seed@example.com", 1, 0);
		String customer = this.api.get("/v1/orders/" + placed.prefixId() + "?expand=customer").at("/customer/prefixId");
		Response page = this.api
			.get("/v1/orders?status=succeeded&customer_id=" + customer + "&expand=line_items,customer,discount");
		assertThat(page.status()).isEqualTo(200);
		JsonNode order = page.json().at("/items/0");
		assertThat(order.get("prefixId").asString()).isEqualTo(placed.prefixId());
		assertThat(order.has("lineItems")).isTrue();
		assertThat(order.has("customer")).isTrue();
		assertThat(order.has("discount")).as("asked for, but the order has none").isFalse();
		assertThat(order.has("accessTokens")).isFalse();
	}

	@Test
	void aPageOfOrdersWithEveryExpansionCostsTheSameStatementsForAnySize() {
		Response course = this.fixtures.variant("Course", 1000, "");
		Seller other = this.sellers.create();
		Http otherApi = this.http.as(other.test());
		OrderFixtures many = new OrderFixtures(otherApi, other, false, this.orders, this.customers, this.payments,
				this.catalog, this.transactions);
		Response otherCourse = many.variant("Course", 1000, "");
		this.fixtures.buy(course, "one@example.com", 1, 0);
		for (int i = 0; i < 30; i++) {
			many.buy(otherCourse, "buyer" + (i % 7) + "@example.com", 1, 0);
		}
		String expand = "?limit=100&expand=line_items,customer,discount,access_tokens,seller_account,charge,refunds";
		this.api.get("/v1/orders" + expand);
		otherApi.get("/v1/orders" + expand);
		Counted<Response> one = this.sql.count(() -> this.api.get("/v1/orders" + expand));
		Counted<Response> thirty = this.sql.count(() -> otherApi.get("/v1/orders" + expand));
		assertThat(one.result().json().get("items")).hasSize(1);
		assertThat(thirty.result().json().get("items")).hasSize(30);
		assertThat(thirty.statements()).isEqualTo(one.statements());
	}

	@Test
	void otherAccountsAndModesSeeNothing() {
		Response course = this.fixtures.variant("Course", 1000, "");
		PlacedOrder placed = this.fixtures.buy(course, "a@example.com", 1, 0);
		Http live = this.http.as(this.seller.live());
		Http stranger = this.http.as(this.sellers.create().test());
		for (Http other : List.of(live, stranger)) {
			assertThat(other.get("/v1/orders/" + placed.prefixId()).status()).isEqualTo(404);
			assertThat(other.get("/v1/orders/" + placed.id()).status()).isEqualTo(404);
			assertThat(other.get("/v1/orders").at("/pagination/count")).isEqualTo("0");
			assertThat(other.post("/v1/orders/" + placed.prefixId() + "/refund", "{}").status()).isEqualTo(404);
			assertThat(other.post("/v1/refunds", "{\"refund\":{\"orderId\":\"" + placed.prefixId() + "\"}}").status())
				.isEqualTo(404);
		}
		assertThat(this.api.get("/v1/orders/" + placed.id()).at("/prefixId")).isEqualTo(placed.prefixId());
	}

	@Test
	void refundsNeedFullAccess() {
		Response course = this.fixtures.variant("Course", 1000, "");
		PlacedOrder placed = this.fixtures.buy(course, "a@example.com", 1, 0);
		Http write = this.http.as(this.seller.token(false, Access.WRITE));
		assertThat(write.get("/v1/orders/" + placed.prefixId()).status()).isEqualTo(200);
		assertThat(write.post("/v1/orders/" + placed.prefixId() + "/refund", "{}").status()).isEqualTo(403);
	}

	private static List<String> prefixIds(Response page) {
		List<String> ids = new ArrayList<>();
		page.json().get("items").forEach((item) -> ids.add(item.get("prefixId").asString()));
		return ids;
	}

}
