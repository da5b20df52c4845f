package dev.storekeeper.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.jdbc.SlugColumn;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Blog categories in SQL, each read with its count of published posts. */
@Repository
class BlogCategoryRepository {

	private static final String SELECT = """
			select c.id, c.prefix_id, c.account_id, c.livemode, c.name, c.slug, c.description, c.created_at,
			  c.updated_at,
			  (select count(*) from blog_posts p where p.category_id = c.id and p.status = 'published') as published_posts
			from blog_categories c
			where c.account_id = :accountId and c.livemode = :livemode
			""";

	private static final String BY_KEY = SELECT + " and (c.prefix_id = :key or c.slug = :key or c.id = :id)";

	private static final String BY_IDS = SELECT + " and c.id in (:ids)";

	private static final String PAGE = SELECT + Scoped.newestFirst("c");

	private static final String COUNT = """
			select count(*) from blog_categories where account_id = :accountId and livemode = :livemode
			""";

	private static final String NAME_TAKEN = """
			select count(*) from blog_categories
			where account_id = :accountId and livemode = :livemode and name_key = :nameKey and id <> :id
			""";

	private static final String INSERT = """
			insert into blog_categories (prefix_id, account_id, livemode, name, name_key, slug, description, created_at,
			  updated_at)
			values (:prefixId, :accountId, :livemode, :name, :nameKey, :slug, :description, :now, :now)
			""";

	private static final String UPDATE = """
			update blog_categories set name = :name, name_key = :nameKey, slug = :slug, description = :description,
			  updated_at = :now
			where id = :id
			""";

	private static final String DELETE = "delete from blog_categories where id = :id";

	private final JdbcClient jdbc;

	private final SlugColumn slugs;

	BlogCategoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.slugs = new SlugColumn(jdbc, "blog_categories");
	}

	/** The key under which names are unique: case does not count. */
	static String nameKey(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	Optional<BlogCategory> find(long accountId, boolean livemode, String key) {
		return Scoped.byKey(this.jdbc, BY_KEY, accountId, livemode, key, this::row);
	}

	List<BlogCategory> byIds(long accountId, boolean livemode, Collection<Long> ids) {
		return Scoped.byIds(this.jdbc, BY_IDS, accountId, livemode, ids, this::row);
	}

	long count(long accountId, boolean livemode) {
		return Scoped.count(this.jdbc, COUNT, accountId, livemode);
	}

	List<BlogCategory> page(long accountId, boolean livemode, PageQuery page) {
		return Scoped.page(this.jdbc, PAGE, accountId, livemode, page, this::row);
	}

	boolean nameTaken(long accountId, boolean livemode, String name, long exceptId) {
		return this.jdbc.sql(NAME_TAKEN)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("nameKey", nameKey(name))
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	boolean slugTaken(long accountId, boolean livemode, String slug, long exceptId) {
		return this.slugs.taken(accountId, livemode, slug, exceptId);
	}

	/** The first free slug made from {@code base}. */
	String freeSlug(long accountId, boolean livemode, String base, long exceptId) {
		return this.slugs.free(accountId, livemode, base, exceptId);
	}

	void insert(String prefixId, long accountId, boolean livemode, String name, String slug,
			@Nullable String description, Instant now) {
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("name", name)
			.param("nameKey", nameKey(name))
			.param("slug", slug)
			.param("description", description)
			.param("now", Times.db(now))
			.update();
	}

	void update(long id, String name, String slug, @Nullable String description, Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.param("name", name)
			.param("nameKey", nameKey(name))
			.param("slug", slug)
			.param("description", description)
			.param("now", Times.db(now))
			.update();
	}

	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	private BlogCategory row(ResultSet rs, int n) throws SQLException {
		return new BlogCategory(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
				rs.getLong("published_posts"), Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

}
