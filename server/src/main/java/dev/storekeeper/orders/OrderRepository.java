package dev.storekeeper.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.ReadCache;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.jdbc.Rows;
import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Orders, their lines, access tokens and refunds in SQL. */
@Repository
class OrderRepository {

	private static final String COLUMNS = """
			o.id, o.prefix_id, o.account_id, o.livemode, o.status, o.checkout_id, o.customer_id, o.discount_id,
			o.charge_id, o.currency, o.subtotal, o.discount_amount, o.amount, o.amount_refunded, o.is_free,
			o.is_seat_order, o.has_subscription, o.created_at, o.updated_at,
			(select s.prefix_id from subscriptions s where s.id = o.subscription_id) as subscription_prefix_id,
			(select i.prefix_id from invoices i where i.id = o.invoice_id) as invoice_prefix_id
			""";

	private static final String INSERT = """
			insert into orders (prefix_id, account_id, livemode, status, checkout_id, customer_id, discount_id, charge_id,
			  currency, subtotal, discount_amount, amount, amount_refunded, is_free, is_seat_order, has_subscription,
			  subscription_id, invoice_id, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, 'succeeded', :checkoutId, :customerId, :discountId, :chargeId,
			  :currency, :subtotal, :discountAmount, :amount, 0, :isFree, :isSeatOrder, :hasSubscription, :subscriptionId,
			  :invoiceId, :now, :now)
			""";

	private static final String INSERT_LINE = """
			insert into order_line_items (prefix_id, order_id, account_id, livemode, price_variant_id, product_id,
			  quantity, unit_amount, discount_amount, total, position)
			values (:prefixId, :orderId, :accountId, :livemode, :variantId, :productId, :quantity, :unitAmount,
			  :discountAmount, :total, :position)
			""";

	private static final String INSERT_ACCESS = """
			insert into access_tokens (prefix_id, token, order_id, line_item_id, account_id, livemode, product_id,
			  price_variant_id, seat, expires_at, view_count, created_at)
			values (:prefixId, :token, :orderId, :lineId, :accountId, :livemode, :productId, :variantId, :seat,
			  :expiresAt, 0, :now)
			""";

	private static final String BY_ID = "select " + COLUMNS + " from orders o where o.id = :id";

	private static final String BY_IDS = "select " + COLUMNS
			+ " from orders o where o.account_id = :accountId and o.livemode = :livemode and o.id in (:ids)";

	private static final String BY_PREFIX_ID = "select " + COLUMNS
			+ " from orders o where o.account_id = :accountId and o.livemode = :livemode and o.prefix_id = :prefixId";

	private static final String BY_CHARGE = "select " + COLUMNS + " from orders o where o.charge_id = :chargeId";

	private static final String LOCK = "select " + COLUMNS + " from orders o where o.id = :id for update";

	private static final String FILTER = """
			 from orders o where o.account_id = :accountId and o.livemode = :livemode
			  and (cast(:status as varchar(20)) is null or o.status = :status)
			  and (cast(:statuses as varchar(200)) is null or :statuses like '%,' || o.status || ',%')
			  and (cast(:customerId as bigint) is null or o.customer_id = :customerId)
			  and (cast(:subscription as varchar(40)) is null or o.subscription_id = (select s.id from subscriptions s
			       where s.account_id = o.account_id and s.prefix_id = :subscription))
			  and (cast(:createdFrom as timestamp with time zone) is null or o.created_at >= :createdFrom)
			  and (cast(:createdTo as timestamp with time zone) is null or o.created_at <= :createdTo)
			  and (cast(:productId as bigint) is null or exists (select 1 from order_line_items li
			       where li.order_id = o.id and li.product_id = :productId))
			""";

	private static final String COUNT = "select count(*)" + FILTER;

	private static final String LATEST_CURRENCY = """
			select o.customer_id, o.currency from orders o
			where o.account_id = :accountId and o.livemode = :livemode and o.customer_id in (:ids)
			  and o.id = (select max(o2.id) from orders o2 where o2.customer_id = o.customer_id
			              and o2.account_id = :accountId and o2.livemode = :livemode)
			""";

