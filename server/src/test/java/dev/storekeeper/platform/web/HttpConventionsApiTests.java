package dev.storekeeper.platform.web;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

class HttpConventionsApiTests extends ApiTest {

	private Http seller() {
		return this.http.as(this.sellers.create().test());
	}

	@Test
	void unknownRoutesAreJson404s() {
		Response response = seller().get("/v1/no_such_things");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.at("/error/type")).isEqualTo("not_found");
		assertThat(this.http.get("/nothing/here").at("/error/type")).isEqualTo("not_found");
	}

	@Test
	void wrongMethodsAre405WithAllow() {
		Response response = seller().delete("/v1/account");
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.at("/error/type")).isEqualTo("method_not_allowed");
		assertThat(response.header("Allow")).contains("GET").contains("PATCH");
	}

	@Test
	void anAcceptThatExcludesJsonIs406() {
		Response response = seller().header("Accept", "text/html").get("/v1/account");
		assertThat(response.status()).isEqualTo(406);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.at("/error/type")).isEqualTo("not_acceptable");
		assertThat(seller().header("Accept", "application/json, text/html").get("/v1/account").status()).isEqualTo(200);
	}

	@Test
	void nonJsonBodiesAre415() {
		Response response = seller().send("PATCH", "/v1/account", "name=x", "application/x-www-form-urlencoded");
		assertThat(response.status()).isEqualTo(415);
		assertThat(response.at("/error/type")).isEqualTo("unsupported_media_type");
	}

	@Test
	void bodiesOverOneMebibyteAre413() {
		String huge = "{\"name\":\"" + "a".repeat(BodyLimit.MAX_BYTES) + "\"}";
		Response response = seller().patch("/v1/account", huge);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.at("/error/type")).isEqualTo("payload_too_large");
	}

	@Test
	void requestIdsAreEchoedWhenSaneAndMadeOtherwise() {
		Http http = seller();
		assertThat(http.header("X-Request-Id", "trace-42.a").get("/v1/account").header("X-Request-Id"))
			.isEqualTo("trace-42.a");
		assertThat(http.header("X-Request-Id", "bad id with spaces").get("/v1/account").header("X-Request-Id"))
			.startsWith("req_");
		assertThat(this.http.get("/v1/account").header("X-Request-Id")).startsWith("req_");
	}

	@Test
	void bodiesMayBeWrappedOrNotInEitherCase() {
		Http http = seller();
		assertThat(http.patch("/v1/account", "{\"account\":{\"availableSupportEmail\":\"a@b.co\"}}")
			.at("/availableSupportEmail")).isEqualTo("a@b.co");
		assertThat(http.patch("/v1/account", "{\"available_support_email\":\"c@d.co\"}").at("/availableSupportEmail"))
			.isEqualTo("c@d.co");
		assertThat(http.patch("/v1/account", "{\"account\":\"nope\"}").status()).isEqualTo(422);
	}

	@Test
	void healthMetricsAndTheContractArePublic() {
		Response health = this.http.get("/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.at("/status")).isEqualTo("UP");
		Response metrics = this.http.get("/metrics");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		// requests are timed by route once answered (the timer is recorded just after
		// the answer's last byte, so a later scrape shows it)
		String timed = "http_server_requests_seconds_count{application=\"storekeeper\",method=\"GET\","
				+ "outcome=\"SUCCESS\",status=\"200\",uri=\"/health\"}";
		for (int scrape = 0; scrape < 50 && !metrics.body().contains(timed); scrape++) {
			metrics = this.http.get("/metrics");
		}
		assertThat(metrics.body()).contains(timed);
		Response contract = this.http.get("/v1/openapi.json");
		assertThat(contract.status()).isEqualTo(200);
		assertThat(contract.at("/openapi")).isEqualTo("3.0.3");
		assertThat(contract.json().at("/paths").has("/v1/account")).isTrue();
	}

	@Test
	void timestampsAreUtcToTheSecond() {
		assertThat(seller().get("/v1/account").at("/createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
	}

}
