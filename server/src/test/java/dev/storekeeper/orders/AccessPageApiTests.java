package dev.storekeeper.orders;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storekeeper.customers.Customers;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPageApiTests extends ApiTest {

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

	@Autowired
	JdbcClient jdbc;

	@Test
	void theBuyersPageShowsTheGrantedContentAndCountsViews() {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		OrderFixtures fixtures = new OrderFixtures(api, seller, false, this.orders, this.customers, this.payments,
				this.catalog, this.transactions);
		Response guide = api.post("/v1/experiences",
				"{\"name\":\"Field guide\",\"itemType\":\"written\",\"content\":{\"bodyHtml\":\"<p>Chapter one: knots</p>\"}}");
		Response course = api.post("/v1/experiences", "{\"name\":\"Video course\",\"itemType\":\"course\",\"content\":"
				+ "{\"chapters\":[{\"title\":\"Basics\",\"lessons\":[{\"title\":\"Tying a bowline\",\"videoUrl\":\"https://video.example/1\"}]}]}}");
		Response variant = fixtures.variant("Knots", 1500,
				",\"experienceIds\":[\"" + guide.at("/prefixId") + "\",\"" + course.at("/prefixId") + "\"]");
		PlacedOrder placed = fixtures.buy(variant, "buyer@example.com", 1, 0);
		String url = api.get("/v1/orders/" + placed.prefixId() + "?expand=access_tokens").at("/accessTokens/0/url");
		String path = url.substring(url.indexOf("/access/"));

		Response page = this.http.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("Knots", "Field guide", "<p>Chapter one: knots</p>", "Tying a bowline",
				"https://video.example/1");
		this.http.get(path);
		assertThat(api.get("/v1/orders/" + placed.prefixId() + "?expand=access_tokens").at("/accessTokens/0/viewCount"))
			.isEqualTo("2");

		api.post("/v1/orders/" + placed.prefixId() + "/refund", "{}");
		Response revoked = this.http.get(path);
		assertThat(revoked.status()).isEqualTo(410);
		assertThat(revoked.body()).contains("Access revoked");
	}

	@Test
	void expiredAndUnknownLinks() {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		OrderFixtures fixtures = new OrderFixtures(api, seller, false, this.orders, this.customers, this.payments,
				this.catalog, this.transactions);
		Response variant = fixtures.variant("Rental", 300, ",\"revokeAfterDays\":30");
		PlacedOrder placed = fixtures.buy(variant, "renter@example.com", 1, 0);
		Response order = api.get("/v1/orders/" + placed.prefixId() + "?expand=access_tokens");
		assertThat(order.at("/accessTokens/0/expiresAt")).isNotEmpty();
		String url = order.at("/accessTokens/0/url");
		String path = url.substring(url.indexOf("/access/"));
		assertThat(this.http.get(path).status()).isEqualTo(200);
		this.jdbc.sql("update access_tokens set expires_at = created_at where order_id = :id")
			.param("id", placed.id())
			.update();
		Response expired = this.http.get(path);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.body()).contains("Access expired");
		for (String unknown : List.of("/access/nope", "/access/" + "A".repeat(32))) {
			assertThat(this.http.get(unknown).status()).isEqualTo(404);
		}
	}

}
