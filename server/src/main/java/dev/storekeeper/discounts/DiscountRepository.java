package dev.storekeeper.discounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.jdbc.Rows;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Discounts and the variants they are limited to, in SQL. */
@Repository
class DiscountRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, code, name, discount_type, percent_off, amount_off, currency, duration,
			duration_in_months, redeem_by, starts_at, max_redemptions, times_redeemed, minimum_amount, created_at,
			updated_at
			""";

	private static final String SCOPE = " from discounts where account_id = :accountId and livemode = :livemode";

	private static final String EXPIRED = """
			((redeem_by is not null and redeem_by <= :now)
			 or (max_redemptions is not null and times_redeemed >= max_redemptions))
			""";

	private static final String FILTER = SCOPE + """
			 and (cast(:status as varchar(10)) is null
			  or (:status = 'expired' and %1$s)
			  or (:status = 'scheduled' and not %1$s and starts_at is not null and starts_at > :now)
			  or (:status = 'active' and not %1$s and (starts_at is null or starts_at <= :now)))
			""".formatted(EXPIRED);

	private static final String COUNT = "select count(*)" + FILTER;

	private static final String PAGE = "select " + COLUMNS + FILTER + Scoped.newestFirst("");

	private static final String BY_PREFIX_ID = "select " + COLUMNS + SCOPE + " and prefix_id = :prefixId";

	private static final String BY_ID = "select " + COLUMNS + SCOPE + " and id = :id";

	private static final String BY_IDS = "select " + COLUMNS + SCOPE + " and id in (:ids)";

	private static final String BY_CODE = "select " + COLUMNS + SCOPE + " and code_normalized = :code";

	private static final String CODE_TAKEN = "select count(*)" + SCOPE
			+ " and code_normalized = :code and id <> :exceptId";

	private static final String INSERT = """
			insert into discounts (prefix_id, account_id, livemode, code, code_normalized, name, discount_type,
			  percent_off, amount_off, currency, duration, duration_in_months, redeem_by, starts_at, max_redemptions,
			  times_redeemed, minimum_amount, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :code, :codeNormalized, :name, :type, :percentOff, :amountOff,
			  :currency, :duration, :months, :redeemBy, :startsAt, :maxRedemptions, 0, :minimumAmount, :now, :now)
			""";

	private static final String UPDATE = """
			update discounts set code = :code, code_normalized = :codeNormalized, name = :name, discount_type = :type,
			  percent_off = :percentOff, amount_off = :amountOff, currency = :currency, duration = :duration,
			  duration_in_months = :months, redeem_by = :redeemBy, starts_at = :startsAt,
			  max_redemptions = :maxRedemptions, minimum_amount = :minimumAmount, updated_at = :now
			where id = :id
			""";

	private static final String REDEEM = """
			update discounts set times_redeemed = times_redeemed + 1, updated_at = :now
			where id = :id and (max_redemptions is null or times_redeemed < max_redemptions)
			  and (redeem_by is null or redeem_by > :now) and (starts_at is null or starts_at <= :now)
			""";

	private static final String UNREDEEM = """
			update discounts set times_redeemed = times_redeemed - 1 where id = :id and times_redeemed > 0
			""";

	private static final String DELETE = "delete from discounts where id = :id and times_redeemed = 0";

	private static final String VARIANTS = """
			select discount_id, price_variant_id from discount_price_variants
			where discount_id in (:ids) order by discount_id, position
			""";

	private static final String PRODUCTS = """
			select discount_id, product_id from discount_products
			where discount_id in (:ids) order by discount_id, position
			""";

	private static final String CLEAR_PRODUCTS = "delete from discount_products where discount_id = :id";

	private static final String ADD_PRODUCT = """
			insert into discount_products (discount_id, product_id, position) values (:discountId, :productId, :position)
			""";

	private static final String CLEAR_VARIANTS = "delete from discount_price_variants where discount_id = :id";

	private static final String ADD_VARIANT = """
			insert into discount_price_variants (discount_id, price_variant_id, position)
			values (:discountId, :variantId, :position)
			""";

	private final JdbcClient jdbc;

	DiscountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count(long accountId, boolean livemode, @Nullable String status, Instant now) {
		return filtered(COUNT, accountId, livemode, status, now).query(Long.class).single();
	}

	List<Discount> page(long accountId, boolean livemode, @Nullable String status, Instant now, PageQuery page) {
		return withVariants(filtered(PAGE, accountId, livemode, status, now).param("limit", page.limit())
			.param("offset", page.offset())
			.query(this::row)
			.list());
	}

	private JdbcClient.StatementSpec filtered(String sql, long accountId, boolean livemode, @Nullable String status,
			Instant now) {
		return this.jdbc.sql(sql)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("status", status, java.sql.Types.VARCHAR)
			.param("now", Times.db(now));
	}

	Optional<Discount> find(long accountId, boolean livemode, String prefixId) {
		return one(this.jdbc.sql(BY_PREFIX_ID).param("prefixId", prefixId), accountId, livemode);
	}

	Optional<Discount> findById(long accountId, boolean livemode, long id) {
		return one(this.jdbc.sql(BY_ID).param("id", id), accountId, livemode);
	}

	Optional<Discount> findByCode(long accountId, boolean livemode, String code) {
		return one(this.jdbc.sql(BY_CODE).param("code", code.trim().toLowerCase(Locale.ROOT)), accountId, livemode);
	}

	private Optional<Discount> one(JdbcClient.StatementSpec spec, long accountId, boolean livemode) {
		return spec.param("accountId", accountId)
			.param("livemode", livemode)
			.query(this::row)
			.optional()
			.map((discount) -> withVariants(List.of(discount)).get(0));
	}

	List<Discount> byIds(long accountId, boolean livemode, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withVariants(this.jdbc.sql(BY_IDS)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("ids", ids)
			.query(this::row)
			.list());
	}

	boolean codeTaken(long accountId, boolean livemode, String code, long exceptId) {
		return this.jdbc.sql(CODE_TAKEN)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("code", code.toLowerCase(Locale.ROOT))
			.param("exceptId", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long insert(String prefixId, long accountId, boolean livemode, DiscountDraft draft, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		bind(this.jdbc.sql(INSERT), draft).param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("now", Times.db(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		replaceVariants(id, draft.priceVariantIds);
		replaceProducts(id, draft.productIds);
		return id;
	}

	void update(long id, DiscountDraft draft, Instant now) {
		bind(this.jdbc.sql(UPDATE), draft).param("id", id).param("now", Times.db(now)).update();
		replaceVariants(id, draft.priceVariantIds);
		replaceProducts(id, draft.productIds);
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DiscountDraft draft) {
		return spec.param("code", draft.code)
			.param("codeNormalized", draft.code.toLowerCase(Locale.ROOT))
			.param("name", draft.name)
			.param("type", draft.discountType)
			.param("percentOff", draft.percentOff, java.sql.Types.NUMERIC)
			.param("amountOff", draft.amountOff, java.sql.Types.BIGINT)
			.param("currency", draft.currency)
			.param("duration", draft.duration)
			.param("months", draft.durationInMonths, java.sql.Types.INTEGER)
			.param("redeemBy", Times.db(draft.redeemBy), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("startsAt", Times.db(draft.startsAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("maxRedemptions", draft.maxRedemptions, java.sql.Types.INTEGER)
			.param("minimumAmount", draft.minimumAmount, java.sql.Types.BIGINT);
	}

	private void replaceVariants(long id, List<Long> variantIds) {
		this.jdbc.sql(CLEAR_VARIANTS).param("id", id).update();
		int position = 0;
		for (long variantId : variantIds) {
			this.jdbc.sql(ADD_VARIANT)
				.param("discountId", id)
				.param("variantId", variantId)
				.param("position", position++)
				.update();
		}
	}

	private void replaceProducts(long id, List<Long> productIds) {
		this.jdbc.sql(CLEAR_PRODUCTS).param("id", id).update();
		int position = 0;
		for (long productId : productIds) {
			this.jdbc.sql(ADD_PRODUCT)
				.param("discountId", id)
				.param("productId", productId)
				.param("position", position++)
				.update();
		}
	}

	boolean redeem(long id, Instant now) {
		return this.jdbc.sql(REDEEM).param("id", id).param("now", Times.db(now)).update() == 1;
	}

	void unredeem(long id) {
		this.jdbc.sql(UNREDEEM).param("id", id).update();
	}

	boolean delete(long id) {
		return this.jdbc.sql(DELETE).param("id", id).update() == 1;
	}

	private List<Discount> withVariants(List<Discount> discounts) {
		if (discounts.isEmpty()) {
			return discounts;
		}
		Map<Long, List<Long>> variants = new LinkedHashMap<>();
		List<Long> ids = discounts.stream().map(Discount::id).toList();
		this.jdbc.sql(VARIANTS).param("ids", ids).query((rs) -> {
			variants.computeIfAbsent(rs.getLong("discount_id"), (key) -> new ArrayList<>())
				.add(rs.getLong("price_variant_id"));
		});
		Map<Long, List<Long>> products = new LinkedHashMap<>();
		this.jdbc.sql(PRODUCTS).param("ids", ids).query((rs) -> {
			products.computeIfAbsent(rs.getLong("discount_id"), (key) -> new ArrayList<>())
				.add(rs.getLong("product_id"));
		});
		return discounts.stream()
			.map((discount) -> discount.withRestrictions(List.copyOf(variants.getOrDefault(discount.id(), List.of())),
					List.copyOf(products.getOrDefault(discount.id(), List.of()))))
			.toList();
	}

	private Discount row(ResultSet rs, int n) throws SQLException {
		return new Discount(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("code"), rs.getString("name"), rs.getString("discount_type"),
				rs.getBigDecimal("percent_off"), Rows.nullableLong(rs, "amount_off"), rs.getString("currency"),
				rs.getString("duration"), Rows.nullableInt(rs, "duration_in_months"), Times.read(rs, "redeem_by"),
				Times.read(rs, "starts_at"), Rows.nullableInt(rs, "max_redemptions"), rs.getInt("times_redeemed"),
				Rows.nullableLong(rs, "minimum_amount"), List.of(), Times.read(rs, "created_at"),
				Times.read(rs, "updated_at"), List.of());
	}

}
