package dev.storekeeper.accounts;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Sellers.Seller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's cache of tokens keeps each for its time to live from when it was read, however
 * often it is used: a token deleted where this node did not hear of it (another node
 * whose notice was lost) is refused here too once that time has passed, even while in
 * use.
 */
@TestPropertySource(properties = "storekeeper.cache-ttl=300ms")
class TokenCacheLifetimeApiTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenInConstantUseIsStillReadAgainOnceItsTimeToLiveHasPassed() throws InterruptedException {
		Seller seller = this.sellers.create();
		Http caller = this.http.as(seller.test());
		// in use, past the time to live of its first reading
		for (int request = 0; request < 60; request++) {
			assertThat(caller.get("/v1/account").status()).isEqualTo(200);
			Thread.sleep(10);
		}
		// deleted behind this node's back: no change goes through its cache
		this.jdbc.sql("delete from api_tokens where account_id = ?").param(seller.account().id()).update();
		int status = 200;
		for (int attempt = 0; attempt < 500 && status == 200; attempt++) {
			status = caller.get("/v1/account").status();
			Thread.sleep(10);
		}
		assertThat(status).isEqualTo(401);
	}

}
