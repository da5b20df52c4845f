package dev.storekeeper.platform.jdbc;

import dev.storekeeper.platform.Slugs;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code slug} column of one table whose rows belong to an account and mode
 * (products, experiences, blog posts, blog categories): whether a slug is taken, and the
 * first free one near a base. The one place this SQL is written; each repository holds
 * one for its table.
 */
public final class SlugColumn {

	private static final Pattern TABLE = Pattern.compile("[a-z_]+");

	private final JdbcClient jdbc;

	private final String near;

	private final String taken;

	public SlugColumn(JdbcClient jdbc, String table) {
		if (!TABLE.matcher(table).matches()) {
			throw new IllegalArgumentException("Not a table name: " + table);
		}
		this.jdbc = jdbc;
		String scope = " from " + table + " where account_id = :accountId and livemode = :livemode and id <> :exceptId";
		this.near = "select slug" + scope + " and (slug = :base or slug like :pattern escape '!')";
		this.taken = "select count(*)" + scope + " and slug = :slug";
	}

	/**
	 * Whether another row ({@code exceptId} is the row being changed, or -1) of the
	 * account and mode has {@code slug}.
	 */
	public boolean taken(long accountId, boolean livemode, String slug, long exceptId) {
		return this.jdbc.sql(this.taken)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("slug", slug)
			.param("exceptId", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The first of {@code base}, {@code base-1}, {@code base-2}... that no other row of
	 * the account and mode has.
	 */
	public String free(long accountId, boolean livemode, String base, long exceptId) {
		List<String> near = this.jdbc.sql(this.near)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("base", base)
			.param("pattern", likeEscape(base) + "-%")
			.param("exceptId", exceptId)
			.query(String.class)
			.list();
		return Slugs.free(base, near);
	}

	/**
	 * {@code text} as a literal inside a LIKE pattern written with {@code escape '!'}.
	 */
	public static String likeEscape(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