	private static final String UNITS_SOLD = """
			select li.product_id, sum(li.quantity) as units from order_line_items li join orders o on o.id = li.order_id
			where o.account_id = :accountId and o.livemode = :livemode and li.product_id in (:ids)
			  and o.status in ('succeeded', 'partially_refunded', 'disputed')
			group by li.product_id
			""";

	private static final String PAGE = "select " + COLUMNS + FILTER + Scoped.newestFirst("o");

	private static final String LINES = """
			select id, prefix_id, order_id, price_variant_id, product_id, quantity, unit_amount, discount_amount, total
			from order_line_items where\s""" + Scoped.childrenOf("order_id") + " order by order_id, position";

	private static final String ACCESS_COLUMNS = """
			id, prefix_id, token, order_id, account_id, livemode, product_id, price_variant_id, expires_at, revoked_at,
			view_count, last_viewed_at, created_at
			""";

	private static final String ACCESS_BY_ORDERS = "select " + ACCESS_COLUMNS + " from access_tokens where "
			+ Scoped.childrenOf("order_id") + " order by order_id, id";

	private static final String ACCESS_BY_TOKEN = "select " + ACCESS_COLUMNS
			+ " from access_tokens where token = :token";

	private static final String VIEW = """
			update access_tokens set view_count = view_count + 1, last_viewed_at = :now where id = :id
			""";

	private static final String REVOKE_ACCESS = """
			update access_tokens set revoked_at = :now where order_id = :orderId and revoked_at is null
			""";

	private static final String LINK_SUBSCRIPTION = """
			update orders set subscription_id = :subscriptionId, invoice_id = :invoiceId where id = :id
			""";

	private static final String RESTORE_ACCESS = """
			update access_tokens set revoked_at = null where order_id = :orderId
			""";

	private static final String REFUND_ORDER = """
			update orders set amount_refunded = amount_refunded + :amount,
			  status = case when amount_refunded + :amount >= amount then 'refunded' else 'partially_refunded' end,
			  updated_at = :now
			where id = :id and amount_refunded + :amount <= amount
			""";

	private static final String SET_STATUS = "update orders set status = :status, updated_at = :now where id = :id";

	private static final String REFUND_COLUMNS = """
			r.id, r.prefix_id, r.order_id, o.prefix_id as order_prefix_id, r.amount, r.currency, r.reason, r.notes,
			r.status, r.created_at
			from refunds r join orders o on o.id = r.order_id
			""";

	private static final String INSERT_REFUND = """
			insert into refunds (prefix_id, account_id, livemode, order_id, amount, currency, reason, notes, status,
			  processor_id, created_at)
			values (:prefixId, :accountId, :livemode, :orderId, :amount, :currency, :reason, :notes, 'succeeded',
			  :processorId, :now)
			""";

	private static final String REFUNDS_BY_ORDERS = "select " + REFUND_COLUMNS + " where "
			+ Scoped.childrenOf("r.order_id") + " order by r.created_at, r.id";

	private static final String REFUND_BY_PREFIX_ID = "select " + REFUND_COLUMNS
			+ " where r.account_id = :accountId and r.livemode = :livemode and r.prefix_id = :prefixId";

	private static final String REFUND_FILTER = """
			 where r.account_id = :accountId and r.livemode = :livemode
			  and (cast(:orderId as bigint) is null or r.order_id = :orderId)
			""";

	private static final String REFUND_COUNT = "select count(*) from refunds r" + REFUND_FILTER;

	private static final String REFUND_PAGE = "select " + REFUND_COLUMNS + REFUND_FILTER + Scoped.newestFirst("r");

	private final JdbcClient jdbc;

