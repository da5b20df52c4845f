package dev.storekeeper.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.Times;

/** Categories of products in SQL. */
@Repository
class CategoryRepository {

	private static final String COLUMNS = """
			id, prefix_id, name, description, livemode, created_at, updated_at,
			  (select count(*) from products p where p.category_id = categories.id) as products_count
			""";

	private static final String COUNT = "select count(*) from categories where account_id = :accountId and livemode = :livemode";

	private static final String PAGE = "select " + COLUMNS + """
			from categories where account_id = :accountId and livemode = :livemode
			""" + Scoped.newestFirst("");

	private static final String BY_KEY = "select " + COLUMNS + """
			from categories where account_id = :accountId and livemode = :livemode and (id = :id or prefix_id = :key)
			""";

	private static final String NAME_TAKEN = """
			select count(*) from categories where account_id = :accountId and livemode = :livemode
			  and name_normalized = :normalized and id <> :exceptId
			""";

	private static final String INSERT = """
			insert into categories (prefix_id, account_id, livemode, name, name_normalized, description, created_at,
			  updated_at)
			values (:prefixId, :accountId, :livemode, :name, :normalized, :description, :now, :now)
			""";

	private static final String UPDATE = """
			update categories set name = :name, name_normalized = :normalized, description = :description,
			  updated_at = :now where id = :id
			""";

	private static final String DELETE = "delete from categories where id = :id";

	private final JdbcClient jdbc;

	CategoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count(long accountId, boolean livemode) {
		return Scoped.count(this.jdbc, COUNT, accountId, livemode);
	}

	java.util.List<Category> page(long accountId, boolean livemode, PageQuery page) {
		return Scoped.page(this.jdbc, PAGE, accountId, livemode, page, this::row);
	}

	Optional<Category> find(long accountId, boolean livemode, String key) {
		return Scoped.byKey(this.jdbc, BY_KEY, accountId, livemode, key, this::row);
	}

	boolean nameTaken(long accountId, boolean livemode, String name, long exceptId) {
		return this.jdbc.sql(NAME_TAKEN)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("normalized", normalized(name))
			.param("exceptId", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long insert(String prefixId, long accountId, boolean livemode, String name, @Nullable String description,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("name", name)
			.param("normalized", normalized(name))
			.param("description", description)
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, String name, @Nullable String description, Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.param("name", name)
			.param("normalized", normalized(name))
			.param("description", description)
			.param("now", Times.db(now))
			.update();
	}

	/** Deletes the category; its products become uncategorised (on delete set null). */
	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	private static String normalized(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}

	private Category row(ResultSet rs, int n) throws SQLException {
		return new Category(rs.getLong("id"), rs.getString("prefix_id"), rs.getString("name"),
				rs.getString("description"), rs.getLong("products_count"), rs.getBoolean("livemode"),
				Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

}
