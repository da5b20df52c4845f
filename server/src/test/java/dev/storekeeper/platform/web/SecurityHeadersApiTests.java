package dev.storekeeper.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

/** No page can be framed by another site, sniffed, or leak its address as a referrer. */
class SecurityHeadersApiTests extends ApiTest {

	private static void assertHardened(String what, Response page) {
		assertThat(page.header("X-Frame-Options")).as(what).isEqualTo("DENY");
		assertThat(page.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(page.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
		assertThat(page.headers()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase("Content-Security-Policy"))
			.flatMap((entry) -> entry.getValue().stream())
			.toList()).as(what).singleElement().asString().contains("frame-ancestors 'none'");
	}

	@Test
	void everyPageAndAnswerRefusesFramingSniffingAndReferrers() {
		Seller seller = this.sellers.create();
		Http live = this.http.as(seller.live());
		Http test = this.http.as(seller.test());
		String subdomain = seller.account().subdomain();
		live.post("/v1/blog_posts", "{\"title\":\"Notes\",\"status\":\"published\",\"content\":\"<p>Hi</p>\"}");
		String product = live.post("/v1/products", "{\"name\":\"Poster\",\"slug\":\"poster\"}").at("/prefixId");
		live.post("/v1/price_variants",
				"{\"productId\":\"" + product + "\",\"name\":\"Std\",\"amount\":0,\"currency\":\"USD\"}");
		live.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		String testProduct = test.post("/v1/products", "{\"name\":\"Print\"}").at("/prefixId");
		String variant = test
			.post("/v1/price_variants",
					"{\"productId\":\"" + testProduct + "\",\"name\":\"Std\",\"amount\":900,\"currency\":\"USD\"}")
			.at("/prefixId");
		test.patch("/v1/products/" + testProduct, "{\"status\":\"active\"}");
		String secret = test.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}").at("/clientSecret");

		for (String path : List.of("/checkout/" + secret, "/checkout/cs_unknown", "/blog/" + subdomain + "/",
				"/blog/" + subdomain + "/notes", "/p/" + subdomain + "/poster", "/access/unknown", "/receipts/ch_none",
				"/l/unknownunknownunknown12", "/nothing/here")) {
			Response page = this.http.get(path);
			assertThat(page.status()).as(path).isLessThan(500);
			assertHardened(path, page);
		}
		Response blog = this.http.get("/blog/" + subdomain + "/notes");
		// a page's own policy is kept, with framing refused in the same header
		assertThat(blog.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
		assertHardened("the API", test.get("/v1/account"));
		assertHardened("an API error", this.http.get("/v1/account"));
	}

}