	/**
	 * Counts of the order list: counting a million orders takes far longer than reading a
	 * page of them, so a count is kept for {@code storekeeper.cache-ttl} (1 s) and
	 * forgotten whenever this node changes an order (see {@link ReadCache}).
	 */
	private final ReadCache counts;

	OrderRepository(JdbcClient jdbc, @Value("${storekeeper.cache-ttl:1s}") Duration cacheTtl) {
		this.jdbc = jdbc;
		this.counts = new ReadCache(cacheTtl);
	}

	private record CountKey(long accountId, boolean livemode, Filter filter) {
	}

	/** Filters of the order list; nulls mean no filter. */
	record Filter(@Nullable String status, @Nullable Long customerId, @Nullable Long productId,
			@Nullable Instant createdFrom, @Nullable Instant createdTo, @Nullable List<String> statuses,
			@Nullable String subscription) {

		Filter(@Nullable String status, @Nullable Long customerId, @Nullable Long productId,
				@Nullable Instant createdFrom, @Nullable Instant createdTo) {
			this(status, customerId, productId, createdFrom, createdTo, null, null);
		}

	}

	long insert(String prefixId, NewOrder order, boolean isSeatOrder, boolean hasSubscription, Instant now) {
		this.counts.changing();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", order.accountId())
			.param("livemode", order.livemode())
			.param("checkoutId", order.checkoutId(), java.sql.Types.BIGINT)
			.param("subscriptionId", order.subscriptionId(), java.sql.Types.BIGINT)
			.param("invoiceId", order.invoiceId(), java.sql.Types.BIGINT)
			.param("customerId", order.customerId())
			.param("discountId", order.discountId())
			.param("chargeId", order.chargeId())
			.param("currency", order.currency())
			.param("subtotal", order.subtotal())
			.param("discountAmount", order.discountAmount())
			.param("amount", order.amount())
			.param("isFree", order.amount() == 0)
			.param("isSeatOrder", isSeatOrder)
			.param("hasSubscription", hasSubscription)
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	long insertLine(String prefixId, long orderId, NewOrder order, NewOrder.NewLine line, int position) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT_LINE)
			.param("prefixId", prefixId)
			.param("orderId", orderId)
			.param("accountId", order.accountId())
			.param("livemode", order.livemode())
			.param("variantId", line.priceVariantId())
			.param("productId", line.productId())
			.param("quantity", line.quantity())
			.param("unitAmount", line.unitAmount())
			.param("discountAmount", line.discountAmount())
			.param("total", line.total())
			.param("position", position)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void insertAccess(String prefixId, String token, long orderId, long lineId, NewOrder order, NewOrder.NewLine line,
			int seat, @Nullable Instant expiresAt, Instant now) {
		this.jdbc.sql(INSERT_ACCESS)
			.param("prefixId", prefixId)
			.param("token", token)
			.param("orderId", orderId)
			.param("lineId", lineId)
			.param("accountId", order.accountId())
			.param("livemode", order.livemode())
			.param("productId", line.productId())
			.param("variantId", line.priceVariantId())
			.param("seat", seat)
			.param("expiresAt", Times.db(expiresAt))
			.param("now", Times.db(now))
			.update();
	}

	Optional<Order> findById(long id) {
		return this.jdbc.sql(BY_ID).param("id", id).query(this::order).optional();
	}

	Optional<Order> findByChargeId(long chargeId) {
		return this.jdbc.sql(BY_CHARGE).param("chargeId", chargeId).query(this::order).optional();
	}

	Order get(long id) {
		return this.jdbc.sql(BY_ID).param("id", id).query(this::order).single();
	}

	List<Order> byIds(long accountId, boolean livemode, Collection<Long> ids) {
		return Scoped.byIds(this.jdbc, BY_IDS, accountId, livemode, ids, this::order);
	}

	Optional<Order> find(long accountId, boolean livemode, String prefixId) {
		return this.jdbc.sql(BY_PREFIX_ID)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("prefixId", prefixId)
			.query(this::order)
			.optional();
	}

