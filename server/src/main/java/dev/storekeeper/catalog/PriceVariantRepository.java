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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import static dev.storekeeper.catalog.ProductRepository.nullableInt;
import static dev.storekeeper.catalog.ProductRepository.nullableLong;

/** Price variants, their stock and the experiences they grant, in SQL. */
@Repository
class PriceVariantRepository {

	/**
	 * The columns of a variant, with whether it is its product's default (first live one
	 * by position).
	 */
	private static final String COLUMNS = """
			pv.id, pv.prefix_id, pv.account_id, pv.livemode, pv.product_id, pv.name, pv.amount, pv.currency,
			pv.billing_type, pv.amount_type, pv.preset_amount, pv.minimum_amount, pv.maximum_amount,
			pv.discounted_from_amount, pv.recurring_interval, pv.interval_count, pv.trial_period_days,
			pv.revoke_after_days, pv.seat_quantity, pv.quantity_available, pv.initial_quantity, pv.waitlist,
			pv.hidden, pv.archived, pv.position, pv.benefits, pv.orders_count, pv.created_at, pv.updated_at,
			(pv.archived = false and not exists (select 1 from price_variants o where o.product_id = pv.product_id
			  and o.archived = false and (o.position < pv.position or (o.position = pv.position and o.id < pv.id))))
			  as is_default
			""";

	private static final String SCOPE = " from price_variants pv where pv.account_id = :accountId"
			+ " and pv.livemode = :livemode ";

	private static final String BY_KEY = "select " + COLUMNS + SCOPE + "and (pv.id = :id or pv.prefix_id = :key)";

	private static final String FILTER = SCOPE + "and (:productId = -1 or pv.product_id = :productId) ";

	private static final String COUNT = "select count(*)" + FILTER;

	private static final String PAGE = "select " + COLUMNS + FILTER
			+ "order by pv.position, pv.id limit :limit offset :offset";

	private static final String LIVE_BY_PRODUCTS = "select " + COLUMNS + SCOPE
			+ "and pv.product_id in (:productIds) and pv.archived = false order by pv.product_id, pv.position, pv.id";

	private static final String BY_IDS = "select " + COLUMNS + SCOPE + "and pv.id in (:ids)";

	private static final String REFS = "select pv.id, pv.prefix_id" + SCOPE
			+ "and (pv.id in (:ids) or pv.prefix_id in (:prefixIds))";

	private static final String FOR_SALE = "select " + COLUMNS + """
			, p.prefix_id as product_prefix_id, p.name as product_name, p.status as product_status,
			  e.experience_id, e.experience_ref
			from price_variants pv
			  join products p on p.id = pv.product_id
			  left join price_variant_experiences e on e.price_variant_id = pv.id
			where pv.account_id = :accountId and pv.livemode = :livemode
			  and (pv.id in (:ids) or pv.prefix_id in (:prefixIds))
			order by pv.id, e.position
			""";

	private static final String EXPERIENCES = """
			select price_variant_id, experience_id, experience_ref from price_variant_experiences
			where price_variant_id in (:ids) order by price_variant_id, position
			""";

	private static final String DELETE_EXPERIENCES = "delete from price_variant_experiences where price_variant_id = :id";

	private static final String INSERT_EXPERIENCE = """
			insert into price_variant_experiences (price_variant_id, experience_id, experience_ref, position)
			values (:id, :experienceId, :experienceRef, :position)
			""";

	private static final String NEXT_POSITION = """
			select coalesce(max(position), 0) + 1 from price_variants where product_id = :productId
			""";

	private static final String OTHER_LIVE = """
			select count(*) from price_variants where product_id = :productId and archived = false and id <> :exceptId
			""";

	private static final String INSERT = """
			insert into price_variants (prefix_id, account_id, livemode, product_id, name, amount, currency,
			  billing_type, amount_type, preset_amount, minimum_amount, maximum_amount, discounted_from_amount,
			  recurring_interval, interval_count, trial_period_days, revoke_after_days, seat_quantity,
			  quantity_available, initial_quantity, waitlist, hidden, archived, position, benefits, created_at,
			  updated_at)
			values (:prefixId, :accountId, :livemode, :productId, :name, :amount, :currency, :billingType,
			  :amountType, :presetAmount, :minimumAmount, :maximumAmount, :discountedFromAmount, :recurringInterval,
			  :intervalCount, :trialPeriodDays, :revokeAfterDays, :seatQuantity, :quantityAvailable,
			  :quantityAvailable, :waitlist, :hidden, :archived, :position, :benefits, :now, :now)
			""";

