package dev.storekeeper.catalog;

import java.util.List;
import java.util.Map;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared steps of the catalog's HTTP tests: making products and variants, reading the
 * outbox.
 */
abstract class CatalogApiTest extends ApiTest {

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected Catalog catalog;

	/** A draft product, created through the API. */
	protected Response product(Http client, String json) {
		Response response = client.post("/v1/products", json);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	protected Response product(Http client) {
		return product(client, "{\"product\":{\"name\":\"Course\"}}");
	}

	/** A one-time variant of {@code productId} for 19.00 USD. */
	/**
	 * A written experience of the client's account and mode, which price variants may
	 * grant.
	 */
	protected Response experience(Http client, String name) {
		Response experience = client.post("/v1/experiences",
				"{\"name\":\"" + name + "\",\"itemType\":\"written\",\"content\":{\"bodyHtml\":\"<p>Hi</p>\"}}");
		org.assertj.core.api.Assertions.assertThat(experience.status()).isEqualTo(201);
		return experience;
	}

	protected Response variant(Http client, String productId) {
		return variant(client, productId, "");
	}

	/** A variant of {@code productId} with extra JSON fields ({@code ,"a":1} form). */
	protected Response variant(Http client, String productId, String extra) {
		Response response = client.post("/v1/price_variants", "{\"priceVariant\":{\"productId\":\"" + productId
				+ "\",\"name\":\"Standard\",\"amount\":1900,\"currency\":\"usd\"" + extra + "}}");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	/** An active product with one variant. */
	protected Response activeProduct(Http client, String name) {
		String id = product(client, "{\"name\":\"" + name + "\"}").at("/prefixId");
		variant(client, id);
		Response response = client.patch("/v1/products/" + id, "{\"status\":\"active\"}");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	/** The types of the events recorded for an account, oldest first. */
	protected List<String> events(long accountId) {
		return this.jdbc.sql("select type from events where account_id = :id order by id")
			.param("id", accountId)
			.query(String.class)
			.list();
	}

	/** The data of the last event of {@code type} for an account. */
	protected String lastEvent(long accountId, String type) {
		return this.jdbc.sql("select data from events where account_id = :id and type = :type order by id desc")
			.param("id", accountId)
			.param("type", type)
			.query(String.class)
			.list()
			.get(0);
	}

	/** Asserts a 422 validation error with exactly these details. */
	protected static void assertInvalid(Response response, String message, Map<String, List<String>> details) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.at("/error/type")).isEqualTo("validation_error");
		assertThat(response.at("/error/message")).isEqualTo(message);
		Map<String, List<String>> actual = new java.util.LinkedHashMap<>();
		response.json()
			.get("error")
			.get("details")
			.properties()
			.forEach((entry) -> actual.put(entry.getKey(),
					entry.getValue().valueStream().map((node) -> node.asString()).toList()));
		assertThat(actual).isEqualTo(details);
	}

}
