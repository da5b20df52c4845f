package dev.storekeeper.platform.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyApiTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReplayedPostGivesTheSameStatusAndBody() {
		Http http = this.http.as(this.sellers.create().test()).header("Idempotency-Key", "key-1");
		Response first = http.patch("/v1/account", "{\"name\":\"Once\"}");
		Response second = http.patch("/v1/account", "{\"name\":\"Once\"}");
		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
	}

	@Test
	void aReplayedCreationMakesNothingNew() {
		Seller seller = this.sellers.create();
		String admin = seller.test();
		Http http = this.http.as(admin).header("Idempotency-Key", "create-once");
		Response first = http.post("/v1/api_tokens", "{\"name\":\"Once\"}");
		Response second = http.post("/v1/api_tokens", "{\"name\":\"Once\"}");
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.at("/prefixId")).isEqualTo(first.at("/prefixId"));
		assertThat(second.header("Location")).isEqualTo(first.header("Location"));
		assertThat(this.http.as(admin).get("/v1/api_tokens").at("/pagination/count")).isEqualTo("2");
	}

	@Test
	void failuresAreReplayedToo() {
		Http http = this.http.as(this.sellers.create().test()).header("Idempotency-Key", "bad-once");
		Response first = http.patch("/v1/account", "{\"name\":\"\"}");
		Response second = http.patch("/v1/account", "{\"name\":\"\"}");
		assertThat(first.status()).isEqualTo(422);
		assertThat(second.status()).isEqualTo(422);
		assertThat(second.body()).isEqualTo(first.body());
	}

	@Test
	void theSameKeyWithAnotherRequestIsRefused() {
		Http http = this.http.as(this.sellers.create().test()).header("Idempotency-Key", "key-2");
		http.patch("/v1/account", "{\"name\":\"First\"}");
		Response other = http.patch("/v1/account", "{\"name\":\"Second\"}");
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.at("/error/type")).isEqualTo("idempotency_error");
		Response otherPath = http.post("/v1/api_tokens", "{\"name\":\"First\"}");
		assertThat(otherPath.status()).isEqualTo(422);
	}

	@Test
	void keysBelongToOneAccountAndMode() {
		Seller seller = this.sellers.create();
		Response test = this.http.as(seller.test())
			.header("Idempotency-Key", "shared")
			.patch("/v1/account", "{\"name\":\"Test\"}");
		Response live = this.http.as(seller.live())
			.header("Idempotency-Key", "shared")
			.patch("/v1/account", "{\"name\":\"Live\"}");
		assertThat(test.status()).isEqualTo(200);
		assertThat(live.status()).isEqualTo(200);
		assertThat(live.header("Idempotent-Replayed")).isNull();
		assertThat(live.at("/name")).isEqualTo("Live");
	}

	@Test
	void aKeyStillInFlightIsAConflict() {
		Seller seller = this.sellers.create();
		this.jdbc.sql("""
				insert into idempotency_keys (account_id, livemode, idem_key, fingerprint, state, created_at)
				values (:account, false, 'in-flight', 'x', 'running', :now)
				""").param("account", seller.account().id()).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
		Response response = this.http.as(seller.test())
			.header("Idempotency-Key", "in-flight")
			.patch("/v1/account", "{\"name\":\"x\"}");
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.at("/error/type")).isEqualTo("conflict");
	}

	@Test
	void keysExpireAfterADay() {
		Seller seller = this.sellers.create();
		this.jdbc
			.sql("""
					insert into idempotency_keys (account_id, livemode, idem_key, fingerprint, state, status, body, created_at)
					values (:account, false, 'old', 'x', 'done', 200, '{}', :then)
					""")
			.param("account", seller.account().id())
			.param("then", OffsetDateTime.now(ZoneOffset.UTC).minusHours(25))
			.update();
		Response response = this.http.as(seller.test())
			.header("Idempotency-Key", "old")
			.patch("/v1/account", "{\"name\":\"Fresh\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.at("/name")).isEqualTo("Fresh");
	}

	@Test
	void overlongKeysAreRefused() {
		Response response = this.http.as(this.sellers.create().test())
			.header("Idempotency-Key", "k".repeat(256))
			.patch("/v1/account", "{\"name\":\"x\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/error/type")).isEqualTo("parameter_invalid");
	}

}
