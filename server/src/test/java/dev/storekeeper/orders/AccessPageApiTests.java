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
		assertThat(page.body()).contains("Knots", "Field guide", "&lt;p&gt;Chapter one: knots&lt;/p&gt;",
				"Tying a bowline", "https://video.example/1");
		this.http.get(path);
		assertThat(api.get("/v1/orders/" + placed.prefixId() + "?expand=access_tokens").at("/accessTokens/0/viewCount"))
			.isEqualTo("2");

		api.post("/v1/orders/" + placed.prefixId() + "/refund", "{}");
		Response revoked = this.http.get(path);
		assertThat(revoked.status()).isEqualTo(410);
		assertThat(revoked.body()).contains("Access revoked");
	}

	@Test
	void sellerHtmlIsShownOnlyInSandboxedFramesUnderAStrictPolicy() {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		OrderFixtures fixtures = new OrderFixtures(api, seller, false, this.orders, this.customers, this.payments,
				this.catalog, this.transactions);
		String attack = "<script>fetch('/v1/account')</script><img src=x onerror=alert(1)>";
		Response written = api.post("/v1/experiences", java.util.Map.of("name", "Guide", "itemType", "written",
				"content", java.util.Map.of("bodyHtml", "<p>Guide</p>" + attack)));
		Response embed = api.post("/v1/experiences", java.util.Map.of("name", "Video", "itemType", "embed", "content",
				java.util.Map.of("embedHtml", "<iframe src=\"https://player.example/1\"></iframe>" + attack)));
		Response course = api.post("/v1/experiences",
				java.util.Map.of("name", "Course", "itemType", "course", "content",
						java.util.Map.of("chapters", List.of(java.util.Map.of("title", "One", "lessons",
								List.of(java.util.Map.of("title", "Lesson", "bodyHtml", "<b>Lesson</b>" + attack)))))));
		assertThat(List.of(written.status(), embed.status(), course.status())).containsOnly(201);
		Response variant = fixtures.variant("Bundle", 1500, ",\"experienceIds\":[\"" + written.at("/prefixId") + "\",\""
				+ embed.at("/prefixId") + "\",\"" + course.at("/prefixId") + "\"]");
		PlacedOrder placed = fixtures.buy(variant, "buyer@example.com", 1, 0);
		String url = api.get("/v1/orders/" + placed.prefixId() + "?expand=access_tokens").at("/accessTokens/0/url");

		Response page = this.http.get(url.substring(url.indexOf("/access/")));
		assertThat(page.status()).isEqualTo(200);
		String policy = page.header("Content-Security-Policy");
		assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'").doesNotContain("script-src");
		String body = page.body();
		// nothing of the seller's markup is live on the page itself
		assertThat(body).doesNotContain("<script", "<img src=x onerror", "<p>Guide</p>", "<b>Lesson</b>",
				"<iframe src=\"https://player.example");
		assertThat(body.split("<iframe ", -1)).hasSize(4);
		assertThat(body).doesNotContain("allow-same-origin", "allow-scripts")
			.contains("srcdoc=\"&lt;p&gt;Guide&lt;/p&gt;&lt;script&gt;",
					"srcdoc=\"&lt;iframe src=&quot;https://player.example/1&quot;&gt;",
					"srcdoc=\"&lt;b&gt;Lesson&lt;/b&gt;&lt;script&gt;");
		for (String frame : body.split("<iframe ")) {
			if (frame.startsWith("sandbox")) {
				assertThat(frame).startsWith("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"");
			}
		}
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
