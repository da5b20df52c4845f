package dev.storekeeper.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

/** Another account's ids, and the other mode's, are not found on any catalog endpoint. */
class CatalogIsolationApiTests extends CatalogApiTest {

	@Test
	void otherAccountsAndTheOtherModeSeeNothing() {
		Seller owner = this.sellers.create();
		Http test = this.http.as(owner.test());
		Response product = activeProduct(test, "Private");
		String productId = product.at("/prefixId");
		String productInt = product.at("/id");
		String variantId = product.at("/priceVariants/0/prefixId");
		String variantInt = product.at("/priceVariants/0/id");
		String reviewId = test.post("/v1/reviews", "{\"productId\":\"" + productId + "\",\"rating\":5}")
			.at("/prefixId");
		String reviewInt = test.get("/v1/reviews/" + reviewId).at("/id");

		Http stranger = this.http.as(this.sellers.create().test());
		Http live = this.http.as(owner.live());
		for (Http other : List.of(stranger, live)) {
			for (String path : List.of("/v1/products/" + productId, "/v1/products/" + productInt,
					"/v1/products/private", "/v1/price_variants/" + variantId, "/v1/price_variants/" + variantInt,
					"/v1/reviews/" + reviewId, "/v1/reviews/" + reviewInt, "/v1/price_variants?product_id=" + productId,
					"/v1/reviews?product_id=" + productId)) {
				assertNotFound(other.get(path));
			}
			assertNotFound(other.patch("/v1/products/" + productId, "{\"name\":\"Mine\"}"));
			assertNotFound(other.send("PUT", "/v1/products/" + productId, "{\"name\":\"Mine\"}", "application/json"));
			assertNotFound(other.delete("/v1/products/" + productId));
			assertNotFound(other.patch("/v1/price_variants/" + variantId, "{\"name\":\"Mine\"}"));
			assertNotFound(other.delete("/v1/price_variants/" + variantId));
			assertNotFound(other.patch("/v1/reviews/" + reviewId, "{\"rating\":1}"));
			assertNotFound(other.delete("/v1/reviews/" + reviewId));
			assertThat(
					other
						.post("/v1/price_variants",
								"{\"productId\":\"" + productId
										+ "\",\"name\":\"V\",\"amount\":1,\"currency\":\"USD\"}")
						.at("/error/details/productId/0"))
				.isEqualTo("must exist");
			assertThat(other.post("/v1/reviews", "{\"productId\":\"" + productId + "\",\"rating\":1}")
				.at("/error/details/productId/0")).isEqualTo("must exist");
			assertThat(other.get("/v1/products?status=all").at("/pagination/count")).isEqualTo("0");
			assertThat(other.get("/v1/price_variants").at("/pagination/count")).isEqualTo("0");
			assertThat(other.get("/v1/reviews").at("/pagination/count")).isEqualTo("0");
		}
		// nothing changed for the owner
		assertThat(test.get("/v1/products/" + productId).at("/name")).isEqualTo("Private");
		assertThat(test.get("/v1/reviews/" + reviewId).at("/rating")).isEqualTo("5");
	}

	@Test
	void readTokensReadButDoNotWrite() {
		Seller owner = this.sellers.create();
		String productId = product(this.http.as(owner.test())).at("/prefixId");
		Http reader = this.http.as(owner.token(false, Access.READ));
		assertThat(reader.get("/v1/products/" + productId).status()).isEqualTo(200);
		Response refused = reader.patch("/v1/products/" + productId, "{\"name\":\"No\"}");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.at("/error/type")).isEqualTo("forbidden");
		assertThat(reader.post("/v1/price_variants", "{\"name\":\"x\"}").status()).isEqualTo(403);
		assertThat(reader.delete("/v1/reviews/rev_x").status()).isEqualTo(403);
		assertThat(this.http.as(owner.token(false, Access.WRITE))
			.patch("/v1/products/" + productId, "{\"name\":\"Yes\"}")
			.status()).isEqualTo(200);
	}

	private static void assertNotFound(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.at("/error/type")).isEqualTo("not_found");
	}

}
