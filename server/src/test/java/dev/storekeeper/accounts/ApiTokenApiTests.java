package dev.storekeeper.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ApiTokenApiTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsATokenThatWorksAtOnceAndIsShownOnce(CapturedOutput output) {
		Seller seller = this.sellers.create();
		Response created = this.http.as(seller.live())
			.post("/v1/api_tokens", "{\"apiToken\":{\"name\":\"Storefront\",\"access\":\"read\"}}");
		assertThat(created.status()).isEqualTo(201);
		String secret = created.at("/token");
		assertThat(secret).matches("sk_live_[0-9A-Za-z]{38}");
		assertThat(created.at("/access")).isEqualTo("read");
		assertThat(created.at("/livemode")).isEqualTo("true");
		assertThat(created.at("/redacted")).isEqualTo("sk_live_…" + secret.substring(secret.length() - 4));
		assertThat(created.header("Location")).isEqualTo("/v1/api_tokens/" + created.at("/prefixId"));

		assertThat(this.http.as(secret).get("/v1/account").status()).isEqualTo(200);
		Response listed = this.http.as(seller.live()).get("/v1/api_tokens");
		assertThat(listed.body()).doesNotContain(secret);
		assertThat(listed.json().at("/items/0/token").isNull()).isTrue();
		Response fetched = this.http.as(seller.live()).get("/v1/api_tokens/" + created.at("/prefixId"));
		assertThat(fetched.at("/name")).isEqualTo("Storefront");
		assertThat(fetched.body()).doesNotContain(secret);

		Response idempotent = this.http.as(seller.live())
			.header("Idempotency-Key", "create-token-" + seller.account().prefixId())
			.post("/v1/api_tokens", "{\"name\":\"Retried\"}");
		String idempotentSecret = idempotent.at("/token");
		Response replayed = this.http.as(seller.live())
			.header("Idempotency-Key", "create-token-" + seller.account().prefixId())
			.post("/v1/api_tokens", "{\"name\":\"Retried\"}");
		assertThat(replayed.status()).isEqualTo(201);
		assertThat(replayed.at("/prefixId")).isEqualTo(idempotent.at("/prefixId"));
		assertThat(replayed.at("/token")).isEqualTo(idempotentSecret);
		assertThat(replayed.body()).isEqualTo(idempotent.body());
		assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.http.as(idempotentSecret).get("/v1/account").status()).isEqualTo(200);

		// the stored first response is encrypted at rest, and a token without full access
		// cannot read it back
		assertThat(this.http.as(seller.token(true, Access.READ))
			.header("Idempotency-Key", "create-token-" + seller.account().prefixId())
			.post("/v1/api_tokens", "{\"name\":\"Retried\"}")
			.status()).isEqualTo(403);
		Response byWrite = this.http.as(seller.token(true, Access.WRITE))
			.header("Idempotency-Key", "create-token-" + seller.account().prefixId())
			.post("/v1/api_tokens", "{\"name\":\"Retried\"}");
		assertThat(byWrite.status()).isEqualTo(403);
		assertThat(byWrite.body()).doesNotContain(idempotentSecret);

		assertThat(everyStoredValue()).noneMatch((value) -> value.contains(secret) || value.contains(idempotentSecret));
		assertThat(output.getAll()).doesNotContain(secret).doesNotContain(idempotentSecret);
	}

	@Test
	void aDeletedTokenIsRefusedAtOnce() {
		Seller seller = this.sellers.create();
		String admin = seller.test();
		Response created = this.http.as(admin).post("/v1/api_tokens", "{\"name\":\"Short-lived\"}");
		String secret = created.at("/token");
		assertThat(this.http.as(secret).get("/v1/account").status()).isEqualTo(200);

		Response deleted = this.http.as(admin).delete("/v1/api_tokens/" + created.at("/prefixId"));
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.at("/prefixId")).isEqualTo(created.at("/prefixId"));
		assertThat(deleted.at("/deleted")).isEqualTo("true");
		assertThat(deleted.body()).doesNotContain(secret);
		Response refused = this.http.as(secret).get("/v1/account");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.at("/error/type")).isEqualTo("unauthorized");
		assertThat(this.http.as(admin).delete("/v1/api_tokens/" + created.at("/prefixId")).status()).isEqualTo(404);
	}

	@Test
	void accessLevelsAreEnforced() {
		Seller seller = this.sellers.create();
		String read = seller.token(false, Access.READ);
		String write = seller.token(false, Access.WRITE);

		assertThat(this.http.as(read).get("/v1/account").status()).isEqualTo(200);
		Response forbidden = this.http.as(read).patch("/v1/account", "{\"name\":\"No\"}");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.at("/error/type")).isEqualTo("forbidden");
		assertThat(this.http.as(read).post("/v1/api_tokens", "{\"name\":\"x\"}").status()).isEqualTo(403);
		assertThat(this.http.as(write).post("/v1/api_tokens", "{\"name\":\"x\"}").status()).isEqualTo(403);
		assertThat(this.http.as(write).get("/v1/api_tokens").status()).isEqualTo(403);
		assertThat(this.http.as(seller.test()).get("/v1/api_tokens").status()).isEqualTo(200);
	}

	@Test
	void modesNeverSeeEachOther() {
		Seller seller = this.sellers.create();
		Response liveToken = this.http.as(seller.live()).post("/v1/api_tokens", "{\"name\":\"live one\"}");
		Response testToken = this.http.as(seller.test()).post("/v1/api_tokens", "{\"name\":\"test one\"}");
		assertThat(testToken.at("/token")).startsWith("sk_test_");

		assertThat(this.http.as(seller.test()).get("/v1/api_tokens/" + liveToken.at("/prefixId")).status())
			.isEqualTo(404);
		assertThat(this.http.as(seller.live()).get("/v1/api_tokens/" + testToken.at("/prefixId")).status())
			.isEqualTo(404);
		assertThat(this.http.as(seller.test()).get("/v1/api_tokens?limit=100").body())
			.doesNotContain(liveToken.at("/prefixId"));
		assertThat(this.http.as(seller.test()).delete("/v1/api_tokens/" + liveToken.at("/prefixId")).status())
			.isEqualTo(404);

		Seller other = this.sellers.create();
		assertThat(this.http.as(other.live()).get("/v1/api_tokens/" + liveToken.at("/prefixId")).status())
			.isEqualTo(404);
	}

	@Test
	void invalidTokensAreRefusedWithoutDetail() {
		Seller seller = this.sellers.create();
		String good = seller.test();
		String typo = good.substring(0, good.length() - 1) + (good.endsWith("a") ? "b" : "a");
		for (String token : List.of(typo, "sk_test_nope", "Bearer", good.replace("sk_test_", "sk_live_"))) {
			Response response = this.http.as(token).get("/v1/account");
			assertThat(response.status()).as(token).isEqualTo(401);
		}
		assertThat(this.http.header("Authorization", "Basic Zm9vOmJhcg==").get("/v1/account").status()).isEqualTo(401);
	}

	@Test
	void creationIsValidated() {
		Seller seller = this.sellers.create();
		Response invalid = this.http.as(seller.test()).post("/v1/api_tokens", "{\"name\":\" \",\"access\":\"root\"}");
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.at("/error/message")).isEqualTo("Access is not included in the list");
		Response blank = this.http.as(seller.test()).post("/v1/api_tokens", "{\"api_token\":{\"name\":\"\"}}");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.json().at("/error/details/name/0").asString()).isEqualTo("can't be blank");
		Response missing = this.http.as(seller.test()).post("/v1/api_tokens", null);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.at("/error/type")).isEqualTo("parameter_missing");
	}

	@Test
	void lastUsedAtIsRecorded() throws InterruptedException {
		Seller seller = this.sellers.create();
		String token = seller.test();
		this.http.as(token).get("/v1/account");
		String prefixId = this.http.as(token).get("/v1/api_tokens").at("/items/0/prefixId");
		long deadline = System.nanoTime() + 5_000_000_000L;
		String lastUsed = "";
		while (lastUsed.isEmpty() && System.nanoTime() < deadline) {
			lastUsed = this.http.as(token).get("/v1/api_tokens/" + prefixId).at("/lastUsedAt");
			if (lastUsed.isEmpty()) {
				Thread.sleep(20);
			}
		}
		assertThat(lastUsed).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
	}

	private List<String> everyStoredValue() {
		List<String> values = new ArrayList<>();
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where lower(table_schema) = 'public'"
					+ " and table_type in ('BASE TABLE', 'TABLE')")
			.query(String.class)
			.list();
		assertThat(tables).contains("api_tokens", "accounts");
		for (String table : tables) {
			for (Map<String, Object> row : this.jdbc.sql("select * from " + table).query().listOfRows()) {
				row.values().forEach((value) -> values.add(String.valueOf(value)));
			}
		}
		return values;
	}

}
