package dev.storekeeper.checkout;

import java.sql.Connection;

import javax.sql.DataSource;

import dev.storekeeper.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer's checkout is found by its client secret (or its processor's) through the
 * secrets' unique indexes, on every confirm and every read of the hosted page: never by
 * reading all the checkouts of the server, which grows each confirm's cost with the
 * server's history. The databases say so in their plans.
 */
class SecretLookupApiTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aCheckoutIsFoundByEitherSecretThroughTheSecretsIndexes() throws Exception {
		String database;
		try (Connection connection = this.dataSource.getConnection()) {
			database = connection.getMetaData().getDatabaseProductName();
		}
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		String lookup = "explain select id, account_id, livemode from checkouts"
				+ CheckoutRepository.WITH_SECRET.replace(":secret", "'cs_test_unknown'");
		String plan = this.transactions.execute((status) -> {
			if (!database.equals("H2")) {
				// PostgreSQL reads a small table whole when it is cheaper: the plan
				// says whether an index can serve the lookup at all
				jdbc.execute("set local enable_seqscan = off");
			}
			return String.join("\n", jdbc.queryForList(lookup, String.class));
		});
		if (database.equals("H2")) {
			assertThat(plan).doesNotContainIgnoringCase("tableScan");
		}
		else {
			assertThat(plan).doesNotContain("Seq Scan");
		}
		assertThat(plan).containsIgnoringCase("client_secret").containsIgnoringCase("processor_client_secret");
	}

}