	private static final String UPDATE = """
			update price_variants set name = :name, amount = :amount, currency = :currency,
			  billing_type = :billingType, amount_type = :amountType, preset_amount = :presetAmount,
			  minimum_amount = :minimumAmount, maximum_amount = :maximumAmount,
			  discounted_from_amount = :discountedFromAmount, recurring_interval = :recurringInterval,
			  interval_count = :intervalCount, trial_period_days = :trialPeriodDays,
			  revoke_after_days = :revokeAfterDays, seat_quantity = :seatQuantity,
			  quantity_available = case when :stockSet then :quantityAvailable else quantity_available end,
			  initial_quantity = case when :stockSet then :quantityAvailable else initial_quantity end,
			  waitlist = :waitlist, hidden = :hidden, archived = :archived, position = :position,
			  benefits = :benefits, updated_at = :now
			where id = :id
			""";

	private static final String DELETE = "delete from price_variants where id = :id";

	/**
	 * Takes stock only when enough is left; an unlimited variant is always taken from.
	 */
	private static final String TAKE_STOCK = """
			update price_variants
			set quantity_available = case when quantity_available is null then null
			  else quantity_available - :quantity end
			where id = :id and (quantity_available is null or quantity_available >= :quantity)
			""";

	private static final String RETURN_STOCK = """
			update price_variants set quantity_available = quantity_available + :quantity
			where id = :id and quantity_available is not null
			""";

	private static final String STOCK = """
			select account_id, livemode, product_id, quantity_available, initial_quantity from price_variants
			where id = :id
			""";

	private static final String RECORD_SALE = """
			update price_variants set orders_count = 1 where id = :id and orders_count = 0
			""";

	private static final String RECORD_PRODUCT_SALE = """
			update products set orders_count = 1
			where id = (select product_id from price_variants where id = :id) and orders_count = 0
			""";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PriceVariantRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<PriceVariant> find(long accountId, boolean livemode, String key) {
		long id = Ids.numeric(key);
		return this.jdbc.sql(BY_KEY)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("id", id)
			.param("key", key)
			.query(this::row)
			.optional()
			.map((variant) -> withExperiences(List.of(variant)).get(0));
	}

	long count(long accountId, boolean livemode, @Nullable Long productId) {
		return this.jdbc.sql(COUNT)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("productId", (productId != null) ? productId : -1L)
			.query(Long.class)
			.single();
	}

	List<PriceVariant> page(long accountId, boolean livemode, @Nullable Long productId, PageQuery page) {
		return withExperiences(this.jdbc.sql(PAGE)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("productId", (productId != null) ? productId : -1L)
			.param("limit", page.limit())
			.param("offset", page.offset())
			.query(this::row)
			.list());
	}

	/** The variants that are not archived of each product, by position. */
	Map<Long, List<PriceVariant>> liveByProducts(long accountId, boolean livemode, Collection<Long> productIds) {
		Map<Long, List<PriceVariant>> result = new LinkedHashMap<>();
		if (productIds.isEmpty()) {
			return result;
		}
		List<PriceVariant> variants = withExperiences(this.jdbc.sql(LIVE_BY_PRODUCTS)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("productIds", productIds)
			.query(this::row)
			.list());
		variants
			.forEach((variant) -> result.computeIfAbsent(variant.productId(), (key) -> new ArrayList<>()).add(variant));
		return result;
	}

	Map<Long, PriceVariant> byIds(long accountId, boolean livemode, Collection<Long> ids) {
		Map<Long, PriceVariant> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		withExperiences(Scoped.byIds(this.jdbc, BY_IDS, accountId, livemode, ids, this::row))
			.forEach((variant) -> result.put(variant.id(), variant));
		return result;
	}

