package dev.storekeeper.support;

import java.util.List;

import dev.storekeeper.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buys subscriptions the way a buyer does, through the API: a recurring variant, a test
 * clock, a checkout on it, confirmed with a card.
 */
public record Billing(Http api, Http anonymous) {

	public static final String CARD = "4242424242424242";

	/** Passes at checkout, then declines every renewal. */
	public static final String DECLINES_RENEWALS = "4000000000000341";

	/**
	 * An active product with a monthly variant of {@code amount}; extra JSON goes into
	 * the variant.
	 */
	public Response monthly(String name, long amount, String extra) {
		String product = this.api.post("/v1/products", "{\"name\":\"" + name + "\"}").at("/prefixId");
		Response variant = this.api.post("/v1/price_variants",
				"{\"productId\":\"" + product + "\",\"name\":\"Monthly\",\"amount\":" + amount
						+ ",\"currency\":\"USD\",\"billingType\":\"recurring\",\"recurringInterval\":\"month\"" + extra
						+ "}");
		assertThat(variant.status()).as(variant.toString()).isEqualTo(201);
		assertThat(this.api.patch("/v1/products/" + product, "{\"status\":\"active\"}").status()).isEqualTo(200);
		return variant;
	}

	/** A test clock frozen at {@code frozenTime}. */
	public String clock(String frozenTime) {
		Response clock = this.api.post("/v1/test_helpers/test_clocks",
				"{\"testClock\":{\"frozenTime\":\"" + frozenTime + "\",\"name\":\"test\"}}");
		assertThat(clock.status()).as(clock.toString()).isEqualTo(201);
		return clock.at("/prefixId");
	}

	/**
	 * Buys the variant on the clock (none when null) with {@code card}; returns the
	 * subscription.
	 */
	public Response subscribe(Response variant, String clock, String email, String card) {
		String clockJson = (clock != null) ? ",\"testClock\":\"" + clock + "\"" : "";
		Response checkout = this.api.post("/v1/checkouts",
				"{\"checkout\":{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + variant.at("/prefixId")
						+ "\",\"quantity\":1}]" + clockJson + "}}");
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		Response done = confirm(checkout.at("/clientSecret"), email, card);
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		Response list = this.api.get("/v1/subscriptions?price_variant_id=" + variant.at("/prefixId"));
		assertThat(list.json().get("items")).as(list.toString()).isNotEmpty();
		return this.api.get("/v1/subscriptions/" + list.at("/items/0/prefixId"));
	}

	public Response confirm(String secret, String email, String card) {
		return this.anonymous.post("/v1/client/checkouts/" + secret + "/confirm",
				"{\"email\":\"" + email + "\",\"payment\":{\"card\":{\"number\":\"" + card
						+ "\",\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}}");
	}

	public Response advance(String clock, String frozenTime) {
		return this.api.post("/v1/test_helpers/test_clocks/" + clock + "/advance",
				"{\"frozenTime\":\"" + frozenTime + "\"}");
	}

	/** The path of the first access token of an order, as the buyer's link has it. */
	public String accessPath(String order) {
		Response found = this.api.get("/v1/orders/" + order + "?expand=access_tokens");
		String url = found.at("/accessTokens/0/url");
		assertThat(url).as(found.toString()).contains("/access/");
		return url.substring(url.indexOf("/access/"));
	}

	/** The invoices of a subscription, newest first. */
	public List<String> invoiceNumbers(String subscription) {
		Response list = this.api.get("/v1/invoices?limit=100&subscription_id=" + subscription);
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		List<String> numbers = new java.util.ArrayList<>();
		list.json().get("items").forEach((item) -> numbers.add(item.get("number").asString()));
		return numbers;
	}

}
