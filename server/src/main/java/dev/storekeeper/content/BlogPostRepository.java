package dev.storekeeper.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.jdbc.SlugColumn;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Blog posts in SQL. */
@Repository
class BlogPostRepository {

	private static final String COLUMNS = """
			p.id, p.prefix_id, p.account_id, p.livemode, p.title, p.slug, p.content, p.excerpt, p.status, p.indexable,
			p.category_id, p.seo_title, p.seo_description, p.seo_keywords, p.published_at, p.scheduled_at,
			p.created_at, p.updated_at, p.derived_excerpt
			""";

	private static final String SCOPE = " where p.account_id = :accountId and p.livemode = :livemode";

	private static final String FILTERS = """
			 and (cast(:status as varchar(20)) is null or p.status = :status)
			 and (cast(:category as varchar(120)) is null
			   or p.category_id in (select c.id from blog_categories c
			     where c.account_id = :accountId and c.livemode = :livemode and c.slug = :category))
			""";

	private static final String BY_KEY = "select " + COLUMNS + " from blog_posts p" + SCOPE
			+ " and (p.prefix_id = :key or p.slug = :key or p.id = :id)";

	private static final String PUBLISHED = "select " + COLUMNS + " from blog_posts p"
			+ " where p.account_id = :accountId and p.livemode = :livemode and p.status = 'published'";

	private static final String COUNT = "select count(*) from blog_posts p" + SCOPE + FILTERS;

	private static final String PAGE = "select " + COLUMNS + " from blog_posts p" + SCOPE + FILTERS
			+ Scoped.newestFirst("p");

	private static final String INSERT = """
			insert into blog_posts (prefix_id, account_id, livemode, title, slug, content, excerpt, status, indexable,
			  category_id, seo_title, seo_description, seo_keywords, published_at, scheduled_at, created_at, updated_at,
			  derived_excerpt)
			values (:prefixId, :accountId, :livemode, :title, :slug, :content, :excerpt, :status, :indexable,
			  :categoryId, :seoTitle, :seoDescription, :seoKeywords, :publishedAt, :scheduledAt, :now, :now,
			  :derivedExcerpt)
			""";

	private static final String UPDATE = """
			update blog_posts set title = :title, slug = :slug, content = :content, excerpt = :excerpt,
			  status = :status, indexable = :indexable, category_id = :categoryId, seo_title = :seoTitle,
			  seo_description = :seoDescription, seo_keywords = :seoKeywords, published_at = :publishedAt,
			  scheduled_at = :scheduledAt, updated_at = :now, derived_excerpt = :derivedExcerpt
			where id = :id
			""";

	private static final String DELETE = "delete from blog_posts where id = :id";

	/**
	 * One conditional statement, so several nodes running it at once publish each post
	 * exactly once.
	 */
	private static final String PUBLISH_DUE = """
			update blog_posts set status = 'published', published_at = scheduled_at, updated_at = :now
			where status = 'scheduled' and scheduled_at <= :now
			""";

	private final JdbcClient jdbc;

	private final SlugColumn slugs;

	BlogPostRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.slugs = new SlugColumn(jdbc, "blog_posts");
	}

	Optional<BlogPost> find(long accountId, boolean livemode, String key) {
		return Scoped.byKey(this.jdbc, BY_KEY, accountId, livemode, key, this::row);
	}

	/** A live, published post by slug: what the public blog shows. */
	Optional<BlogPost> findPublished(long accountId, boolean livemode, String slug) {
		return this.jdbc.sql(PUBLISHED + " and p.slug = :slug")
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("slug", slug)
			.query(this::row)
			.optional();
	}

	/** The newest live, published posts, for the public blog's index. */
	List<BlogPost> published(long accountId, boolean livemode, int limit) {
		return this.jdbc.sql(PUBLISHED + " order by p.published_at desc, p.id desc limit :limit")
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	long count(long accountId, boolean livemode, @Nullable String status, @Nullable String category) {
		return this.jdbc.sql(COUNT)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("status", status)
			.param("category", category)
			.query(Long.class)
			.single();
	}

	List<BlogPost> page(long accountId, boolean livemode, @Nullable String status, @Nullable String category,
			PageQuery page) {
		return this.jdbc.sql(PAGE)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("status", status)
			.param("category", category)
			.param("limit", page.limit())
			.param("offset", page.offset())
			.query(this::row)
			.list();
	}

	boolean slugTaken(long accountId, boolean livemode, String slug, long exceptId) {
		return this.slugs.taken(accountId, livemode, slug, exceptId);
	}

	/** The first free slug made from {@code base}. */
	String freeSlug(long accountId, boolean livemode, String base, long exceptId) {
		return this.slugs.free(accountId, livemode, base, exceptId);
	}

	void insert(BlogPost post, Instant now) {
		bind(this.jdbc.sql(INSERT), post, now).param("prefixId", post.prefixId())
			.param("accountId", post.accountId())
			.param("livemode", post.livemode())
			.update();
	}

	void update(BlogPost post, Instant now) {
		bind(this.jdbc.sql(UPDATE), post, now).param("id", post.id()).update();
	}

	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	int publishDue(Instant now) {
		return this.jdbc.sql(PUBLISH_DUE).param("now", Times.db(now)).update();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, BlogPost post, Instant now) {
		return statement.param("title", post.title())
			.param("slug", post.slug())
			.param("content", post.content())
			.param("excerpt", post.excerpt())
			.param("derivedExcerpt", post.derivedExcerpt())
			.param("status", post.status())
			.param("indexable", post.indexable())
			.param("categoryId", post.categoryId())
			.param("seoTitle", post.seoTitle())
			.param("seoDescription", post.seoDescription())
			.param("seoKeywords", post.seoKeywords())
			.param("publishedAt", Times.db(post.publishedAt()))
			.param("scheduledAt", Times.db(post.scheduledAt()))
			.param("now", Times.db(now));
	}

	private BlogPost row(ResultSet rs, int n) throws SQLException {
		long categoryId = rs.getLong("category_id");
		Long category = rs.wasNull() ? null : categoryId;
		return new BlogPost(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("title"), rs.getString("slug"), rs.getString("content"),
				rs.getString("excerpt"), rs.getString("status"), rs.getBoolean("indexable"), category,
				rs.getString("seo_title"), rs.getString("seo_description"), rs.getString("seo_keywords"),
				Times.read(rs, "published_at"), Times.read(rs, "scheduled_at"), Times.read(rs, "created_at"),
				Times.read(rs, "updated_at"), rs.getString("derived_excerpt"));
	}

}