	/**
	 * The caller's variants among the given ids and prefixIds: prefixId → id and id → id,
	 * as text.
	 */
	Map<String, Long> resolve(long accountId, boolean livemode, Collection<Long> ids, Collection<String> prefixIds) {
		Map<String, Long> result = new LinkedHashMap<>();
		this.jdbc.sql(REFS)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("ids", ids.isEmpty() ? List.of(-1L) : ids)
			.param("prefixIds", prefixIds.isEmpty() ? List.of("") : prefixIds)
			.query((rs, n) -> {
				result.put(rs.getString("prefix_id"), rs.getLong("id"));
				result.put(String.valueOf(rs.getLong("id")), rs.getLong("id"));
				return null;
			})
			.list();
		return result;
	}

	/**
	 * Variants with their product's name and status and their experiences, in one
	 * statement.
	 */
	List<SaleRow> forSale(long accountId, boolean livemode, Collection<Long> ids, Collection<String> prefixIds) {
		return this.jdbc.sql(FOR_SALE)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("ids", ids.isEmpty() ? List.of(-1L) : ids)
			.param("prefixIds", prefixIds.isEmpty() ? List.of("") : prefixIds)
			.query((rs, n) -> {
				Long experienceId = nullableLong(rs, "experience_id");
				String experienceRef = rs.getString("experience_ref");
				PriceVariant.Experience experience = (experienceId != null || experienceRef != null)
						? new PriceVariant.Experience(experienceId, experienceRef) : null;
				return new SaleRow(row(rs, n), rs.getString("product_prefix_id"), rs.getString("product_name"),
						rs.getString("product_status"), experience);
			})
			.list();
	}

	int nextPosition(long productId) {
		return this.jdbc.sql(NEXT_POSITION).param("productId", productId).query(Integer.class).single();
	}

	/**
	 * How many of the product's variants, other than {@code exceptId}, are not archived.
	 */
	long otherLive(long productId, long exceptId) {
		return this.jdbc.sql(OTHER_LIVE)
			.param("productId", productId)
			.param("exceptId", exceptId)
			.query(Long.class)
			.single();
	}

