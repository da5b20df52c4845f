package dev.storekeeper.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed-request corpus: every write endpoint of the contract with a form, a
 * multipart and an XML body; every numeric field with {@code 1e400}, {@code -1e400},
 * {@code "NaN"} and a huge integer; every string field with a number, a boolean, an
 * object and a NUL character. Each answer is a 4xx in the error shape (415 for the
 * bodies, 422 {@code validation_error} naming the field for the values), none is a 5xx or
 * a 2xx, and nothing is written.
 */
class HostileBodiesApiTests extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> NUMBERS = List.of("1e400", "-1e400", "\"NaN\"",
			"123456789012345678901234567890123456789");

	private static final List<String> NOT_STRINGS = List.of("12345", "true", "{\"a\":1}", "\"bad\\u0000text\"");

	/**
	 * One write endpoint: a valid body, and its numeric and string fields (dotted paths).
	 */
	record Endpoint(String method, String path, String body, List<String> numbers, List<String> strings) {
	}

	@Test
	void everyHostileBodyIsRefusedAndNothingIsWritten() {
		Sellers seller = new Sellers(this.http.as(this.sellers.create().test()));
		Http api = seller.api;
		List<Endpoint> endpoints = seller.endpoints();
		String before = seller.snapshot();
		List<String> wrong = new ArrayList<>();
		int requests = 0;
		for (Endpoint endpoint : endpoints) {
			for (String type : List.of("multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded",
					"application/xml", "text/xml")) {
				String body = type.startsWith("multipart")
						? "--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--xyz--\r\n"
						: type.contains("xml") ? "<product><name>x</name></product>" : "name=x&amount=1";
				Response response = api.send(endpoint.method(), endpoint.path(), body, type);
				requests++;
				check(wrong, endpoint, type, response, 415, null);
			}
			for (String field : endpoint.numbers()) {
				for (String value : NUMBERS) {
					requests++;
					check(wrong, endpoint, field + "=" + value, send(api, endpoint, field, value), 422, field);
				}
			}
			for (String field : endpoint.strings()) {
				for (String value : NOT_STRINGS) {
					requests++;
					check(wrong, endpoint, field + "=" + value, send(api, endpoint, field, value), 422, field);
				}
			}
		}
		assertThat(wrong).as(requests + " requests; wrong answers:\n" + String.join("\n", wrong)).isEmpty();
		assertThat(requests).isGreaterThan(500);
		assertThat(seller.snapshot()).as("nothing written").isEqualTo(before);
	}

	@Test
	void everyBooleanFieldTakesOnlyTrueOrFalse() {
		Sellers seller = new Sellers(this.http.as(this.sellers.create().test()));
		Http api = seller.api;
		String before = seller.snapshot();
		String variantBody = "{\"productId\":\"" + seller.product
				+ "\",\"name\":\"V2\",\"amount\":500,\"currency\":\"USD\"}";
		List<String> variantFlags = List.of("waitlist", "hidden", "archived");
		List<Endpoint> endpoints = List.of(
				new Endpoint("POST", "/v1/price_variants", variantBody, variantFlags, List.of()),
				new Endpoint("PATCH", "/v1/price_variants/" + seller.variant, "{}", variantFlags, List.of()),
				new Endpoint("POST", "/v1/checkout_links", "{\"priceVariantIds\":[\"" + seller.variant + "\"]}",
						List.of("allowDiscountCodes"), List.of()),
				new Endpoint("PATCH", "/v1/checkout_links/" + seller.link, "{}", List.of("allowDiscountCodes"),
						List.of()),
				new Endpoint("POST", "/v1/blog_posts", "{\"title\":\"Another\"}", List.of("indexable"), List.of()),
				new Endpoint("PATCH", "/v1/blog_posts/" + seller.post, "{}", List.of("indexable"), List.of()));
		List<String> wrong = new ArrayList<>();
		int requests = 0;
		for (Endpoint endpoint : endpoints) {
			for (String field : endpoint.numbers()) {
				for (String value : List.of("12345", "0", "\"x\"", "[true]", "{\"a\":true}", "1e400",
						"123456789012345678901234567890123456789")) {
					requests++;
					check(wrong, endpoint, field + "=" + value, send(api, endpoint, field, value), 422, field);
				}
			}
		}
		assertThat(wrong).as(requests + " requests; wrong answers:\n" + String.join("\n", wrong)).isEmpty();
		assertThat(seller.snapshot()).as("nothing written").isEqualTo(before);
	}

	private static Response send(Http api, Endpoint endpoint, String field, String value) {
		ObjectNode body = (ObjectNode) JSON.readTree(endpoint.body());
		ObjectNode target = body;
		String[] steps = field.split("\\.");
		for (int i = 0; i < steps.length - 1; i++) {
			String step = steps[i];
			if (step.endsWith("[0]")) {
				target = (ObjectNode) target.get(step.substring(0, step.length() - 3)).get(0);
			}
			else {
				JsonNode next = target.get(step);
				if (next == null) {
					next = target.putObject(step);
				}
				target = (ObjectNode) next;
			}
		}
		target.set(steps[steps.length - 1], JSON.readTree(value));
		return api.send(endpoint.method(), endpoint.path(), JSON.writeValueAsString(body), "application/json");
	}

	private static void check(List<String> wrong, Endpoint endpoint, String what, Response response, int status,
			String field) {
		String where = endpoint.method() + " " + endpoint.path() + " " + what + " -> " + response;
		if (response.status() != status) {
			wrong.add(where);
			return;
		}
		if (!response.at("/error/type").equals((status == 415) ? "unsupported_media_type" : "validation_error")) {
			wrong.add(where);
			return;
		}
		if (field != null) {
			String name = field.replace("[0]", "[0]").replaceAll("^[a-zA-Z]+\\.", "");
			JsonNode details = response.json().path("error").path("details");
			if (!details.has(field) && !details.has(name)) {
				wrong.add(where + " (does not name " + field + ")");
			}
		}
	}

	/**
	 * A seller with one of everything, and the write endpoints over them. Its webhook
	 * endpoint is disabled, so that no delivery is left pending for the other tests.
	 */
	static final class Sellers {

		final Http api;

		final String product;

		final String variant;

		final String review;

		final String customer;

		final String discount;

		final String checkout;

		final String secret;

		final String cart;

		final String link;

		final String experience;

		final String post;

		final String category;

		final String endpoint;

		final String order;

		Sellers(Http api) {
			this.api = api;
			this.product = made(api.post("/v1/products", "{\"name\":\"Thing\"}"));
			this.variant = made(api.post("/v1/price_variants",
					"{\"productId\":\"" + this.product + "\",\"name\":\"Std\",\"amount\":1000,\"currency\":\"USD\"}"));
			assertThat(api.patch("/v1/products/" + this.product, "{\"status\":\"active\"}").status()).isEqualTo(200);
			this.review = made(api.post("/v1/reviews", "{\"productId\":\"" + this.product + "\",\"rating\":5}"));
			this.customer = made(api.post("/v1/customers", "{\"email\":\"c@example.com\"}"));
			this.discount = made(api.post("/v1/discounts", "{\"code\":\"TEN\",\"percentOff\":10}"));
			Response co = api.post("/v1/checkouts", "{\"checkout\":{\"checkoutItemsAttributes\":[{\"priceVariantId\":\""
					+ this.variant + "\",\"quantity\":1}]}}");
			this.checkout = made(co);
			this.secret = co.at("/clientSecret");
			Response paid = api.as(null)
				.post("/v1/client/checkouts/" + this.secret + "/confirm",
						"{\"email\":\"b@example.com\",\"payment\":{\"card\":{\"number\":\"4242424242424242\","
								+ "\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}}");
			assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
			this.order = paid.at("/order");
			Response co2 = api.post("/v1/checkouts",
					"{\"checkout\":{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + this.variant
							+ "\",\"quantity\":1}]}}");
			this.cart = made(api.post("/v1/carts", "{\"cart\":{\"cartItemsAttributes\":[{\"priceVariantId\":\""
					+ this.variant + "\",\"quantity\":1}]}}"));
			this.link = made(api.post("/v1/checkout_links", "{\"priceVariantIds\":[\"" + this.variant + "\"]}"));
			this.experience = made(api.post("/v1/experiences",
					"{\"name\":\"Notes\",\"itemType\":\"written\",\"content\":{\"bodyHtml\":\"<p>Hi</p>\"}}"));
			this.post = made(api.post("/v1/blog_posts", "{\"title\":\"Hello\"}"));
			this.category = made(api.post("/v1/blog_categories", "{\"name\":\"News\"}"));
			this.endpoint = made(api.post("/v1/webhook_endpoints",
					"{\"url\":\"https://hooks.example.com/x\",\"enabledEvents\":[\"*\"],\"status\":\"disabled\"}"));
			this.openCheckout = made(co2);
			this.openSecret = co2.at("/clientSecret");
		}

		final String openCheckout;

		final String openSecret;

		private static String made(Response response) {
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			return response.at("/prefixId");
		}

		List<Endpoint> endpoints() {
			List<String> product = List.of("name", "description", "bodyHtml", "slug", "buttonCta", "status",
					"seo.title", "seo.description", "seo.keywords");
			List<String> variantNumbers = List.of("amount", "presetAmount", "minimumAmount", "maximumAmount",
					"discountedFromAmount", "intervalCount", "trialPeriodDays", "revokeAfterDays", "quantityAvailable",
					"position", "seatQuantity");
			List<String> variantStrings = List.of("name", "currency", "billingType", "amountType", "recurringInterval");
			List<String> discountNumbers = List.of("percentOff", "amountOff", "maxRedemptions", "durationInMonths",
					"minimumAmount");
			List<String> discountStrings = List.of("code", "name", "duration", "currency", "redeemBy", "startsAt");
			List<String> customer = List.of("email", "name", "firstName", "lastName");
			List<String> experience = List.of("name", "slug", "description", "itemType", "accessType",
					"content.bodyHtml");
			List<String> blogPost = List.of("title", "slug", "content", "excerpt", "status");
			String variantBody = "{\"productId\":\"" + this.product
					+ "\",\"name\":\"V2\",\"amount\":500,\"currency\":\"USD\"}";
			String items = "{\"checkout\":{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + this.variant
					+ "\",\"quantity\":1}]}}";
			String cartItems = "{\"cart\":{\"cartItemsAttributes\":[{\"priceVariantId\":\"" + this.variant
					+ "\",\"quantity\":1}]}}";
			return List.of(
					new Endpoint("PATCH", "/v1/account", "{}", List.of(), List.of("name", "availableSupportEmail")),
					new Endpoint("POST", "/v1/api_tokens", "{\"name\":\"t\",\"access\":\"read\"}", List.of(),
							List.of("name", "access")),
					new Endpoint("POST", "/v1/products", "{\"name\":\"New\"}", List.of(), product),
					new Endpoint("PATCH", "/v1/products/" + this.product, "{}", List.of(), product),
					new Endpoint("PUT", "/v1/products/" + this.product, "{}", List.of(), product),
					new Endpoint("POST", "/v1/price_variants", variantBody, variantNumbers, variantStrings),
					new Endpoint("PATCH", "/v1/price_variants/" + this.variant, "{}", variantNumbers, variantStrings),
					new Endpoint("POST", "/v1/reviews", "{\"productId\":\"" + this.product + "\",\"rating\":4}",
							List.of("rating", "position"), List.of("content", "customerName")),
					new Endpoint("PATCH", "/v1/reviews/" + this.review, "{}", List.of("rating", "position"),
							List.of("content", "customerName")),
					new Endpoint("POST", "/v1/customers", "{\"email\":\"n@example.com\"}", List.of(), customer),
					new Endpoint("PATCH", "/v1/customers/" + this.customer, "{}", List.of(), customer),
					new Endpoint("POST", "/v1/customers/" + this.customer + "/blacklist", "{}", List.of(),
							List.of("reason")),
					new Endpoint("POST", "/v1/discounts", "{\"code\":\"NEW10\",\"percentOff\":10}", discountNumbers,
							discountStrings),
					new Endpoint("PATCH", "/v1/discounts/" + this.discount, "{}", discountNumbers, discountStrings),
					new Endpoint("POST", "/v1/checkouts", items,
							List.of("checkout.checkoutItemsAttributes[0].quantity",
									"checkout.checkoutItemsAttributes[0].customAmount"),
							List.of("checkout.email", "checkout.returnUrl", "checkout.cancelUrl",
									"checkout.discountCode")),
					new Endpoint("PATCH", "/v1/checkouts/" + this.openCheckout, "{}", List.of(),
							List.of("email", "discountCode")),
					new Endpoint("PATCH", "/v1/client/checkouts/" + this.openSecret, "{}", List.of("customAmount"),
							List.of("email", "name", "discountCode")),
					new Endpoint("POST", "/v1/client/checkouts/" + this.openSecret + "/confirm",
							"{\"email\":\"z@example.com\",\"payment\":{\"card\":{\"number\":\"4242424242424242\","
									+ "\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}}",
							List.of("payment.card.expMonth", "payment.card.expYear"),
							List.of("email", "name", "payment.card.number", "payment.card.cvc")),
					new Endpoint("POST", "/v1/carts", cartItems,
							List.of("cart.cartItemsAttributes[0].quantity", "cart.cartItemsAttributes[0].customAmount"),
							List.of()),
					new Endpoint("PATCH", "/v1/carts/" + this.cart, cartItems,
							List.of("cart.cartItemsAttributes[0].quantity", "cart.cartItemsAttributes[0].customAmount"),
							List.of()),
					new Endpoint("POST", "/v1/checkout_links", "{\"priceVariantIds\":[\"" + this.variant + "\"]}",
							List.of(), List.of("name", "successUrl")),
					new Endpoint("PATCH", "/v1/checkout_links/" + this.link, "{}", List.of(),
							List.of("name", "successUrl")),
					new Endpoint("POST", "/v1/experiences",
							"{\"name\":\"X\",\"itemType\":\"written\",\"content\":{\"bodyHtml\":\"<p>Hi</p>\"}}",
							List.of(), experience),
					new Endpoint("PATCH", "/v1/experiences/" + this.experience, "{}", List.of(), experience),
					new Endpoint("POST", "/v1/blog_posts", "{\"title\":\"Another\"}", List.of(), blogPost),
					new Endpoint("PATCH", "/v1/blog_posts/" + this.post, "{}", List.of(), blogPost),
					new Endpoint("POST", "/v1/blog_categories", "{\"name\":\"Other\"}", List.of(),
							List.of("name", "slug", "description")),
					new Endpoint("PATCH", "/v1/blog_categories/" + this.category, "{}", List.of(),
							List.of("name", "slug", "description")),
					new Endpoint("POST", "/v1/webhook_endpoints", "{\"url\":\"https://hooks.example.com/y\"}",
							List.of(), List.of("url", "description", "status")),
					new Endpoint("PATCH", "/v1/webhook_endpoints/" + this.endpoint, "{}", List.of(),
							List.of("url", "description", "status")),
					new Endpoint("POST", "/v1/orders/" + this.order + "/refund", "{\"amount\":100}", List.of("amount"),
							List.of("reason")),
					new Endpoint("POST", "/v1/refunds", "{\"orderId\":\"" + this.order + "\",\"amount\":100}",
							List.of("amount"), List.of("reason", "notes")),
					new Endpoint("POST", "/v1/webhook_endpoints/" + this.endpoint + "/rotate_secret", "{}", List.of(),
							List.of()),
					new Endpoint("POST", "/v1/webhook_endpoints/" + this.endpoint + "/test", "{}", List.of(),
							List.of()));
		}

		/** What the seller's data looks like through the API, for "nothing written". */
		String snapshot() {
			Map<String, String> state = new LinkedHashMap<>();
			for (String path : List.of("/v1/account", "/v1/products?status=all",
					"/v1/price_variants?product_id=" + this.product, "/v1/reviews?product_id=" + this.product,
					"/v1/customers", "/v1/discounts", "/v1/checkouts/" + this.openCheckout, "/v1/carts/" + this.cart,
					"/v1/checkout_links", "/v1/experiences", "/v1/blog_posts?status=all", "/v1/blog_categories",
					"/v1/webhook_endpoints", "/v1/orders?expand=line_items,customer,charge,refunds", "/v1/refunds")) {
				Response response = this.api.get(path);
				assertThat(response.status()).as(path + " " + response).isEqualTo(200);
				state.put(path, response.body());
			}
			state.put("tokens", this.api.get("/v1/api_tokens").at("/pagination/count"));
			return state.toString().toLowerCase(Locale.ROOT);
		}

	}

}
