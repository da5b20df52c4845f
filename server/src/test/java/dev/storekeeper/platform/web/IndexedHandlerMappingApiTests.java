package dev.storekeeper.platform.web;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class IndexedHandlerMappingApiTests extends ApiTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void aRequestIsMatchedAgainstTheMappingsItsPathCanReachOnly() {
		assertThat(this.mapping).isInstanceOf(IndexedHandlerMapping.class);
		IndexedHandlerMapping indexed = (IndexedHandlerMapping) this.mapping;
		assertThat(indexed.getHandlerMethods()).hasSizeGreaterThan(100);
		assertThat(indexed.candidates("/v1/products/prod_1")).isBetween(1, 20);
	}

	@Test
	void thePathsOfTheActuatorReachNoRouteOfTheApiAndAreAnsweredByIt() {
		IndexedHandlerMapping indexed = (IndexedHandlerMapping) this.mapping;
		assertThat(indexed.candidates("/health")).isZero();
		assertThat(indexed.candidates("/metrics")).isZero();
		assertThat(this.http.get("/health").status()).isEqualTo(200);
		assertThat(this.http.get("/health").at("/status")).isEqualTo("UP");
		assertThat(this.http.get("/metrics").body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void routesAnswerAsSpringsFullLookupDoes() {
		Http seller = this.http.as(this.sellers.create().test());
		// a literal path wins over the pattern beside it
		assertThat(seller.get("/v1/webhook_endpoints/events").status()).isEqualTo(200);
		assertThat(seller.get("/v1/webhook_endpoints/we_missing").at("/error/type")).isEqualTo("not_found");
		String product = seller.post("/v1/products", "{\"name\":\"Routed\"}").at("/prefixId");
		assertThat(seller.get("/v1/products/" + product).at("/name")).isEqualTo("Routed");
		// encoded and matrix paths take Spring's own lookup, with the same answer
		assertThat(seller.get("/v1/pro%64ucts/" + product).status()).isIn(200, 400, 404);
		assertThat(seller.get("/v1/products/" + product + ";x=1").status()).isIn(200, 400, 404);
		// no match, a wrong method: Spring's 404 and 405
		assertThat(seller.get("/v1/nothing/here").status()).isEqualTo(404);
		assertThat(seller.post("/v1/products/" + product, "{}").status()).isEqualTo(405);
	}

	@Test
	void theLiteralStartOfAPatternEndsAtItsFirstVariableOrWildcard() {
		assertThat(IndexedHandlerMapping.literalPrefix("/v1/products/{id}")).isEqualTo("/v1/products");
		assertThat(IndexedHandlerMapping.literalPrefix("/v1/products")).isEqualTo("/v1/products");
		assertThat(IndexedHandlerMapping.literalPrefix("/p/{sub}/{slug}")).isEqualTo("/p");
		assertThat(IndexedHandlerMapping.literalPrefix("/{*path}")).isEmpty();
		assertThat(IndexedHandlerMapping.literalPrefix("/")).isEmpty();
		assertThat(IndexedHandlerMapping.literalPrefix("/files/*.png")).isEqualTo("/files");
	}

}