	Order lock(long id) {
		return this.jdbc.sql(LOCK).param("id", id).query(this::order).single();
	}

	long count(long accountId, boolean livemode, Filter filter) {
		return (Long) this.counts.getRefreshing(new CountKey(accountId, livemode, filter),
				() -> filtered(COUNT, accountId, livemode, filter).query(Long.class).single());
	}

	List<Order> page(long accountId, boolean livemode, Filter filter, PageQuery page) {
		return filtered(PAGE, accountId, livemode, filter).param("limit", page.limit())
			.param("offset", page.offset())
			.query(this::order)
			.list();
	}

	private JdbcClient.StatementSpec filtered(String sql, long accountId, boolean livemode, Filter filter) {
		return this.jdbc.sql(sql)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("status", filter.status(), java.sql.Types.VARCHAR)
			.param("statuses", (filter.statuses() != null) ? "," + String.join(",", filter.statuses()) + "," : null,
					java.sql.Types.VARCHAR)
			.param("customerId", filter.customerId(), java.sql.Types.BIGINT)
			.param("subscription", filter.subscription(), java.sql.Types.VARCHAR)
			.param("productId", filter.productId(), java.sql.Types.BIGINT)
			.param("createdFrom", Times.db(filter.createdFrom()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("createdTo", Times.db(filter.createdTo()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
	}

	/**
	 * Units of each of {@code productIds} on lines of paid orders (succeeded, partially
	 * refunded or disputed), in one statement.
	 */
	Map<Long, Long> unitsSold(long accountId, boolean livemode, Collection<Long> productIds) {
		Map<Long, Long> result = new java.util.HashMap<>();
		if (productIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql(UNITS_SOLD)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("ids", productIds)
			.query((rs, n) -> Map.entry(rs.getLong("product_id"), rs.getLong("units")))
			.list()
			.forEach((entry) -> result.put(entry.getKey(), entry.getValue()));
		return result;
	}

	/** The currency of each customer's latest order, for those with one. */
	Map<Long, String> latestCurrency(long accountId, boolean livemode, Collection<Long> customerIds) {
		Map<Long, String> result = new java.util.HashMap<>();
		if (customerIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql(LATEST_CURRENCY)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("ids", customerIds)
			.query((rs, n) -> Map.entry(rs.getLong("customer_id"), rs.getString("currency")))
			.list()
			.forEach((entry) -> result.put(entry.getKey(), entry.getValue()));
		return result;
	}

	List<Order.Line> lines(Collection<Long> orderIds) {
		if (orderIds.isEmpty()) {
			return List.of();
		}
		return Scoped.ofParents(this.jdbc, LINES, orderIds)
			.query((rs, n) -> new Order.Line(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("order_id"),
					rs.getLong("price_variant_id"), rs.getLong("product_id"), rs.getInt("quantity"),
					rs.getLong("unit_amount"), rs.getLong("discount_amount"), rs.getLong("total")))
			.list();
	}

	List<Order.Access> access(Collection<Long> orderIds) {
		if (orderIds.isEmpty()) {
			return List.of();
		}
		return Scoped.ofParents(this.jdbc, ACCESS_BY_ORDERS, orderIds).query(this::accessRow).list();
	}

	Optional<Order.Access> accessByToken(String token) {
		return this.jdbc.sql(ACCESS_BY_TOKEN).param("token", token).query(this::accessRow).optional();
	}

	void viewed(long accessId, Instant now) {
		this.jdbc.sql(VIEW).param("id", accessId).param("now", Times.db(now)).update();
	}

	void revokeAccess(long orderId, Instant now) {
		this.jdbc.sql(REVOKE_ACCESS).param("orderId", orderId).param("now", Times.db(now)).update();
	}

	void linkSubscription(long orderId, long subscriptionId, long invoiceId) {
		this.jdbc.sql(LINK_SUBSCRIPTION)
			.param("id", orderId)
			.param("subscriptionId", subscriptionId)
			.param("invoiceId", invoiceId)
			.update();
	}

	void restoreAccess(long orderId) {
		this.jdbc.sql(RESTORE_ACCESS).param("orderId", orderId).update();
	}

	boolean refund(long orderId, long amount, Instant now) {
		this.counts.changing();
		return this.jdbc.sql(REFUND_ORDER)
			.param("id", orderId)
			.param("amount", amount)
			.param("now", Times.db(now))
			.update() == 1;
	}

	void setStatus(long orderId, OrderStatus status, Instant now) {
		this.counts.changing();
		this.jdbc.sql(SET_STATUS)
			.param("id", orderId)
			.param("status", status.wire())
			.param("now", Times.db(now))
			.update();
	}

	long insertRefund(String prefixId, Order order, long amount, @Nullable String reason, @Nullable String notes,
			String processorId, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT_REFUND)
			.param("prefixId", prefixId)
			.param("accountId", order.accountId())
			.param("livemode", order.livemode())
			.param("orderId", order.id())
			.param("amount", amount)
			.param("currency", order.currency())
			.param("reason", reason)
			.param("notes", notes)
			.param("processorId", processorId)
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	List<Order.Refund> refunds(Collection<Long> orderIds) {
		if (orderIds.isEmpty()) {
			return List.of();
		}
		return Scoped.ofParents(this.jdbc, REFUNDS_BY_ORDERS, orderIds).query(this::refund).list();
	}

	Optional<Order.Refund> findRefund(long accountId, boolean livemode, String prefixId) {
		return this.jdbc.sql(REFUND_BY_PREFIX_ID)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("prefixId", prefixId)
			.query(this::refund)
			.optional();
	}

	long countRefunds(long accountId, boolean livemode, @Nullable Long orderId) {
		return this.jdbc.sql(REFUND_COUNT)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("orderId", orderId, java.sql.Types.BIGINT)
			.query(Long.class)
			.single();
	}

	List<Order.Refund> refundPage(long accountId, boolean livemode, @Nullable Long orderId, PageQuery page) {
		return this.jdbc.sql(REFUND_PAGE)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("orderId", orderId, java.sql.Types.BIGINT)
			.param("limit", page.limit())
			.param("offset", page.offset())
			.query(this::refund)
			.list();
	}

	private Order order(ResultSet rs, int n) throws SQLException {
		return new Order(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), OrderStatus.of(rs.getString("status")), Rows.nullableLong(rs, "checkout_id"),
				rs.getLong("customer_id"), Rows.nullableLong(rs, "discount_id"), Rows.nullableLong(rs, "charge_id"),
				rs.getString("currency"), rs.getLong("subtotal"), rs.getLong("discount_amount"), rs.getLong("amount"),
				rs.getLong("amount_refunded"), rs.getBoolean("is_free"), rs.getBoolean("is_seat_order"),
				rs.getBoolean("has_subscription"), Times.read(rs, "created_at"), Times.read(rs, "updated_at"),
				rs.getString("subscription_prefix_id"), rs.getString("invoice_prefix_id"));
	}

	private Order.Access accessRow(ResultSet rs, int n) throws SQLException {
		return new Order.Access(rs.getLong("id"), rs.getString("prefix_id"), rs.getString("token"),
				rs.getLong("order_id"), rs.getLong("account_id"), rs.getBoolean("livemode"), rs.getLong("product_id"),
				rs.getLong("price_variant_id"), Times.read(rs, "expires_at"), Times.read(rs, "revoked_at"),
				rs.getInt("view_count"), Times.read(rs, "last_viewed_at"), Times.read(rs, "created_at"));
	}

	private Order.Refund refund(ResultSet rs, int n) throws SQLException {
		return new Order.Refund(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("order_id"),
				rs.getString("order_prefix_id"), rs.getLong("amount"), rs.getString("currency"), rs.getString("reason"),
				rs.getString("notes"), rs.getString("status"), Times.read(rs, "created_at"));
	}

}
