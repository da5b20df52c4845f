package dev.storekeeper.platform.jdbc;

import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.PageQuery;

import java.util.Collection;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

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

	/**
	 * The end of every list's statement: newest first ({@code created_at}, then
	 * {@code id}), and the page. The order names the account and the mode first although
	 * the statement fixes both: H2 reads an index in the order of a page, and stops at
	 * the page's last row, only when the {@code ORDER BY} names the index's columns from
	 * its first; by {@code created_at} alone it read every row of the account and sorted
	 * them for each page. PostgreSQL plans both forms alike.
	 * @param alias the table's alias in the statement, or empty for none
	 */
	public static String newestFirst(String alias) {
		String at = alias.isEmpty() ? "" : alias + ".";
		return " order by %1$saccount_id desc, %1$slivemode desc, %1$screated_at desc, %1$sid desc".formatted(at)
				+ " limit :limit offset :offset";
	}

	/**
	 * The condition that picks the rows of several parents by their ids in {@code :ids},
	 * bound with {@link #ofParents}: {@code column in (:ids)}, and the same ids bounded
	 * by their lowest and highest. The rows are the same; the range, on the first column
	 * of the child table's index, is what the planner can size. By the list alone
	 * PostgreSQL estimates a share of the table per parent and, for a table of up to a
	 * few hundred pages, reads all of it instead of the index: every line item of a store
	 * of 10,000 orders for the 100 lines of one page (bench/RESULTS.md, round two).
	 */
	public static String childrenOf(String column) {
		return column + " in (:ids) and " + column + " between :lowest and :highest";
	}

	/** {@code sql}, a {@link #childrenOf} statement, with the parents' ids bound. */
	public static JdbcClient.StatementSpec ofParents(JdbcClient jdbc, String sql, Collection<Long> ids) {
		LongSummaryStatistics range = ids.stream().mapToLong(Long::longValue).summaryStatistics();
		return jdbc.sql(sql).param("ids", ids).param("lowest", range.getMin()).param("highest", range.getMax());
	}

	/** How many rows {@code countSql} counts for the account and mode. */
	public static long count(JdbcClient jdbc, String countSql, long accountId, boolean livemode) {
		return in(jdbc, countSql, accountId, livemode).query(Long.class).single();
	}

	/**
	 * How many rows {@code countSql} counts for the account and mode, with one filter
	 * parameter bound ({@code value} may be null: no filter).
	 */
	public static long count(JdbcClient jdbc, String countSql, long accountId, boolean livemode, String filter,
			@Nullable Object value) {
		return in(jdbc, countSql, accountId, livemode).param(filter, value).query(Long.class).single();
	}

	/** The page {@code pageSql} selects for the account and mode. */
	public static <T> List<T> page(JdbcClient jdbc, String pageSql, long accountId, boolean livemode, PageQuery page,
			RowMapper<T> row) {
		return paged(in(jdbc, pageSql, accountId, livemode), page).query(row).list();
	}

	/**
	 * The page {@code pageSql} selects for the account and mode, with one filter bound.
	 */
	public static <T> List<T> page(JdbcClient jdbc, String pageSql, long accountId, boolean livemode, String filter,
			@Nullable Object value, PageQuery page, RowMapper<T> row) {
		return paged(in(jdbc, pageSql, accountId, livemode).param(filter, value), page).query(row).list();
	}

	/**
	 * The rows {@code byIdsSql} selects for the account and mode with {@code :ids} bound
	 * to {@code ids}; none (and no statement) when {@code ids} is empty.
	 */
	public static <T> List<T> byIds(JdbcClient jdbc, String byIdsSql, long accountId, boolean livemode,
			Collection<Long> ids, RowMapper<T> row) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return in(jdbc, byIdsSql, accountId, livemode).param("ids", ids).query(row).list();
	}

	/**
	 * The row {@code byKeySql} selects for the account and mode by the key a route was
	 * given: {@code :key} bound to it as given (a prefixed id, a slug) and {@code :id} to
	 * its integer id when it is all digits (see {@link Ids#numeric}).
	 */
	public static <T> Optional<T> byKey(JdbcClient jdbc, String byKeySql, long accountId, boolean livemode, String key,
			RowMapper<T> row) {
		return in(jdbc, byKeySql, accountId, livemode).param("key", key)
			.param("id", Ids.numeric(key))
			.query(row)
			.optional();
	}

	private static JdbcClient.StatementSpec in(JdbcClient jdbc, String sql, long accountId, boolean livemode) {
		return jdbc.sql(sql).param("accountId", accountId).param("livemode", livemode);
	}

	private static JdbcClient.StatementSpec paged(JdbcClient.StatementSpec spec, PageQuery page) {
		return spec.param("limit", page.limit()).param("offset", page.offset());
	}

}
