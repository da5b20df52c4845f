package dev.storekeeper.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

/** The public product page at a product's {@code url}, and its buy buttons. */
class ProductPageApiTests extends CatalogApiTest {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	@Test
	void showsALiveActiveProductWithItsOffersAndButtons() {
		Seller seller = this.sellers.create();
		Http live = this.http.as(seller.live());
		String id = product(live,
				"{\"name\":\"Tea & <Cakes>\",\"description\":\"Fresh <b>daily</b>\","
						+ "\"bodyHtml\":\"<p onclick=\\\"x()\\\">Body</p>\",\"buttonCta\":\"Buy the <tea>\","
						+ "\"mediaItems\":[{\"sourceType\":\"url\",\"url\":\"https://cdn.example/cover.png\"},"
						+ "{\"sourceType\":\"url\",\"url\":\"https://cdn.example/side.png\"}]}")
			.at("/prefixId");
		variant(live, id, ",\"discountedFromAmount\":2500");
		variant(live, id, ",\"name\":\"Monthly\",\"billingType\":\"recurring\",\"recurringInterval\":\"month\","
				+ "\"intervalCount\":3,\"amount\":900,\"trialPeriodDays\":14");
		variant(live, id, ",\"name\":\"Secret\",\"hidden\":true");
		variant(live, id, ",\"name\":\"Tip jar\",\"amountType\":\"pay_what_you_want\",\"presetAmount\":500,"
				+ "\"minimumAmount\":100,\"currency\":\"JPY\"");
		variant(live, id, ",\"name\":\"Gone\",\"quantityAvailable\":0");
		variant(live, id, ",\"name\":\"Later\",\"waitlist\":true");
		String url = live.patch("/v1/products/" + id, "{\"status\":\"active\"}").at("/url");
		String path = "/p/" + seller.account().subdomain() + "/tea-cakes";
		assertThat(url).endsWith(path);

		Response page = this.http.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "form-action 'self'")
			.doesNotContain("script-src");
		assertThat(page.header("X-Robots-Tag")).isNull();
		assertThat(page.header("X-RateLimit-Limit")).isNotBlank();
		String body = page.body();
		assertThat(body).contains("<h1>Tea &amp; &lt;Cakes&gt;</h1>")
			.contains("Fresh &lt;b&gt;daily&lt;/b&gt;")
			.contains("<iframe sandbox=\"\"")
			.contains("srcdoc=\"&lt;p onclick=&quot;x()&quot;&gt;Body&lt;/p&gt;")
			.contains("<img class=\"cover\" src=\"https://cdn.example/cover.png\"")
			.contains("<img src=\"https://cdn.example/side.png\"")
			.contains("USD 19.00<span class=\"was\">", "USD 25.00")
			.contains("USD 9.00", "every 3 months · 14-day free trial")
			.contains("Pay what you want", "At least JPY 100. Suggested: JPY 500.")
			.contains("<label for=\"amount-")
			.contains("value=\"500\"")
			.contains("Buy the &lt;tea&gt;")
			.contains("Sold out", "Coming soon")
			.contains("<form class=\"variant\" method=\"post\" action=\"" + path + "\"")
			.doesNotContain("Secret")
			.doesNotContain("<p onclick")
			.doesNotContain("Test mode");
		// one buy button per variant on sale (the sold-out and waitlisted ones have none)
		assertThat(body.split("class=\"btn-block buy-button\"", -1)).hasSize(4);
	}

	@Test
	void theButtonStartsACheckoutOfThatVariantAndSendsTheBuyerToIt() {
		Seller seller = this.sellers.create();
		Http test = this.http.as(seller.test());
		String id = product(test, "{\"name\":\"Zine\"}").at("/prefixId");
		String fixed = variant(test, id).at("/prefixId");
		String tip = variant(test, id,
				",\"name\":\"Tip\",\"amountType\":\"pay_what_you_want\",\"presetAmount\":500,\"minimumAmount\":300,"
						+ "\"currency\":\"JPY\"")
			.at("/prefixId");
		test.patch("/v1/products/" + id, "{\"status\":\"active\"}");
		String path = "/p/test/" + seller.account().subdomain() + "/zine";

		Response bought = this.http.send("POST", path, form(Map.of("priceVariantId", fixed)), FORM);
		assertThat(bought.status()).isEqualTo(303);
		String location = bought.header("Location");
		assertThat(location).startsWith("../../../checkout/cs_");
		String secret = location.substring(location.lastIndexOf('/') + 1);
		Response checkout = this.http.get("/v1/client/checkouts/" + secret);
		assertThat(checkout.at("/status")).isEqualTo("open");
		assertThat(checkout.at("/total")).isEqualTo("1900");
		assertThat(checkout.at("/livemode")).isEqualTo("false");
		assertThat(checkout.at("/checkoutItems/0/priceVariant/prefixId")).isEqualTo(fixed);
		assertThat(this.http.get("/checkout/" + secret).body()).contains("Zine", "Pay USD 19.00");

		// a yen amount has no decimals: 1500 is ¥1,500
		Response tipped = this.http.send("POST", path, form(Map.of("priceVariantId", tip, "customAmount", "1500")),
				FORM);
		assertThat(tipped.status()).isEqualTo(303);
		String tipSecret = tipped.header("Location").substring(tipped.header("Location").lastIndexOf('/') + 1);
		assertThat(this.http.get("/v1/client/checkouts/" + tipSecret).at("/total")).isEqualTo("1500");

		long before = count(seller);
		for (String amount : new String[] { "12.50", "100", "1e9" }) {
			Response refused = this.http.send("POST", path, form(Map.of("priceVariantId", tip, "customAmount", amount)),
					FORM);
			assertThat(refused.status()).as(amount).isEqualTo(422);
			assertThat(refused.body()).as(amount).contains("role=\"alert\"", "value=\"" + amount + "\"");
		}
		String dinar = variant(test, id, ",\"name\":\"Dinar tip\",\"amountType\":\"pay_what_you_want\","
				+ "\"presetAmount\":1000,\"minimumAmount\":500,\"currency\":\"KWD\"")
			.at("/prefixId");
		Response dinars = this.http.send("POST", path, form(Map.of("priceVariantId", dinar, "customAmount", "1.255")),
				FORM);
		assertThat(dinars.status()).isEqualTo(303);
		String dinarSecret = dinars.header("Location").substring(dinars.header("Location").lastIndexOf('/') + 1);
		assertThat(this.http.get("/v1/client/checkouts/" + dinarSecret).at("/total")).isEqualTo("1255");
		Response unknown = this.http.send("POST", path, form(Map.of("priceVariantId", "pv_nosuch")), FORM);
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body()).contains("Choose one of the offers");
		// the refusals opened nothing: only the dinar checkout was added
		assertThat(count(seller)).isEqualTo(before + 1);
	}

	@Test
	void aSoldOutOrWaitlistedVariantCannotBeBoughtFromThePage() {
		Seller seller = this.sellers.create();
		Http test = this.http.as(seller.test());
		String id = product(test, "{\"name\":\"Print\"}").at("/prefixId");
		String gone = variant(test, id, ",\"quantityAvailable\":0").at("/prefixId");
		String later = variant(test, id, ",\"name\":\"Later\",\"waitlist\":true").at("/prefixId");
		test.patch("/v1/products/" + id, "{\"status\":\"active\"}");
		String path = "/p/test/" + seller.account().subdomain() + "/print";
		for (String variant : new String[] { gone, later }) {
			Response refused = this.http.send("POST", path, form(Map.of("priceVariantId", variant)), FORM);
			assertThat(refused.status()).as(variant).isEqualTo(422);
			assertThat(refused.body()).contains("id=\"error-" + variant + "\"");
		}
		assertThat(count(seller)).isZero();
	}

	@Test
	void aTestModeProductIsPreviewedAtItsUrlMarkedAndNotIndexed() {
		Seller seller = this.sellers.create();
		Response product = activeProduct(this.http.as(seller.test()), "Test only");
		String url = product.at("/url");
		String path = "/p/test/" + seller.account().subdomain() + "/test-only";
		assertThat(url).endsWith(path);
		Response page = this.http.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("X-Robots-Tag")).isEqualTo("noindex");
		assertThat(page.body()).contains("<meta name=\"robots\" content=\"noindex\">", "class=\"test-banner\"",
				"Test mode", "Test only", "Get Started");
		// the live address never shows test-mode products, nor the preview live ones
		assertThat(this.http.get("/p/" + seller.account().subdomain() + "/test-only").status()).isEqualTo(404);
		activeProduct(this.http.as(seller.live()), "Live one");
		assertThat(this.http.get("/p/test/" + seller.account().subdomain() + "/live-one").status()).isEqualTo(404);
	}

	@Test
	void showsTheSellerWithTheirPictureSupportAddressAndBrandColour() {
		Seller seller = this.sellers.create();
		Http test = this.http.as(seller.test());
		test.patch("/v1/account", "{\"name\":\"Moss & Co\",\"availableSupportEmail\":\"help@moss.example\","
				+ "\"brandColor\":\"#1a7f37\",\"avatarUrl\":\"https://cdn.example/moss.png\"}");
		activeProduct(test, "Terrarium");
		String body = this.http.get("/p/test/" + seller.account().subdomain() + "/terrarium").body();
		assertThat(body).contains("<body style=\"--brand:#1a7f37;--brand-on:#fff;--link:#1a7f37\">")
			.contains("<img class=\"avatar\" src=\"https://cdn.example/moss.png\"")
			.contains("Moss &amp; Co")
			.contains("href=\"mailto:help@moss.example\"");
		// a light colour gets dark text on its buttons, and links keep the readable
		// default
		test.patch("/v1/account", "{\"brandColor\":\"#ffd33d\"}");
		assertThat(this.http.get("/p/test/" + seller.account().subdomain() + "/terrarium").body())
			.contains("<body style=\"--brand:#ffd33d;--brand-on:#1f2328\">");
	}

	@Test
	void answersNotFoundForDraftsAndUnknownPages() {
		Seller seller = this.sellers.create();
		String subdomain = seller.account().subdomain();
		product(this.http.as(seller.live()), "{\"name\":\"Draft\"}");
		product(this.http.as(seller.test()), "{\"name\":\"Test draft\"}");
		for (String path : new String[] { "/p/" + subdomain + "/draft", "/p/test/" + subdomain + "/test-draft",
				"/p/" + subdomain + "/nothing", "/p/nosuchseller/draft" }) {
			Response page = this.http.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.header("Content-Type")).startsWith("text/html");
			assertThat(page.body()).contains("Not found");
			Response post = this.http.send("POST", path, "priceVariantId=pv_x", FORM);
			assertThat(post.status()).as(path).isEqualTo(404);
		}
	}

	private long count(Seller seller) {
		return this.jdbc.sql("select count(*) from checkouts where account_id = :id")
			.param("id", seller.account().id())
			.query(Long.class)
			.single();
	}

}
