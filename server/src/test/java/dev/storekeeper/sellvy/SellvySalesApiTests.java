package dev.storekeeper.sellvy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Sellers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coupons, orders, refunds and customers through {@code /sellvy/v1}, on sales made by the
 * checkout of the Crevio dialect.
 */
class SellvySalesApiTests extends ApiTest {

	static final String CARD = "\"payment\":{\"card\":{\"number\":\"4242 4242 4242 4242\",\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}";

	private Sellers.Seller seller;

	private SellvyHttp sellvy;

	private Http api;

	@BeforeEach
	void seller() {
		this.seller = this.sellers.create();
		String token = this.seller.test();
		this.sellvy = new SellvyHttp(this.http.base(), token);
		this.api = this.http.as(token);
	}

	private String product(String title, String price) {
		Http.Response made = this.sellvy.post("/products",
				"{\"title\": \"" + title + "\", \"type\": \"digital_download\", \"price\": " + price + "}");
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		return made.at("/data/id");
	}

	private String variantOf(String product) {
		return this.sellvy.get("/products/" + product).at("/data/variants/0/id");
	}

	/**
	 * Buys one of the product's default variant through the /v1 checkout; the checkout's
	 * answer.
	 */
	private Http.Response buy(String product, String email, String coupon) {
		String discount = (coupon != null) ? ",\"discountCode\":\"" + coupon + "\"" : "";
		Http.Response checkout = this.api.post("/v1/checkouts",
				"{\"priceVariantId\":\"" + variantOf(product) + "\"" + discount + "}");
		if (checkout.status() != 201) {
			return checkout;
		}
		return this.http.post("/v1/client/checkouts/" + checkout.at("/clientSecret") + "/confirm",
				"{\"email\":\"" + email + "\",\"name\":\"Bea Buyer\"," + CARD + "}");
	}

	@Test
	void aCouponOfEitherDialectAppliesAtTheOthersCheckout() {
		String icons = product("Premium Icon Pack", "29.99");
		String fonts = product("Fonts", "10");
		Http.Response coupon = this.sellvy.post("/coupons", """
				{"code": "SUMMER20", "type": "percentage", "value": 20, "max_uses": 100,
				 "expires_at": "2036-09-01T00:00:00Z", "min_order_amount": 10, "applies_to_products": ["%s"]}
				""".formatted(icons));
		assertThat(coupon.status()).as(coupon.toString()).isEqualTo(201);
		assertThat(coupon.body()).contains("\"type\":\"percentage\"", "\"value\":20,", "\"max_uses\":100", "\"uses\":0",
				"\"expires_at\":\"2036-09-01T00:00:00Z\"", "\"min_order_amount\":10.00",
				"\"applies_to_products\":[\"" + icons + "\"]", "\"status\":\"active\"");
		Http.Response crevio = this.api.get("/v1/discounts/" + coupon.at("/data/id"));
		assertThat(crevio.at("/percentOff")).isEqualTo("20.0");
		assertThat(crevio.at("/minimumAmount")).isEqualTo("1000");
		assertThat(crevio.at("/productIds/0")).isEqualTo(icons);
		Http.Response other = this.api.post("/v1/checkouts",
				"{\"priceVariantId\":\"" + variantOf(fonts) + "\",\"discountCode\":\"summer20\"}");
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.at("/error/message")).contains("does not apply to these items");
		Http.Response bought = buy(icons, "buyer@example.com", "summer20");
		assertThat(bought.status()).as(bought.toString()).isEqualTo(200);
		Http.Response order = this.sellvy.get("/orders/" + bought.at("/order"));
		assertThat(order.body()).contains("\"subtotal\":29.99", "\"discount\":6.00", "\"total\":23.99",
				"\"coupon_code\":\"SUMMER20\"");
		assertThat(this.sellvy.get("/coupons/" + coupon.at("/data/id")).at("/data/uses")).isEqualTo("1");
		assertThat(this.sellvy.delete("/coupons/" + coupon.at("/data/id")).status()).isEqualTo(422);

