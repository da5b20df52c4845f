package dev.storekeeper.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Reviews of products in SQL. */
@Repository
class ReviewRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, product_id, rating, content, customer_name, position, created_at,
			updated_at
			""";

	private static final String SCOPE = " from reviews where account_id = :accountId and livemode = :livemode ";

	private static final String BY_KEY = "select " + COLUMNS + SCOPE + "and (id = :id or prefix_id = :key)";

	private static final String FILTER = SCOPE + "and (:productId = -1 or product_id = :productId) ";

	private static final String COUNT = "select count(*)" + FILTER;

	private static final String PAGE = "select " + COLUMNS + FILTER
			+ "order by position, id limit :limit offset :offset";

	private static final String BY_PRODUCTS = "select " + COLUMNS + SCOPE
			+ "and product_id in (:productIds) order by product_id, position, id";

	private static final String NEXT_POSITION = """
			select coalesce(max(position), 0) + 1 from reviews where product_id = :productId
			""";

	private static final String INSERT = """
			insert into reviews (prefix_id, account_id, livemode, product_id, rating, content, customer_name,
			  position, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :productId, :rating, :content, :customerName, :position, :now,
			  :now)
			""";

	private static final String UPDATE = """
			update reviews set rating = :rating, content = :content, customer_name = :customerName,
			  position = :position, updated_at = :now
			where id = :id
			""";

	private static final String DELETE = "delete from reviews where id = :id";

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Review> find(long accountId, boolean livemode, String key) {
		long id = Ids.numeric(key);
		return this.jdbc.sql(BY_KEY)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("id", id)
			.param("key", key)
			.query(this::row)
			.optional();
	}

	long count(long accountId, boolean livemode, @Nullable Long productId) {
		return this.jdbc.sql(COUNT)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("productId", (productId != null) ? productId : -1L)
			.query(Long.class)
			.single();
	}

	List<Review> page(long accountId, boolean livemode, @Nullable Long productId, PageQuery page) {
		return this.jdbc.sql(PAGE)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("productId", (productId != null) ? productId : -1L)
			.param("limit", page.limit())
			.param("offset", page.offset())
			.query(this::row)
			.list();
	}

	Map<Long, List<Review>> byProducts(long accountId, boolean livemode, Collection<Long> productIds) {
		Map<Long, List<Review>> result = new LinkedHashMap<>();
		if (productIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql(BY_PRODUCTS)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("productIds", productIds)
			.query(this::row)
			.list()
			.forEach((review) -> result.computeIfAbsent(review.productId(), (key) -> new ArrayList<>()).add(review));
		return result;
	}

	int nextPosition(long productId) {
		return this.jdbc.sql(NEXT_POSITION).param("productId", productId).query(Integer.class).single();
	}

	long insert(String prefixId, long accountId, boolean livemode, long productId, int rating, @Nullable String content,
			@Nullable String customerName, int position, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("productId", productId)
			.param("rating", rating)
			.param("content", content)
			.param("customerName", customerName)
			.param("position", position)
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, int rating, @Nullable String content, @Nullable String customerName, int position,
			Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.param("rating", rating)
			.param("content", content)
			.param("customerName", customerName)
			.param("position", position)
			.param("now", Times.db(now))
			.update();
	}

	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	private Review row(ResultSet rs, int n) throws SQLException {
		return new Review(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getLong("product_id"), rs.getInt("rating"), rs.getString("content"),
				rs.getString("customer_name"), rs.getInt("position"), Times.read(rs, "created_at"),
				Times.read(rs, "updated_at"));
	}

}
