package dev.storekeeper.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewApiTests extends CatalogApiTest {

	@Test
	void createsReadsUpdatesAndDeletesReviews() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		String productId = product(client).at("/prefixId");
		Response created = client.post("/v1/reviews", "{\"review\":{\"product_id\":\"" + productId
				+ "\",\"rating\":5,\"content\":\"Great\",\"customer_name\":\"Ada\"}}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.at("/prefixId");
		assertThat(id).startsWith("rev_");
		assertThat(created.header("Location")).isEqualTo("/v1/reviews/" + id);
		assertThat(created.at("/rating")).isEqualTo("5");
		assertThat(created.at("/customerName")).isEqualTo("Ada");
		assertThat(created.at("/position")).isEqualTo("1");
		assertThat(created.json().has("customerImage")).as("no image: omitted, as the reference allows no null there")
			.isFalse();
		assertThat(client.get("/v1/reviews/" + id).json()).isEqualTo(created.json());
		assertThat(client.get("/v1/products/" + productId).at("/reviews/0/prefixId")).isEqualTo(id);
		assertThat(events(seller.account().id())).containsExactly("product.created", "review.created");
		assertThat(lastEvent(seller.account().id(), "review.created")).contains(id);

		Response updated = client.patch("/v1/reviews/" + id, "{\"rating\":3,\"content\":\"Fine\"}");
		assertThat(updated.at("/rating")).isEqualTo("3");
		assertThat(updated.at("/content")).isEqualTo("Fine");
		assertThat(updated.at("/customerName")).isEqualTo("Ada");

		assertThat(client.delete("/v1/reviews/" + id).status()).isEqualTo(200);
		assertThat(client.get("/v1/reviews/" + id).status()).isEqualTo(404);
		assertThat(client.get("/v1/reviews/" + id).at("/error/message")).isEqualTo("Review not found");
	}

	@Test
	void ratingIsAWholeNumberFromOneToFive() {
		Http client = this.http.as(this.sellers.create().test());
		String productId = product(client).at("/prefixId");
		for (int rating = 1; rating <= 5; rating++) {
			assertThat(client.post("/v1/reviews", "{\"productId\":\"" + productId + "\",\"rating\":" + rating + "}")
				.status()).isEqualTo(201);
		}
		assertInvalid(client.post("/v1/reviews", "{\"productId\":\"" + productId + "\",\"rating\":0}"),
				"Rating must be greater than or equal to 1",
				Map.of("rating", List.of("must be greater than or equal to 1")));
		assertInvalid(client.post("/v1/reviews", "{\"productId\":\"" + productId + "\",\"rating\":6}"),
				"Rating must be less than or equal to 5", Map.of("rating", List.of("must be less than or equal to 5")));
		assertInvalid(client.post("/v1/reviews", "{\"productId\":\"" + productId + "\",\"rating\":4.5}"),
				"Rating must be an integer", Map.of("rating", List.of("must be an integer")));
		assertInvalid(client.post("/v1/reviews", "{\"review\":{\"content\":\"x\"}}"),
				"Product can't be blank, Rating can't be blank",
				Map.of("productId", List.of("can't be blank"), "rating", List.of("can't be blank")));
		String id = client.get("/v1/reviews").at("/items/0/prefixId");
		assertInvalid(client.patch("/v1/reviews/" + id, "{\"rating\":9}"), "Rating must be less than or equal to 5",
				Map.of("rating", List.of("must be less than or equal to 5")));
		assertThat(client.get("/v1/reviews/" + id).at("/rating")).isEqualTo("1");
	}

	@Test
	void listsByPositionAndFiltersByProduct() {
		Http client = this.http.as(this.sellers.create().test());
		String first = product(client).at("/prefixId");
		String other = product(client).at("/prefixId");
		String late = client.post("/v1/reviews", "{\"productId\":\"" + first + "\",\"rating\":4,\"position\":8}")
			.at("/prefixId");
		String early = client.post("/v1/reviews", "{\"productId\":\"" + first + "\",\"rating\":4,\"position\":2}")
			.at("/prefixId");
		String next = client.post("/v1/reviews", "{\"productId\":\"" + other + "\",\"rating\":4}").at("/prefixId");
		assertThat(client.get("/v1/reviews")
			.json()
			.get("items")
			.valueStream()
			.map((review) -> review.get("prefixId").asString())).containsExactly(next, early, late);
		assertThat(client.get("/v1/reviews?product_id=" + first)
			.json()
			.get("items")
			.valueStream()
			.map((review) -> review.get("prefixId").asString())).containsExactly(early, late);
		assertThat(client.get("/v1/products/" + first)
			.json()
			.get("reviews")
			.valueStream()
			.map((review) -> review.get("prefixId").asString())).containsExactly(early, late);
		assertThat(client.get("/v1/reviews?product_id=prod_missing").status()).isEqualTo(404);
		String foreign = product(this.http.as(this.sellers.create().test())).at("/prefixId");
		assertInvalid(client.post("/v1/reviews", "{\"productId\":\"" + foreign + "\",\"rating\":4}"),
				"Product must exist", Map.of("productId", List.of("must exist")));
	}

}
