package dev.storekeeper.catalog;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

/** The public product page at a product's {@code url}. */
class ProductPageApiTests extends CatalogApiTest {

	@Test
	void showsALiveActiveProductWithItsPrices() {
		Seller seller = this.sellers.create();
		Http live = this.http.as(seller.live());
		String id = product(live, "{\"name\":\"Tea & <Cakes>\",\"description\":\"Fresh <b>daily</b>\","
				+ "\"bodyHtml\":\"<p onclick=\\\"x()\\\">Body</p>\"}")
			.at("/prefixId");
		variant(live, id, ",\"discountedFromAmount\":2500");
		variant(live, id, ",\"name\":\"Monthly\",\"billingType\":\"recurring\",\"recurringInterval\":\"month\","
				+ "\"intervalCount\":3,\"amount\":900");
		variant(live, id, ",\"name\":\"Secret\",\"hidden\":true");
		variant(live, id, ",\"name\":\"Tip jar\",\"amountType\":\"pay_what_you_want\",\"presetAmount\":500,"
				+ "\"minimumAmount\":100,\"currency\":\"JPY\"");
		String url = live.patch("/v1/products/" + id, "{\"status\":\"active\"}").at("/url");
		String path = "/p/" + seller.account().subdomain() + "/tea-cakes";
		assertThat(url).endsWith(path);

		Response page = this.http.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(page.header("X-RateLimit-Limit")).isNotBlank();
		assertThat(page.body()).contains("<h1>Tea &amp; &lt;Cakes&gt;</h1>")
			.contains("Fresh &lt;b&gt;daily&lt;/b&gt;")
			.contains("<iframe sandbox")
			.contains("srcdoc=\"&lt;p onclick=&quot;x()&quot;&gt;Body&lt;/p&gt;\"")
			.contains("19.00 USD (was 25.00 USD)")
			.contains("9.00 USD every 3 months")
			.contains("Pay what you want, from 100 JPY")
			.doesNotContain("Secret")
			.doesNotContain("<p onclick");
	}

	@Test
	void answersNotFoundForDraftsTestModeAndUnknownPages() {
		Seller seller = this.sellers.create();
		String subdomain = seller.account().subdomain();
		product(this.http.as(seller.live()), "{\"name\":\"Draft\"}");
		activeProduct(this.http.as(seller.test()), "Test only");
		for (String path : new String[] { "/p/" + subdomain + "/draft", "/p/" + subdomain + "/test-only",
				"/p/" + subdomain + "/nothing", "/p/nosuchseller/draft" }) {
			Response page = this.http.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.header("Content-Type")).startsWith("text/html");
			assertThat(page.body()).contains("Not found");
		}
	}

}
