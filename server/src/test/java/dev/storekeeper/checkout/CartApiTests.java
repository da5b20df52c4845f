package dev.storekeeper.checkout;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

class CartApiTests extends ApiTest {

	@Test
	void cartsCollectItemsAndOpenACheckout() {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		String product = api.post("/v1/products", "{\"name\":\"Course\"}").at("/prefixId");
		String basic = api
			.post("/v1/price_variants",
					"{\"productId\":\"" + product + "\",\"name\":\"Basic\",\"amount\":1000,\"currency\":\"USD\"}")
			.at("/prefixId");
		String other = api.post("/v1/products", "{\"name\":\"Ebook\"}").at("/prefixId");
		String ebook = api
			.post("/v1/price_variants",
					"{\"productId\":\"" + other + "\",\"name\":\"PDF\",\"amount\":500,\"currency\":\"USD\"}")
			.at("/prefixId");
		api.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		api.patch("/v1/products/" + other, "{\"status\":\"active\"}");

		Response cart = api.post("/v1/carts", "{\"cart\":{\"cartItemsAttributes\":[{\"priceVariantId\":\"" + basic
				+ "\",\"quantity\":2},{\"priceVariantId\":\"" + ebook + "\"}]}}");
		assertThat(cart.status()).as(cart.toString()).isEqualTo(201);
		assertThat(cart.at("/total")).as(cart.body()).isEqualTo("2500");
		assertThat(cart.at("/currency")).isEqualTo("USD");
		String cartId = cart.at("/prefixId");
		String ebookItem = cart.at("/cartItems/1/id");
		Response changed = api.patch("/v1/carts/" + cartId, "{\"cartItemsAttributes\":[{\"id\":" + ebookItem
				+ ",\"_destroy\":true},{\"id\":" + cart.at("/cartItems/0/id") + ",\"quantity\":3}]}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("cartItems")).hasSize(1);
		assertThat(changed.at("/total")).isEqualTo("3000");
		Response bad = api.patch("/v1/carts/" + cartId, "{\"cartItemsAttributes\":[{\"priceVariantId\":\"pv_nope\"}]}");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.at("/error/message")).isEqualTo("Cart items attributes price variant does not exist");

		Response checkout = api.post("/v1/checkouts", "{\"checkout\":{\"cartId\":\"" + cartId + "\"}}");
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		assertThat(checkout.at("/total")).isEqualTo("3000");
		assertThat(checkout.at("/checkoutItems/0/quantity")).isEqualTo("3");

		assertThat(this.http.as(seller.live()).get("/v1/carts/" + cartId).status()).isEqualTo(404);
		assertThat(this.http.as(this.sellers.create().test()).get("/v1/carts/" + cartId).status()).isEqualTo(404);
		assertThat(api.delete("/v1/carts/" + cartId).status()).isEqualTo(200);
		assertThat(api.get("/v1/carts/" + cartId).status()).isEqualTo(404);
	}

	@Test
	void aPatchSetsOrClearsTheCartsCustomerAndRefusesAnUnknownOne() {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		Response customer = api.post("/v1/customers", "{\"email\":\"cart@example.com\"}");
		String cartId = api.post("/v1/carts", "{}").at("/prefixId");
		Response set = api.patch("/v1/carts/" + cartId, "{\"cart\":{\"customerId\":" + customer.at("/id") + "}}");
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.at("/customerId")).isEqualTo(customer.at("/id"));
		for (String wrong : new String[] { "123456789012345678901234567890", "999999", "\"cus_nope\"", "true",
				"[1]" }) {
			Response refused = api.patch("/v1/carts/" + cartId, "{\"customerId\":" + wrong + "}");
			assertThat(refused.status()).as(wrong + " → " + refused).isEqualTo(422);
			assertThat(refused.json().at("/error/details").has("customerId")).as(refused.toString()).isTrue();
		}
		assertThat(api.get("/v1/carts/" + cartId).at("/customerId")).isEqualTo(customer.at("/id"));
		Response cleared = api.patch("/v1/carts/" + cartId, "{\"customerId\":null}");
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().get("customerId").isNull()).isTrue();
	}

}
