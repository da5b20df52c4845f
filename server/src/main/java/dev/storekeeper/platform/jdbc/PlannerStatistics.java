package dev.storekeeper.platform.jdbc;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Says at start when PostgreSQL keeps no planner statistics of its own. Without
 * {@code autovacuum} nothing runs {@code ANALYZE}, and a table that grew from empty is
 * planned as if it had a handful of rows: PostgreSQL then picks the narrowest index that
 * matches, not the selective one. Measured on a growing store: finding a buyer by e-mail
 * at checkout went through the account's index and read every customer of the account
 * (5,900 rows per order at 7,000 customers) instead of the unique e-mail index (one row),
 * and checkouts ran at half the rate. Storekeeper does not run {@code ANALYZE} behind the
 * operator's back; it names the cause and the two remedies.
 */
@Component
class PlannerStatistics implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

	private final DataSource dataSource;

	PlannerStatistics(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) {
		String autovacuum;
		try {
			autovacuum = new JdbcTemplate(this.dataSource)
				.execute((ConnectionCallback<@Nullable String>) (connection) -> {
					if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
						return null;
					}
					try (Statement statement = connection.createStatement();
							ResultSet setting = statement.executeQuery("select current_setting('autovacuum')")) {
						return setting.next() ? setting.getString(1) : null;
					}
				});
		}
		catch (DataAccessException ex) {
			log.debug("Could not read PostgreSQL's autovacuum setting: {}", ex.getMessage());
			return;
		}
		advice(autovacuum).ifPresent(log::warn);
	}

	/** The warning for this value of PostgreSQL's {@code autovacuum} setting, if any. */
	static Optional<String> advice(@Nullable String autovacuum) {
		if (autovacuum != null && "off".equalsIgnoreCase(autovacuum.strip())) {
			return Optional.of("PostgreSQL's autovacuum is off, so nothing keeps the planner's statistics: as tables "
					+ "grow, queries may choose the wrong index and slow down with the data (a buyer found by e-mail at "
					+ "checkout reads every customer of the account). Turn autovacuum on, or run ANALYZE regularly "
					+ "(vacuumdb --analyze-only).");
		}
		return Optional.empty();
	}

}
