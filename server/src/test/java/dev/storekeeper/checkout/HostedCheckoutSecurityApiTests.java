package dev.storekeeper.checkout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a buyer (anyone with a public link) can send the hosted page and the checkout
 * client API: bounded amounts, the link's rule on discount codes, and no secret in the
 * log.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostedCheckoutSecurityApiTests extends ApiTest {

	private static final String FORM = "application/x-www-form-urlencoded";

	Http api;

	@BeforeEach
	void seller() {
		this.api = this.http.as(this.sellers.create().test());
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private String variant(String extra) {
		String product = this.api.post("/v1/products", "{\"name\":\"Course\"}").at("/prefixId");
		String variant = this.api
			.post("/v1/price_variants",
					"{\"productId\":\"" + product + "\",\"name\":\"Std\",\"amount\":1500,\"currency\":\"USD\"" + extra
							+ "}")
			.at("/prefixId");
		this.api.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		return variant;
	}

	/** Opens a checkout through a link's public address; its client secret. */
	private String openLink(String variant, boolean allowDiscountCodes) {
		Response link = this.api.post("/v1/checkout_links",
				"{\"checkoutLink\":{\"name\":\"Launch\",\"priceVariantIds\":[\"" + variant
						+ "\"],\"allowDiscountCodes\":" + allowDiscountCodes + "}}");
		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		String url = link.at("/url");
		String location = this.http.get(url.substring(url.indexOf("/l/"))).header("Location");
		return location.substring(location.indexOf("/checkout/") + "/checkout/".length());
	}

	@Test
	void aLinkThatAllowsNoDiscountCodesRefusesThemOnEveryPath() {
		String variant = variant("");
		this.api.post("/v1/discounts", "{\"code\":\"HALF\",\"percentOff\":50}");
		String secret = openLink(variant, false);
		String checkoutId = this.http.get("/v1/client/checkouts/" + secret).at("/prefixId");

		Response client = this.http.patch("/v1/client/checkouts/" + secret,
				"{\"checkout\":{\"discountCode\":\"HALF\"}}");
		assertThat(client.status()).isEqualTo(422);
		assertThat(client.at("/error/details/discountCode/0")).isEqualTo("cannot be used with this checkout");

		Response seller = this.api.patch("/v1/checkouts/" + checkoutId, "{\"checkout\":{\"discountCode\":\"HALF\"}}");
		assertThat(seller.status()).isEqualTo(422);

		assertThat(this.http.get("/checkout/" + secret).body()).doesNotContain("name=\"discountCode\"");
		Map<String, String> apply = new LinkedHashMap<>();
		apply.put("email", "buyer@example.com");
		apply.put("discountCode", "HALF");
		apply.put("action", "apply");
		Response page = this.http.send("POST", "/checkout/" + secret, form(apply), FORM);
		assertThat(page.status()).isEqualTo(422);
		assertThat(page.body()).contains("cannot be used with this checkout");

		Response checkout = this.http.get("/v1/client/checkouts/" + secret);
		assertThat(checkout.at("/total")).isEqualTo("1500");
		assertThat(checkout.at("/discountAmount")).isEqualTo("0");

		// a link that allows codes still takes them
		String open = openLink(variant, true);
		assertThat(this.http.get("/checkout/" + open).body()).contains("name=\"discountCode\"");
		Response applied = this.http.patch("/v1/client/checkouts/" + open,
				"{\"checkout\":{\"discountCode\":\"HALF\"}}");
		assertThat(applied.status()).isEqualTo(200);
		assertThat(applied.at("/total")).isEqualTo("750");
	}

	@Test
	void aPriceTypedOnTheHostedPageIsBoundedInLengthAndScale() {
		String variant = variant(",\"amountType\":\"pay_what_you_want\",\"presetAmount\":1500,\"minimumAmount\":500,"
				+ "\"suggestedAmount\":1500");
		String secret = this.api.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}").at("/clientSecret");
		String path = "/checkout/" + secret;
		for (String bomb : new String[] { "1e16000000", "1E9", "12.345", "9".repeat(40), "0x10", "-5" }) {
			Response refused = this.http.send("POST", path, form(Map.of("customAmount", bomb, "action", "save")), FORM);
			assertThat(refused.status()).as(bomb).isEqualTo(422);
			assertThat(refused.body()).as(bomb).contains("id=\"error\"").contains("at most two decimals");
		}
		Response typed = this.http.send("POST", path, form(Map.of("customAmount", "12.50", "action", "save")), FORM);
		assertThat(typed.status()).isEqualTo(200);
		assertThat(this.http.get("/v1/client/checkouts/" + secret).at("/total")).isEqualTo("1250");
		Response comma = this.http.send("POST", path, form(Map.of("customAmount", "13,5", "action", "save")), FORM);
		assertThat(comma.status()).isEqualTo(200);
		assertThat(this.http.get("/v1/client/checkouts/" + secret).at("/total")).isEqualTo("1350");
	}

	@Test
	void aMalformedExpiryIsA422AndNoSecretReachesTheLog(CapturedOutput output) {
		String secret = this.api.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant("") + "\"}")
			.at("/clientSecret");
		for (String expiry : new String[] { "/", "//", "12/", "/40", "" }) {
			Map<String, String> pay = new LinkedHashMap<>();
			pay.put("email", "buyer@example.com");
			pay.put("cardNumber", "4242 4242 4242 4242");
			pay.put("expiry", expiry);
			pay.put("cvc", "123");
			pay.put("action", "pay");
			Response refused = this.http.send("POST", "/checkout/" + secret, form(pay), FORM);
			assertThat(refused.status()).as(expiry).isEqualTo(422);
			assertThat(refused.body()).as(expiry).contains("id=\"error\"");
		}
		Response unknown = this.http.get("/v1/client/checkouts/" + secret + "/nothing");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).doesNotContain(secret);
		assertThat(output.getAll()).doesNotContain(secret);
	}

}
