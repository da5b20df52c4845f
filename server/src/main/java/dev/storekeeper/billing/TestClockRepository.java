package dev.storekeeper.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Test clocks in SQL. */
@Repository
class TestClockRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, name, frozen_time, status, created_at, updated_at from test_clocks
			""";

	private static final String BY_ID = "select " + COLUMNS + " where id = :id";

	private static final String BY_KEY = "select " + COLUMNS
			+ " where account_id = :accountId and livemode = :livemode and (prefix_id = :key or id = :id) and not deleted";

	private static final String COUNT = """
			select count(*) from test_clocks where account_id = :accountId and livemode = :livemode and not deleted
			""";

	private static final String PAGE = "select " + COLUMNS + """
			 where account_id = :accountId and livemode = :livemode and not deleted
			""" + Scoped.newestFirst("");

	private static final String INSERT = """
			insert into test_clocks (prefix_id, account_id, livemode, name, frozen_time, status, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :name, :frozenTime, 'ready', :now, :now)
			""";

	/**
	 * One advance at a time: the clock is taken from {@code ready} to {@code advancing}.
	 */
	private static final String START = """
			update test_clocks set status = 'advancing', updated_at = :now
			where id = :id and status = 'ready' and not deleted
			""";

	private static final String MOVE = "update test_clocks set frozen_time = :at where id = :id";

	private static final String FINISH = "update test_clocks set status = 'ready', updated_at = :now where id = :id";

	private static final String DELETE = "update test_clocks set deleted = true, updated_at = :now where id = :id";

	private final JdbcClient jdbc;

	TestClockRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String prefixId, long accountId, boolean livemode, @Nullable String name, Instant frozenTime,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("name", name)
			.param("frozenTime", Times.db(frozenTime))
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	TestClock get(long id) {
		return this.jdbc.sql(BY_ID).param("id", id).query(this::row).single();
	}

	/** By prefixed id or (when {@code key} is all digits) integer id. */
	Optional<TestClock> find(long accountId, boolean livemode, String key) {
		return Scoped.byKey(this.jdbc, BY_KEY, accountId, livemode, key, this::row);
	}

	long count(long accountId, boolean livemode) {
		return Scoped.count(this.jdbc, COUNT, accountId, livemode);
	}

	List<TestClock> page(long accountId, boolean livemode, PageQuery page) {
		return Scoped.page(this.jdbc, PAGE, accountId, livemode, page, this::row);
	}

	boolean start(long id, Instant now) {
		return this.jdbc.sql(START).param("id", id).param("now", Times.db(now)).update() == 1;
	}

	void move(long id, Instant at) {
		this.jdbc.sql(MOVE).param("id", id).param("at", Times.db(at)).update();
	}

	void finish(long id, Instant now) {
		this.jdbc.sql(FINISH).param("id", id).param("now", Times.db(now)).update();
	}

	void delete(long id, Instant now) {
		this.jdbc.sql(DELETE).param("id", id).param("now", Times.db(now)).update();
	}

	private TestClock row(ResultSet rs, int n) throws SQLException {
		return new TestClock(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("name"), Times.read(rs, "frozen_time"), rs.getString("status"),
				Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

}
