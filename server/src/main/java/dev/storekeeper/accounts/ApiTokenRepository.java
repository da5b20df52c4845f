package dev.storekeeper.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.RatePlan;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** API tokens in SQL, looked up by the hash of their secret. */
@Repository
class ApiTokenRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, name, access, last_four, created_at, last_used_at
			""";

	private static final String AUTHENTICATE = """
			select t.id, t.account_id, t.livemode, t.access, a.plan
			from api_tokens t join accounts a on a.id = t.account_id
			where t.token_hash = :hash
			""";

	private static final String INSERT = """
			insert into api_tokens (prefix_id, account_id, livemode, name, access, token_hash, last_four, created_at)
			values (:prefixId, :accountId, :livemode, :name, :access, :hash, :lastFour, :now)
			""";

	private static final String BY_ID = "select " + COLUMNS + " from api_tokens where id = :id";

	private static final String BY_PREFIX_ID = "select " + COLUMNS + """
			 from api_tokens where prefix_id = :prefixId and account_id = :accountId and livemode = :livemode
			""";

	private static final String COUNT = """
			select count(*) from api_tokens where account_id = :accountId and livemode = :livemode
			""";

	private static final String PAGE = "select " + COLUMNS + """
			 from api_tokens where account_id = :accountId and livemode = :livemode
			""" + Scoped.newestFirst("");

	private static final String DELETE = "delete from api_tokens where id = :id";

	private static final String TOUCH = "update api_tokens set last_used_at = :now where id = :id";

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Caller> callerFor(String hash) {
		return this.jdbc.sql(AUTHENTICATE).param("hash", hash).query((rs, n) -> {
			String plan = rs.getString("plan");
			return new Caller(rs.getLong("account_id"), rs.getBoolean("livemode"), Access.parse(rs.getString("access")),
					rs.getLong("id"), (plan != null) ? RatePlan.parse(plan) : null);
		}).optional();
	}

	long insert(String prefixId, long accountId, boolean livemode, String name, Access access, String hash,
			String lastFour, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("name", name)
			.param("access", access.wire())
			.param("hash", hash)
			.param("lastFour", lastFour)
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	ApiToken get(long id) {
		return this.jdbc.sql(BY_ID).param("id", id).query(this::row).single();
	}

	Optional<ApiToken> find(long accountId, boolean livemode, String prefixId) {
		return this.jdbc.sql(BY_PREFIX_ID)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.query(this::row)
			.optional();
	}

	long count(long accountId, boolean livemode) {
		return Scoped.count(this.jdbc, COUNT, accountId, livemode);
	}

	List<ApiToken> page(long accountId, boolean livemode, PageQuery page) {
		return Scoped.page(this.jdbc, PAGE, accountId, livemode, page, this::row);
	}

	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	void touch(long id, Instant now) {
		this.jdbc.sql(TOUCH).param("id", id).param("now", Times.db(now)).update();
	}

	private ApiToken row(ResultSet rs, int n) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("name"), Access.parse(rs.getString("access")),
				rs.getString("last_four"), Times.read(rs, "created_at"), Times.read(rs, "last_used_at"));
	}

}
