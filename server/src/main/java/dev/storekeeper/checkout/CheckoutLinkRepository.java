package dev.storekeeper.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Checkout links and their variants in SQL. */
@Repository
class CheckoutLinkRepository {

	private static final String COLUMNS = """
			id, prefix_id, account_id, livemode, name, token, discount_id, allow_discount_codes, success_url,
			created_at, updated_at
			""";

	private static final String SCOPE = " from checkout_links where account_id = :accountId and livemode = :livemode";

	private static final String INSERT = """
			insert into checkout_links (prefix_id, account_id, livemode, name, token, discount_id, allow_discount_codes,
			  success_url, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :name, :token, :discountId, :allow, :successUrl, :now, :now)
			""";

	private static final String UPDATE = """
			update checkout_links set name = :name, discount_id = :discountId, allow_discount_codes = :allow,
			  success_url = :successUrl, updated_at = :now
			where id = :id
			""";

	private static final String SELECT = "select " + COLUMNS + SCOPE;

	private static final String FIND = SELECT + " and prefix_id = :key";

	private static final String FIND_BY_ID = SELECT + " and id = :key";

	private static final String FIND_BY_TOKEN = "select " + COLUMNS + " from checkout_links where token = :token";

	private static final String COUNT = "select count(*)" + SCOPE;

	private static final String PAGE = SELECT + Scoped.newestFirst("");

	private static final String DELETE = "delete from checkout_links where id = :id";

	private static final String DELETE_VARIANTS = "delete from checkout_link_variants where checkout_link_id = :id";

	private static final String INSERT_VARIANT = """
			insert into checkout_link_variants (checkout_link_id, price_variant_id, position)
			values (:id, :variantId, :position)
			""";

	private static final String VARIANTS = """
			select checkout_link_id, price_variant_id from checkout_link_variants
			where checkout_link_id in (:ids) order by checkout_link_id, position
			""";

	private final JdbcClient jdbc;

	CheckoutLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A link's editable values. */
	record Draft(@Nullable String name, @Nullable Long discountId, boolean allowDiscountCodes,
			@Nullable String successUrl, List<Long> priceVariantIds) {
	}

	long insert(String prefixId, String token, long accountId, boolean livemode, Draft draft, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("name", draft.name())
			.param("token", token)
			.param("discountId", draft.discountId(), java.sql.Types.BIGINT)
			.param("allow", draft.allowDiscountCodes())
			.param("successUrl", draft.successUrl())
			.param("now", Times.db(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		replaceVariants(id, draft.priceVariantIds());
		return id;
	}

	void update(long id, Draft draft, Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.param("name", draft.name())
			.param("discountId", draft.discountId(), java.sql.Types.BIGINT)
			.param("allow", draft.allowDiscountCodes())
			.param("successUrl", draft.successUrl())
			.param("now", Times.db(now))
			.update();
		replaceVariants(id, draft.priceVariantIds());
	}

	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	private void replaceVariants(long id, List<Long> variantIds) {
		this.jdbc.sql(DELETE_VARIANTS).param("id", id).update();
		int position = 0;
		for (long variantId : variantIds) {
			this.jdbc.sql(INSERT_VARIANT)
				.param("id", id)
				.param("variantId", variantId)
				.param("position", position++)
				.update();
		}
	}

	Optional<CheckoutLinks.CheckoutLink> find(long accountId, boolean livemode, String prefixId) {
		return one(this.jdbc.sql(FIND).param("key", prefixId), accountId, livemode);
	}

	Optional<CheckoutLinks.CheckoutLink> findById(long accountId, boolean livemode, long id) {
		return one(this.jdbc.sql(FIND_BY_ID).param("key", id), accountId, livemode);
	}

	Optional<CheckoutLinks.CheckoutLink> findByToken(String token) {
		if (!token.matches("[0-9A-Za-z]{24}")) {
			return Optional.empty();
		}
		return withVariants(this.jdbc.sql(FIND_BY_TOKEN).param("token", token).query(this::row).list()).stream()
			.findFirst();
	}

	private Optional<CheckoutLinks.CheckoutLink> one(JdbcClient.StatementSpec spec, long accountId, boolean livemode) {
		return withVariants(spec.param("accountId", accountId).param("livemode", livemode).query(this::row).list())
			.stream()
			.findFirst();
	}

	long count(long accountId, boolean livemode) {
		return Scoped.count(this.jdbc, COUNT, accountId, livemode);
	}

	List<CheckoutLinks.CheckoutLink> page(long accountId, boolean livemode, PageQuery page) {
		return withVariants(Scoped.page(this.jdbc, PAGE, accountId, livemode, page, this::row));
	}

	private List<CheckoutLinks.CheckoutLink> withVariants(List<CheckoutLinks.CheckoutLink> links) {
		if (links.isEmpty()) {
			return links;
		}
		Map<Long, List<Long>> variants = new LinkedHashMap<>();
		this.jdbc.sql(VARIANTS)
			.param("ids", links.stream().map(CheckoutLinks.CheckoutLink::id).toList())
			.query((rs) -> {
				variants.computeIfAbsent(rs.getLong("checkout_link_id"), (key) -> new ArrayList<>())
					.add(rs.getLong("price_variant_id"));
			});
		return links.stream()
			.map((link) -> new CheckoutLinks.CheckoutLink(link.id(), link.prefixId(), link.accountId(), link.livemode(),
					link.name(), link.token(), link.discountId(), link.allowDiscountCodes(), link.successUrl(),
					List.copyOf(variants.getOrDefault(link.id(), List.of())), link.createdAt(), link.updatedAt()))
			.toList();
	}

	private CheckoutLinks.CheckoutLink row(ResultSet rs, int n) throws SQLException {
		long discount = rs.getLong("discount_id");
		Long discountId = rs.wasNull() ? null : discount;
		return new CheckoutLinks.CheckoutLink(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("name"), rs.getString("token"), discountId,
				rs.getBoolean("allow_discount_codes"), rs.getString("success_url"), List.of(),
				Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

}
