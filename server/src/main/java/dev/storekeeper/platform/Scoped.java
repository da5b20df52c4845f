package dev.storekeeper.platform;

import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statements over one account's rows in one mode, as every resource's list runs them:
 * {@code :accountId} and {@code :livemode} bound, a page by {@code :limit} and
 * {@code :offset}.
 */
public final class Scoped {

	private Scoped() {
	}

	/** How many rows {@code countSql} counts for the account and mode. */
	public static long count(JdbcClient jdbc, String countSql, long accountId, boolean livemode) {
		return jdbc.sql(countSql).param("accountId", accountId).param("livemode", livemode).query(Long.class).single();
	}

	/** The page {@code pageSql} selects for the account and mode. */
	public static <T> List<T> page(JdbcClient jdbc, String pageSql, long accountId, boolean livemode, PageQuery page,
			RowMapper<T> row) {
		return jdbc.sql(pageSql)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("limit", page.limit())
			.param("offset", page.offset())
			.query(row)
			.list();
	}

}
