package dev.storekeeper.accounts;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

class AccountApiTests extends ApiTest {

	@Test
	void getsTheCallersAccount() {
		Seller seller = this.sellers.create();
		Response response = this.http.as(seller.test()).get("/v1/account");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.at("/prefixId")).isEqualTo(seller.account().prefixId());
		assertThat(response.at("/subdomain")).isEqualTo(seller.account().subdomain());
		assertThat(response.header("X-Request-Id")).isNotBlank();
	}

	@Test
	void theLookOfThePublicPagesIsABrandColourAndAPicture() {
		Seller seller = this.sellers.create();
		Response invalid = this.http.as(seller.live())
			.patch("/v1/account", "{\"brandColor\":\"green\",\"avatarUrl\":\"http://cdn.example/me.png\"}");
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().at("/error/details/brandColor/0").asString())
			.isEqualTo("must be a colour such as #1a7f37");
		assertThat(invalid.json().at("/error/details/avatarUrl/0").asString()).isEqualTo("must be an https URL");
		assertThat(this.http.as(seller.live()).get("/v1/account").json().path("brandColor").isNull()).isTrue();

		Response updated = this.http.as(seller.live())
			.patch("/v1/account", "{\"brandColor\":\"#1A7F37\",\"avatarUrl\":\"https://cdn.example/me.png\"}");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.at("/brandColor")).isEqualTo("#1a7f37");
		assertThat(updated.at("/avatar/src")).isEqualTo("https://cdn.example/me.png");
		// one account for both modes: the test token sees the same look
		assertThat(this.http.as(seller.test()).get("/v1/account").at("/brandColor")).isEqualTo("#1a7f37");

		Response cleared = this.http.as(seller.live()).patch("/v1/account", "{\"brandColor\":null,\"avatarUrl\":\"\"}");
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().path("brandColor").isNull()).isTrue();
		assertThat(cleared.json().path("avatar").isNull() || cleared.json().path("avatar").isMissingNode()).isTrue();
	}

	@Test
	void withoutATokenIs401() {
		Response response = this.http.get("/v1/account");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.at("/error/type")).isEqualTo("unauthorized");
	}

	@Test
	void updatesWithRailsStyleErrors() {
		Seller seller = this.sellers.create();
		Response invalid = this.http.as(seller.live())
			.patch("/v1/account", "{\"account\":{\"name\":\"\",\"available_support_email\":\"nope\"}}");
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.at("/error/message")).isEqualTo("Name can't be blank, Available support email is invalid");
		assertThat(invalid.json().at("/error/details/name/0").asString()).isEqualTo("can't be blank");

		Response updated = this.http.as(seller.live())
			.patch("/v1/account", "{\"name\":\"Renamed\",\"availableSupportEmail\":\"help@example.com\","
					+ "\"socialLinks\":[{\"name\":\"Site\",\"url\":\"https://example.com\"}]}");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.at("/name")).isEqualTo("Renamed");
		assertThat(updated.at("/socialLinks/0/url")).isEqualTo("https://example.com");
		assertThat(this.http.as(seller.test()).get("/v1/account").at("/name")).isEqualTo("Renamed");
	}

}