		Http.Response fixed = this.api.post("/v1/discounts",
				"{\"code\":\"FIVE\",\"amountOff\":500,\"currency\":\"USD\"}");
		Http.Response listed = this.sellvy.get("/coupons");
		assertThat(listed.at("/meta/total")).isEqualTo("2");
		assertThat(listed.body()).contains("\"code\":\"FIVE\",\"type\":\"fixed\",\"value\":5.00");
		assertThat(buy(fonts, "other@example.com", "five").status()).isEqualTo(200);
		assertThat(this.api.get("/v1/discounts/" + fixed.at("/prefixId")).at("/timesRedeemed")).isEqualTo("1");
		Http.Response unused = this.sellvy.post("/coupons", "{\"code\": \"GONE\", \"type\": \"fixed\", \"value\": 1}");
		assertThat(this.sellvy.delete("/coupons/" + unused.at("/data/id")).status()).isEqualTo(204);
		Http.Response bad = this.sellvy.post("/coupons", "{\"code\": \"X\", \"type\": \"percentage\", \"value\": 120}");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.at("/error/details/code/0")).contains("3 to 40");
		assertThat(bad.at("/error/details/value/0")).contains("less than or equal to 100");
	}

	@Test
	void ordersRefundsAndCustomers() {
		String icons = product("Premium Icon Pack", "29.99");
		Http.Response bought = buy(icons, "Buyer@Example.com", null);
		assertThat(bought.status()).as(bought.toString()).isEqualTo(200);
		String id = bought.at("/order");
		Http.Response order = this.sellvy.get("/orders/" + id);
		assertThat(order.status()).isEqualTo(200);
		assertThat(order.at("/data/status")).isEqualTo("completed");
		assertThat(order.at("/data/payment_status")).isEqualTo("paid");
		assertThat(order.at("/data/order_number")).matches("ORD-\\d+");
		assertThat(order.at("/data/customer_email")).isEqualTo("Buyer@Example.com");
		assertThat(order.at("/data/payment_method")).isEqualTo("sandbox");
		assertThat(order.at("/data/delivery_status")).isEqualTo("delivered");
		assertThat(order.body()).contains("\"total\":29.99",
				"\"product\":{\"id\":\"" + icons + "\",\"title\":\"Premium Icon Pack\"}", "\"fraud_score\":null");
		assertThat(this.sellvy.get("/orders?status=completed").at("/meta/total")).isEqualTo("1");
		assertThat(this.sellvy.get("/orders?status=refunded").at("/meta/total")).isEqualTo("0");
		assertThat(this.sellvy.get("/orders?customer_email=BUYER@example.com").at("/meta/total")).isEqualTo("1");
		assertThat(this.sellvy.get("/orders?customer_email=nobody@example.com").at("/meta/total")).isEqualTo("0");
		assertThat(this.sellvy.get("/orders?product_id=" + icons).at("/meta/total")).isEqualTo("1");
		assertThat(this.sellvy.get("/orders?date_from=2000-01-01&date_to=2000-01-02").at("/meta/total")).isEqualTo("0");
		assertThat(this.sellvy.get("/orders?date_to=yesterday").status()).isEqualTo(400);
		assertThat(this.sellvy.get("/orders?status=shipped").status()).isEqualTo(400);
		assertThat(this.sellvy.get("/products/" + icons).at("/data/total_sold")).isEqualTo("1");

		SellvyHttp writer = new SellvyHttp(this.http.base(), this.seller.token(false, Access.WRITE));
		assertThat(writer.post("/orders/" + id + "/refund", "{}").status()).isEqualTo(403);
		Http.Response tooMuch = this.sellvy.post("/orders/" + id + "/refund", "{\"amount\": 30}");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.at("/error/details/amount/0")).contains("29.99");
		Http.Response partial = this.sellvy.post("/orders/" + id + "/refund",
				"{\"amount\": 10, \"reason\": \"Customer requested refund\"}");
		assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
		assertThat(partial.body()).contains("\"refunded_amount\":10.00", "\"reason\":\"Customer requested refund\"");
		assertThat(partial.at("/data/status")).isEqualTo("completed");
		Http.Response rest = this.sellvy.post("/orders/" + id + "/refund", "");
		assertThat(rest.at("/data/status")).isEqualTo("refunded");
		assertThat(rest.at("/data/payment_status")).isEqualTo("refunded");
		assertThat(rest.body()).contains("\"refunded_amount\":29.99");
		assertThat(this.sellvy.post("/orders/" + id + "/refund", "{}").status()).isEqualTo(422);
		assertThat(this.sellvy.get("/products/" + icons).at("/data/total_sold")).isEqualTo("0");

		this.api.post("/v1/customers", "{\"email\":\"lead@example.com\"}");
		Http.Response customers = this.sellvy.get("/customers");
		assertThat(customers.at("/meta/total")).isEqualTo("1");
		assertThat(customers.at("/data/0/email")).isEqualTo("Buyer@Example.com");
		assertThat(customers.at("/data/0/total_orders")).isEqualTo("1");
		assertThat(customers.at("/data/0/currency")).isEqualTo("USD");
		String customer = customers.at("/data/0/id");
		Http.Response blacklisted = this.sellvy.post("/customers/" + customer + "/blacklist",
				"{\"reason\": \"Fraudulent chargebacks\"}");
		assertThat(blacklisted.status()).isEqualTo(200);
		assertThat(blacklisted.at("/data/blacklisted")).isEqualTo("true");
		assertThat(blacklisted.at("/data/blacklist_reason")).isEqualTo("Fraudulent chargebacks");
		Http.Response refused = buy(icons, "buyer@example.com", null);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(this.sellvy.delete("/customers/" + customer + "/blacklist").status()).isEqualTo(204);
		assertThat(buy(icons, "buyer@example.com", null).status()).isEqualTo(200);
		Http.Response renamed = this.sellvy.patch("/customers/" + customer, "{\"first_name\": \"Bea\"}");
		assertThat(renamed.at("/data/first_name")).isEqualTo("Bea");
		assertThat(this.sellvy.get("/customers/cus_nobody").at("/error/message")).isEqualTo("Customer not found");
	}

}
