package dev.storekeeper.platform.jdbc;

import java.sql.Connection;

import javax.sql.DataSource;

import dev.storekeeper.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No statement runs longer than 30 s, on either database: the database itself enforces it
 * on every pooled connection (not a JDBC query timeout, which costs the PostgreSQL driver
 * a task in its one shared timer per statement).
 */
class StatementTimeoutApiTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate applications;

	@Test
	void everyPooledConnectionStopsAStatementAfterThirtySeconds() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		String product;
		try (Connection connection = this.dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName();
		}
		if (product.equals("PostgreSQL")) {
			assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("30s");
		}
		else {
			assertThat(jdbc.queryForObject(
					"select setting_value from information_schema.settings where setting_name = 'QUERY_TIMEOUT'",
					String.class))
				.isEqualTo("30000");
		}
		// and none set per statement by the application's own template
		assertThat(this.applications.getQueryTimeout()).isEqualTo(-1);
	}

}
