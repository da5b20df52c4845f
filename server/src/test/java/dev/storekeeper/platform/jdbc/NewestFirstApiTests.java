package dev.storekeeper.platform.jdbc;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import dev.storekeeper.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A list's page is read from its index in the page's order, not sorted from every row of
 * the account: what {@link Scoped#newestFirst(String)} is for. H2 says so in its plan; on
 * PostgreSQL, which plans the order either way, there is nothing of this to check.
 */
class NewestFirstApiTests extends ApiTest {

	/** The tables whose lists' index is (account_id, livemode, created_at, id). */
	private static final List<String> LISTED = List.of("orders", "refunds", "customers", "discounts", "categories",
			"checkout_links", "webhook_endpoints", "webhook_deliveries");

	@Autowired
	DataSource dataSource;

	@Test
	void everyListIsReadInItsOrderFromItsIndexOnH2() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			assumeTrue(connection.getMetaData().getDatabaseProductName().equals("H2"),
					"H2's plans only: PostgreSQL plans the order of a page either way");
		}
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		for (String table : LISTED) {
			String page = "select t.id from " + table + " t where t.account_id = 1 and t.livemode = false"
					+ Scoped.newestFirst("t").replace(":limit", "100").replace(":offset", "0");
			String plan = String.join("\n", jdbc.queryForList("explain " + page, String.class));
			assertThat(plan).as(table).contains(table + "_account").contains("/* index sorted */");
		}
	}

}