	long insert(String prefixId, long accountId, boolean livemode, long productId, VariantDraft draft, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("productId", productId)
			.params(values(draft))
			.param("now", Times.db(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		if (draft.experiences != null) {
			replaceExperiences(id, draft.experiences);
		}
		return id;
	}

	void update(long id, VariantDraft draft, Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.params(values(draft))
			.param("stockSet", draft.stockSet)
			.param("now", Times.db(now))
			.update();
		if (draft.experiences != null) {
			replaceExperiences(id, draft.experiences);
		}
	}

	private Map<String, @Nullable Object> values(VariantDraft draft) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("name", draft.name);
		values.put("amount", draft.amount);
		values.put("currency", draft.currency);
		values.put("billingType", draft.billingType);
		values.put("amountType", draft.amountType);
		values.put("presetAmount", draft.presetAmount);
		values.put("minimumAmount", draft.minimumAmount);
		values.put("maximumAmount", draft.maximumAmount);
		values.put("discountedFromAmount", draft.discountedFromAmount);
		values.put("recurringInterval", draft.recurringInterval);
		values.put("intervalCount", draft.intervalCount);
		values.put("trialPeriodDays", draft.trialPeriodDays);
		values.put("revokeAfterDays", draft.revokeAfterDays);
		values.put("seatQuantity", draft.seatQuantity);
		values.put("quantityAvailable", draft.quantityAvailable);
		values.put("waitlist", draft.waitlist);
		values.put("hidden", draft.hidden);
		values.put("archived", draft.archived);
		values.put("position", draft.position);
		values.put("benefits", (draft.benefits != null) ? this.json.writeValueAsString(draft.benefits) : null);
		return values;
	}

	private void replaceExperiences(long id, List<PriceVariant.Experience> experiences) {
		this.jdbc.sql(DELETE_EXPERIENCES).param("id", id).update();
		int position = 0;
		for (PriceVariant.Experience experience : experiences) {
			this.jdbc.sql(INSERT_EXPERIENCE)
				.param("id", id)
				.param("experienceId", experience.id())
				.param("experienceRef", experience.ref())
				.param("position", position++)
				.update();
		}
	}

	void delete(long id) {
		this.jdbc.sql(DELETE).param("id", id).update();
	}

	boolean takeStock(long id, int quantity) {
		return this.jdbc.sql(TAKE_STOCK).param("id", id).param("quantity", quantity).update() == 1;
	}

	void returnStock(long id, int quantity) {
		this.jdbc.sql(RETURN_STOCK).param("id", id).param("quantity", quantity).update();
	}

	Optional<Stock> stock(long id) {
		return this.jdbc.sql(STOCK)
			.param("id", id)
			.query((rs, n) -> new Stock(rs.getLong("account_id"), rs.getBoolean("livemode"), rs.getLong("product_id"),
					nullableInt(rs, "quantity_available"), nullableInt(rs, "initial_quantity")))
			.optional();
	}

	/**
	 * Marks the variant and its product as sold. {@code orders_count} is 0 until the
	 * first sale and 1 after it: only whether there are sales matters (a sold variant or
	 * product is archived, not deleted), and an update that matches no row takes no lock,
	 * whereas counting every sale would make every checkout of a variant wait on the
	 * variant's and its product's rows until the checkout before it commits.
	 * @return true when this marked them; false when the variant was marked already (by a
	 * committed transaction: an update waits for one that is not)
	 */
	boolean recordSale(long id) {
		// a variant's first sale marks its product in the same transaction, so a variant
		// already marked has a marked product
		if (this.jdbc.sql(RECORD_SALE).param("id", id).update() == 1) {
			this.jdbc.sql(RECORD_PRODUCT_SALE).param("id", id).update();
			return true;
		}
		return false;
	}

	private List<PriceVariant> withExperiences(List<PriceVariant> variants) {
		if (variants.isEmpty()) {
			return variants;
		}
		Map<Long, List<PriceVariant.Experience>> byVariant = new LinkedHashMap<>();
		this.jdbc.sql(EXPERIENCES).param("ids", variants.stream().map(PriceVariant::id).toList()).query((rs, n) -> {
			byVariant.computeIfAbsent(rs.getLong("price_variant_id"), (key) -> new ArrayList<>())
				.add(new PriceVariant.Experience(nullableLong(rs, "experience_id"), rs.getString("experience_ref")));
			return null;
		}).list();
		return variants.stream()
			.map((variant) -> variant.withExperiences(List.copyOf(byVariant.getOrDefault(variant.id(), List.of()))))
			.toList();
	}

	private PriceVariant row(ResultSet rs, int n) throws SQLException {
		String benefits = rs.getString("benefits");
		return new PriceVariant(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getLong("product_id"), rs.getString("name"), rs.getLong("amount"),
				rs.getString("currency"), rs.getString("billing_type"), rs.getString("amount_type"),
				nullableLong(rs, "preset_amount"), nullableLong(rs, "minimum_amount"),
				nullableLong(rs, "maximum_amount"), nullableLong(rs, "discounted_from_amount"),
				rs.getString("recurring_interval"), nullableInt(rs, "interval_count"),
				nullableInt(rs, "trial_period_days"), nullableInt(rs, "revoke_after_days"),
				nullableInt(rs, "seat_quantity"), nullableInt(rs, "quantity_available"),
				nullableInt(rs, "initial_quantity"), rs.getBoolean("waitlist"), rs.getBoolean("hidden"),
				rs.getBoolean("archived"), rs.getInt("position"),
				(benefits != null) ? this.json.readValue(benefits, STRINGS) : null, rs.getInt("orders_count"),
				rs.getBoolean("is_default"), List.of(), Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

	/** A variant's stock and owner. */
	record Stock(long accountId, boolean livemode, long productId, @Nullable Integer quantityAvailable,
			@Nullable Integer initialQuantity) {
	}

	/**
	 * A variant for sale with its product's name and status and one of its experiences
	 * (or none).
	 */
	record SaleRow(PriceVariant variant, String productPrefixId, String productName, String productStatus,
			PriceVariant.@Nullable Experience experience) {
	}

}
