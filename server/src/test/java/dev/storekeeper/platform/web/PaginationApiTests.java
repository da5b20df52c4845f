package dev.storekeeper.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

/** The list envelope, over 47 API tokens of one account and mode. */
class PaginationApiTests extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Http fortySevenTokens() {
		Seller seller = this.sellers.create();
		String token = seller.test();
		for (int i = 1; i < 47; i++) {
			seller.token(false, Access.READ);
		}
		seller.token(true, Access.FULL);
		return this.http.as(token);
	}

	@Test
	void firstPageIsExactlyTheSeedsExample() {
		Response page = fortySevenTokens().get("/v1/api_tokens?limit=10");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("pagination")).isEqualTo(JSON.readTree("""
				{"page":1,"pages":5,"count":47,"limit":10,"offset":0,"from":1,"to":10,"in":10,"last":5,
				 "next":2,"previous":null}"""));
		assertThat(page.json().get("items")).hasSize(10);
	}

	@Test
	void lastPageHoldsTheRest() {
		Http http = fortySevenTokens();
		Response page = http.get("/v1/api_tokens?limit=10&page=5");
		JsonNode pagination = page.json().get("pagination");
		assertThat(pagination.get("page").asInt()).isEqualTo(5);
		assertThat(pagination.get("in").asInt()).isEqualTo(7);
		assertThat(pagination.get("from").asInt()).isEqualTo(41);
		assertThat(pagination.get("to").asInt()).isEqualTo(47);
		assertThat(pagination.get("next").isNull()).isTrue();
		assertThat(pagination.get("previous").asInt()).isEqualTo(4);
		assertThat(page.json().get("items")).hasSize(7);

		Response past = http.get("/v1/api_tokens?limit=10&page=6");
		assertThat(past.status()).isEqualTo(200);
		assertThat(past.json().get("items")).isEmpty();
		assertThat(past.json().at("/pagination/in").asInt()).isZero();
		assertThat(past.json().at("/pagination/from").asInt()).isZero();
		assertThat(past.json().at("/pagination/to").asInt()).isZero();
	}

	@Test
	void pagesAreNewestFirstWithoutOverlap() {
		Http http = fortySevenTokens();
		java.util.Set<String> seen = new java.util.HashSet<>();
		String previousCreated = null;
		for (int page = 1; page <= 5; page++) {
			for (JsonNode item : http.get("/v1/api_tokens?limit=10&page=" + page).json().get("items")) {
				assertThat(seen.add(item.get("prefixId").asString())).isTrue();
				String created = item.get("createdAt").asString();
				if (previousCreated != null) {
					assertThat(created).isLessThanOrEqualTo(previousCreated);
				}
				previousCreated = created;
			}
		}
		assertThat(seen).hasSize(47);
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=101", "page=0", "page=x", "limit=-1", "limit=1.5", "page=" })
	void outOfRangeOrNonNumericIsParameterInvalid(String query) {
		Response response = this.http.as(this.sellers.create().test()).get("/v1/api_tokens?" + query);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/error/type")).isEqualTo("parameter_invalid");
	}

}
