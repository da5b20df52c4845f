package dev.storekeeper.checkout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted page through plain form posts, as a browser without JavaScript sends them.
 */
class HostedCheckoutPageTests extends ApiTest {

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	@Test
	void theFormAppliesADiscountSurvivesADeclineAndCompletesThePurchase() {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		String product = api.post("/v1/products", "{\"name\":\"Watercolor course\"}").at("/prefixId");
		String variant = api
			.post("/v1/price_variants",
					"{\"productId\":\"" + product + "\",\"name\":\"Lifetime\",\"amount\":4000,\"currency\":\"USD\"}")
			.at("/prefixId");
		api.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		api.post("/v1/discounts", "{\"code\":\"PAINT\",\"percentOff\":25}");
		String secret = api.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}").at("/clientSecret");
		String path = "/checkout/" + secret;

		Response page = this.http.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Watercolor course", "USD 40.00", "name=\"cardNumber\"", "Test mode");

		Map<String, String> apply = new LinkedHashMap<>();
		apply.put("email", "painter@example.com");
		apply.put("discountCode", "paint");
		apply.put("action", "apply");
		Response applied = this.http.send("POST", path, form(apply), "application/x-www-form-urlencoded");
		assertThat(applied.status()).isEqualTo(200);
		assertThat(applied.body()).contains("USD 30.00").contains("PAINT");

		Map<String, String> declined = new LinkedHashMap<>(apply);
		declined.put("action", "pay");
		declined.put("cardNumber", "4000 0000 0000 0002");
		declined.put("expiry", "12/40");
		declined.put("cvc", "123");
		Response refused = this.http.send("POST", path, form(declined), "application/x-www-form-urlencoded");
		assertThat(refused.status()).isEqualTo(402);
		assertThat(refused.body()).contains("Your card was declined.");
		assertThat(this.http.get("/v1/client/checkouts/" + secret).at("/status")).isEqualTo("open");

		Map<String, String> paid = new LinkedHashMap<>(declined);
		paid.put("cardNumber", "4242 4242 4242 4242");
		Response receipt = this.http.send("POST", path, form(paid), "application/x-www-form-urlencoded");
		assertThat(receipt.status()).isEqualTo(200);
		assertThat(receipt.body()).contains("Thank you!", "USD 30.00 paid", "/access/");
		assertThat(this.http.get(path).body()).contains("Thank you!");
		assertThat(api.get("/v1/orders").at("/items/0/amount")).isEqualTo("3000");

		Map<String, String> invalid = new LinkedHashMap<>(paid);
		assertThat(this.http.send("POST", path, form(invalid), "application/x-www-form-urlencoded").body())
			.contains("Thank you!");
		assertThat(this.http.get("/checkout/cs_nope").status()).isEqualTo(404);
	}

}
