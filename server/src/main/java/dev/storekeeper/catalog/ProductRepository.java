package dev.storekeeper.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.jdbc.SlugColumn;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Products and their media items in SQL. */
@Repository
class ProductRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, name, slug, status, description, body_html, button_cta, seo_title,
			seo_description, seo_keywords, orders_count, product_type, category_id,
			  (select c.prefix_id from categories c where c.id = products.category_id) as category_prefix_id,
			  created_at, updated_at
			""";

	private static final String FILTER = """
			from products where account_id = :accountId and livemode = :livemode
			  and (:status = 'all' or status = :status)
			  and (:query = '' or lower(name) like :pattern escape '!')
			""";

	private static final String COUNT = "select count(*) " + FILTER;

	private static final String PAGE = "select " + COLUMNS + FILTER + Scoped.newestFirst("");

	/** By integer id, prefixId or slug; an exact prefixId or id wins over a slug. */
	private static final String BY_KEY = "select " + COLUMNS + """
			from products where account_id = :accountId and livemode = :livemode
			  and (id = :id or prefix_id = :key or slug = :key)
			order by case when slug = :key then 1 else 0 end
			limit 1
			""";

	private static final String BY_IDS = "select " + COLUMNS + """
			from products where account_id = :accountId and livemode = :livemode and id in (:ids)
			""";

	private static final String BY_SLUG = "select " + COLUMNS
			+ " from products where account_id = :accountId and livemode = :livemode and slug = :slug";

	private static final String INSERT = """
			insert into products (prefix_id, account_id, livemode, name, slug, status, description, body_html,
			  button_cta, seo_title, seo_description, seo_keywords, product_type, category_id, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :name, :slug, :status, :description, :bodyHtml, :buttonCta,
			  :seoTitle, :seoDescription, :seoKeywords, :productType, :categoryId, :now, :now)
			""";

	private static final String UPDATE = """
			update products set name = :name, slug = :slug, status = :status, description = :description,
			  body_html = :bodyHtml, button_cta = :buttonCta, seo_title = :seoTitle, seo_description = :seoDescription,
			  seo_keywords = :seoKeywords, product_type = :productType, category_id = :categoryId, updated_at = :now
			where id = :id
			""";

	private static final String SEARCH_FILTER = """
			from products where account_id = :accountId and livemode = :livemode
			  and (:search = '' or lower(name) like :pattern escape '!')
			  and (:type = '' or product_type = :type)
			  and (:categoryId = -1 or category_id = :categoryId)
			  and (:visible = '' or (:visible = 'true' and status = 'active') or (:visible = 'false' and status <> 'active'))
			""";

	/** The default variant's amount: the first not archived, by position. */
	private static final String PRICE = """
			(select pv.amount from price_variants pv where pv.product_id = products.id and pv.archived = false
			  order by pv.position, pv.id limit 1)
			""";

	private static final String DELETE = "delete from products where id = :id";

	private static final String MEDIA = """
			select id, product_id, source_type, url, provider, content_type, embed_html, position, created_at,
			  updated_at
			from media_items where product_id in (:productIds) order by product_id, position, id
			""";

	private static final String DELETE_MEDIA = "delete from media_items where product_id = :productId";

	private static final String INSERT_MEDIA = """
			insert into media_items (product_id, source_type, url, provider, content_type, embed_html, position,
			  created_at, updated_at)
			values (:productId, :sourceType, :url, :provider, :contentType, :embedHtml, :position, :now, :now)
			""";

	private final JdbcClient jdbc;

	private final SlugColumn slugs;

	ProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.slugs = new SlugColumn(jdbc, "products");
	}

	long count(long accountId, boolean livemode, String status, String query) {
		return this.jdbc.sql(COUNT).params(filter(accountId, livemode, status, query)).query(Long.class).single();
	}

	List<Product> page(long accountId, boolean livemode, String status, String query, PageQuery page) {
		Map<String, Object> params = filter(accountId, livemode, status, query);
		params.put("limit", page.limit());
		params.put("offset", page.offset());
		return this.jdbc.sql(PAGE).params(params).query(this::row).list();
	}

	private static Map<String, Object> filter(long accountId, boolean livemode, String status, String query) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("accountId", accountId);
		params.put("livemode", livemode);
		params.put("status", status);
		params.put("query", query);
		params.put("pattern", "%" + SlugColumn.likeEscape(query.toLowerCase(java.util.Locale.ROOT)) + "%");
		return params;
	}

	long searchCount(long accountId, boolean livemode, ProductQuery query, @Nullable Long categoryId) {
		return this.jdbc.sql("select count(*) " + SEARCH_FILTER)
			.params(search(accountId, livemode, query, categoryId))
			.query(Long.class)
			.single();
	}

	List<Product> search(long accountId, boolean livemode, ProductQuery query, @Nullable Long categoryId,
			PageQuery page) {
		String direction = query.ascending() ? "asc" : "desc";
		// the sort key is one of a fixed set, never text from the request
		String key = switch (query.sort()) {
			case "price" -> PRICE;
			case "title" -> "lower(name)";
			case "total_sold" -> "orders_count";
			default -> "created_at";
		};
		Map<String, Object> params = search(accountId, livemode, query, categoryId);
		params.put("limit", page.limit());
		params.put("offset", page.offset());
		return this.jdbc
			.sql("select " + COLUMNS + SEARCH_FILTER + " order by " + key + " " + direction + " nulls "
					+ (query.ascending() ? "first" : "last") + ", id " + direction + " limit :limit offset :offset")
			.params(params)
			.query(this::row)
			.list();
	}

	private static Map<String, Object> search(long accountId, boolean livemode, ProductQuery query,
			@Nullable Long categoryId) {
		Map<String, Object> params = new LinkedHashMap<>();
		String text = (query.search() != null) ? query.search().trim() : "";
		params.put("accountId", accountId);
		params.put("livemode", livemode);
		params.put("search", text);
		params.put("pattern", "%" + SlugColumn.likeEscape(text.toLowerCase(java.util.Locale.ROOT)) + "%");
		params.put("type", (query.type() != null) ? query.type() : "");
		params.put("categoryId", (categoryId != null) ? categoryId : -1L);
		params.put("visible", (query.visible() != null) ? query.visible().toString() : "");
		return params;
	}

	Optional<Product> find(long accountId, boolean livemode, String key) {
		long id = Ids.numeric(key);
		return this.jdbc.sql(BY_KEY)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("id", id)
			.param("key", key)
			.query(this::row)
			.optional();
	}

	Map<Long, Product> byIds(long accountId, boolean livemode, Collection<Long> ids) {
		Map<Long, Product> result = new LinkedHashMap<>();
		Scoped.byIds(this.jdbc, BY_IDS, accountId, livemode, ids, this::row)
			.forEach((product) -> result.put(product.id(), product));
		return result;
	}

	Optional<Product> findBySlug(long accountId, boolean livemode, String slug) {
		return this.jdbc.sql(BY_SLUG)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("slug", slug)
			.query(this::row)
			.optional();
	}

	boolean slugTaken(long accountId, boolean livemode, String slug, long exceptId) {
		return this.slugs.taken(accountId, livemode, slug, exceptId);
	}

	/** The first free slug made from {@code base}. */
	String freeSlug(long accountId, boolean livemode, String base, long exceptId) {
		return this.slugs.free(accountId, livemode, base, exceptId);
	}

	long insert(String prefixId, long accountId, boolean livemode, ProductDraft draft, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("name", draft.name)
			.param("slug", draft.slug)
			.param("status", draft.status)
			.param("description", draft.description)
			.param("bodyHtml", draft.bodyHtml)
			.param("buttonCta", draft.buttonCta)
			.param("seoTitle", draft.seoTitle)
			.param("seoDescription", draft.seoDescription)
			.param("seoKeywords", draft.seoKeywords)
			.param("productType", draft.productType)
			.param("categoryId", draft.categoryId, java.sql.Types.BIGINT)
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, ProductDraft draft, Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.param("name", draft.name)
			.param("slug", draft.slug)
			.param("status", draft.status)
			.param("description", draft.description)
			.param("bodyHtml", draft.bodyHtml)
			.param("buttonCta", draft.buttonCta)
			.param("seoTitle", draft.seoTitle)
			.param("seoDescription", draft.seoDescription)
			.param("seoKeywords", draft.seoKeywords)
			.param("productType", draft.productType)
			.param("categoryId", draft.categoryId, java.sql.Types.BIGINT)
			.param("now", Times.db(now))
			.update();
	}

	/**
	 * Deletes the product; its media, variants and reviews go with it (on delete
	 * cascade).
	 */
	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	Map<Long, List<MediaItem>> media(Collection<Long> productIds) {
		Map<Long, List<MediaItem>> result = new LinkedHashMap<>();
		if (productIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql(MEDIA)
			.param("productIds", productIds)
			.query((rs, n) -> new MediaItem(rs.getLong("id"), rs.getLong("product_id"), rs.getString("source_type"),
					rs.getString("url"), rs.getString("provider"), rs.getString("content_type"),
					rs.getString("embed_html"), rs.getInt("position"), Times.read(rs, "created_at"),
					Times.read(rs, "updated_at")))
			.list()
			.forEach(
					(item) -> result.computeIfAbsent(item.productId(), (key) -> new java.util.ArrayList<>()).add(item));
		return result;
	}

	void replaceMedia(long productId, List<ProductDraft.Media> items, Instant now) {
		this.jdbc.sql(DELETE_MEDIA).param("productId", productId).update();
		int position = 0;
		for (ProductDraft.Media item : items) {
			this.jdbc.sql(INSERT_MEDIA)
				.param("productId", productId)
				.param("sourceType", item.sourceType())
				.param("url", item.url())
				.param("provider", item.provider())
				.param("contentType", item.contentType())
				.param("embedHtml", item.embedHtml())
				.param("position", position++)
				.param("now", Times.db(now))
				.update();
		}
	}

	private Product row(ResultSet rs, int n) throws SQLException {
		return new Product(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("name"), rs.getString("slug"), rs.getString("status"),
				rs.getString("description"), rs.getString("body_html"), rs.getString("button_cta"),
				rs.getString("seo_title"), rs.getString("seo_description"), rs.getString("seo_keywords"),
				rs.getInt("orders_count"), rs.getString("product_type"), nullableLong(rs, "category_id"),
				rs.getString("category_prefix_id"), Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

	static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
