package dev.storekeeper.platform.jdbc;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.web.Ids;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.storekeeper.StorekeeperApplication;
import dev.storekeeper.accounts.Account;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.accounts.ApiToken;
import dev.storekeeper.accounts.ApiTokens;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.ServerProcess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two servers on one database, each trusting what it read of tokens, accounts and the
 * catalog for an hour: a change on node A is seen on node B only because A told B,
 * through PostgreSQL's {@code LISTEN/NOTIFY} (when the suite runs on PostgreSQL) or Redis
 * pub/sub (on either database).
 */
class TwoNodesIntegrationTests {

	private static final String REDIS = "redis://127.0.0.1:6379";

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@TempDir
	Path dataDir;

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aChangeOnOneNodeIsSeenOnTheOtherThroughPostgresNotifications() {
		Assumptions.assumeTrue(ServerProcess.onPostgres(),
				"LISTEN/NOTIFY needs PostgreSQL: this runs when the suite runs with DATABASE_URL (the Redis variant "
						+ "runs on H2)");
		changesOnASeenOnB("");
	}

	@Test
	void aChangeOnOneNodeIsSeenOnTheOtherThroughRedis() {
		try (RedisClient client = RedisClient.create(REDIS); var connection = client.connect()) {
			connection.sync().ping();
		}
		catch (RuntimeException ex) {
			fail("Redis must run at 127.0.0.1:6379 for this test: " + ex.getMessage());
		}
		changesOnASeenOnB(REDIS);
	}

	private void changesOnASeenOnB(String redisUrl) {
		ConfigurableApplicationContext a = node(redisUrl);
		ConfigurableApplicationContext b = node(redisUrl);
		Account account = a.getBean(Accounts.class)
			.create("Two nodes", "two" + Ids.random(10).toLowerCase(java.util.Locale.ROOT), null);
		ApiTokens tokens = a.getBean(ApiTokens.class);
		String admin = tokens.issue(account.id(), false, "admin", Access.FULL).secret();
		ApiToken.Issued revoked = tokens.issue(account.id(), false, "to revoke", Access.READ);
		Http onA = http(a).as(admin);
		Http onB = http(b).as(admin);
		String product = onA.post("/v1/products", "{\"name\":\"Before\"}").at("/prefixId");

		// B reads, and caches for an hour, the token, the account and the product
		assertThat(http(b).as(revoked.secret()).get("/v1/account").status()).isEqualTo(200);
		assertThat(onB.get("/v1/account").at("/name")).isEqualTo("Two nodes");
		assertThat(onB.get("/v1/products/" + product).at("/name")).isEqualTo("Before");
		double heardBefore = invalidationsReceived(b, "tokens");

		assertThat(onA.delete("/v1/api_tokens/" + revoked.token().prefixId()).status()).isEqualTo(200);
		assertThat(onA.patch("/v1/account", "{\"name\":\"Renamed\"}").status()).isEqualTo(200);
		assertThat(onA.patch("/v1/products/" + product, "{\"name\":\"After\"}").status()).isEqualTo(200);

		// only A's message can explain B's seeing these within the cache's hour
		awaitOnB("the revoked token refused", () -> http(b).as(revoked.secret()).get("/v1/account"),
				(response) -> response.status() == 401);
		awaitOnB("the account's new name", () -> onB.get("/v1/account"),
				(response) -> response.at("/name").equals("Renamed"));
		awaitOnB("the product's new name", () -> onB.get("/v1/products/" + product),
				(response) -> response.at("/name").equals("After"));
		assertThat(invalidationsReceived(b, "tokens")).isGreaterThan(heardBefore);
		assertThat(onB.get("/metrics").body()).contains("storekeeper_cache_invalidations_received_total{")
			.contains("cache=\"tokens\"");
	}

	private ConfigurableApplicationContext node(String redisUrl) {
		// command-line arguments, which outrank application.yml and the environment
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StorekeeperApplication.class).run(
				"--server.port=0", "--storekeeper.cache-ttl=1h", "--storekeeper.redis-url=" + redisUrl,
				"--storekeeper.data-dir=" + this.dataDir, "--storekeeper.webhooks.poller-enabled=false",
				"--storekeeper.rate-limit.per-minute=0", "--storekeeper.database-pool-size=3",
				"--spring.main.banner-mode=off", "--spring.main.log-startup-info=false");
		this.nodes.add(context);
		return context;
	}

	private static Http http(ConfigurableApplicationContext node) {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		return new Http("http://127.0.0.1:" + port, null);
	}

	private static double invalidationsReceived(ConfigurableApplicationContext node, String cache) {
		return node.getBean(MeterRegistry.class)
			.get("storekeeper.cache.invalidations.received")
			.tag("cache", cache)
			.counter()
			.count();
	}

	/** Asks B until it answers as expected, for at most ten seconds. */
	private static void awaitOnB(String what, java.util.function.Supplier<Response> request,
			Predicate<Response> expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		Response last = request.get();
		while (!expected.test(last) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			last = request.get();
		}
		assertThat(expected.test(last))
			.as("node B shows " + what + "; last answer " + last.status() + " " + last.body())
			.isTrue();
	}

}
