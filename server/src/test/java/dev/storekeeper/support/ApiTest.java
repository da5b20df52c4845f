package dev.storekeeper.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of the HTTP tests: the whole server on a random port, on H2 or on the PostgreSQL
 * that {@code DATABASE_URL} names, with a client that checks every response against the
 * OpenAPI contract. All such tests share one application context; each makes its own
 * sellers, so they never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "storekeeper.rate-limit.per-minute=1000000", "storekeeper.rate-limit.burst=100000",
				"storekeeper.webhooks.allow-private-networks=true", "storekeeper.webhooks.poller-enabled=false",
				// one node sees its own changes at once: a long life makes statement
				// counts independent of timing
				"storekeeper.cache-ttl=1h",
				// no scheduled job runs while a test counts statements (the blog tests
				// publish due posts themselves)
				"storekeeper.blog.publish-interval=PT1H", "storekeeper.idempotency.purge-interval=PT1H",
				"storekeeper.billing.poll-interval=PT1H" })
@Import(TestSupportConfiguration.class)
public abstract class ApiTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected Sellers sellers;

	@Autowired
	protected SqlStatements sql;

	/** A client for this server; give it a token with {@link Http#as(String)}. */
	protected Http http;

	@BeforeEach
	void client() {
		this.http = new Http("http://127.0.0.1:" + this.port, null);
	}

}
