package dev.storekeeper.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.payments.PaymentGateway;
import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.Rows;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Subscriptions and the saved cards they charge, in SQL. */
@Repository
class SubscriptionRepository {

	private static final String COLUMNS = """
			s.id, s.prefix_id, s.account_id, s.livemode, s.status, s.customer_id, c.prefix_id as customer_prefix_id,
			s.price_variant_id, pv.prefix_id as variant_prefix_id, s.product_id, p.prefix_id as product_prefix_id,
			s.order_id, o.prefix_id as order_prefix_id, s.latest_invoice_id, i.prefix_id as invoice_prefix_id,
			s.payment_method_id, s.test_clock_id, tc.prefix_id as clock_prefix_id, s.quantity, s.amount, s.currency,
			s.recurring_interval, s.interval_count, s.anchor_at, s.periods, s.current_period_start,
			s.current_period_end, s.trial_ends_at, s.ends_at, s.cancel_at_period_end, s.canceled_at, s.paused_at,
			s.next_payment_attempt_at, s.created_at, s.updated_at, pm.brand, pm.last_four, pm.exp_month, pm.exp_year
			from subscriptions s
			left join payment_methods pm on pm.id = s.payment_method_id
			join customers c on c.id = s.customer_id
			join price_variants pv on pv.id = s.price_variant_id
			join products p on p.id = s.product_id
			join orders o on o.id = s.order_id
			left join invoices i on i.id = s.latest_invoice_id
			left join test_clocks tc on tc.id = s.test_clock_id
			""";

	private static final String BY_ID = "select " + COLUMNS + " where s.id = :id";

	private static final String BY_KEY = "select " + COLUMNS
			+ " where s.account_id = :accountId and s.livemode = :livemode and (s.prefix_id = :key or s.id = :id)";

	/**
	 * The row lock of a change: another transaction holding it (a renewal under way)
	 * makes this one wait.
	 */
	private static final String LOCK = "select id from subscriptions where id = :id for update";

	/**
	 * The claim of a renewal: a row another node holds is skipped, one no longer due is
	 * not returned, so two nodes never renew the same period.
	 */
	private static final String CLAIM = """
			select id from subscriptions
			where id = :id and next_payment_attempt_at <= :at and status in ('trialing', 'active', 'past_due')
			for update skip locked
			""";

	private static final String DUE = """
			select id from subscriptions
			where test_clock_id is null and next_payment_attempt_at <= :at
			  and status in ('trialing', 'active', 'past_due')
			order by next_payment_attempt_at, id limit :limit
			""";

	private static final String NEXT_DUE_ON_CLOCK = """
			select id, next_payment_attempt_at from subscriptions
			where test_clock_id = :clockId and next_payment_attempt_at <= :at
			  and status in ('trialing', 'active', 'past_due')
			order by next_payment_attempt_at, id limit 1
			""";

	private static final String ON_CLOCK = """
			select id from subscriptions where test_clock_id = :clockId and status <> 'canceled'
			""";

	private static final String FILTER = """
			 where s.account_id = :accountId and s.livemode = :livemode
			  and (cast(:status as varchar(20)) is null or s.status = :status)
			  and (cast(:customerId as bigint) is null or s.customer_id = :customerId)
			  and (cast(:variantId as bigint) is null or s.price_variant_id = :variantId)
			""";

	private static final String COUNT = "select count(*) from subscriptions s" + FILTER;

	private static final String PAGE = "select " + COLUMNS + FILTER + Scoped.newestFirst("s");

	private static final String INSERT = """
			insert into subscriptions (prefix_id, account_id, livemode, status, customer_id, price_variant_id,
			  product_id, order_id, payment_method_id, test_clock_id, quantity, amount, currency, recurring_interval,
			  interval_count, anchor_at, periods, current_period_start, current_period_end, trial_ends_at,
			  cancel_at_period_end, next_payment_attempt_at, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :status, :customerId, :variantId, :productId, :orderId,
			  :paymentMethodId, :clockId, :quantity, :amount, :currency, :interval, :intervalCount, :anchorAt, :periods,
			  :periodStart, :periodEnd, :trialEndsAt, false, :nextAttempt, :now, :now)
			""";

	private static final String UPDATE = """
			update subscriptions set status = :status, latest_invoice_id = :latestInvoiceId, anchor_at = :anchorAt,
			  periods = :periods, current_period_start = :periodStart, current_period_end = :periodEnd,
			  ends_at = :endsAt, cancel_at_period_end = :cancelAtPeriodEnd, canceled_at = :canceledAt,
			  paused_at = :pausedAt, next_payment_attempt_at = :nextAttempt, updated_at = :now
			where id = :id
			""";

	private static final String INSERT_METHOD = """
			insert into payment_methods (prefix_id, account_id, livemode, customer_id, gateway, processor_id,
			  processor_customer_id, brand, last_four, exp_month, exp_year, created_at)
			values (:prefixId, :accountId, :livemode, :customerId, :gateway, :processorId, :processorCustomerId, :brand,
			  :lastFour, :expMonth, :expYear, :now)
			""";

	private static final String METHOD = """
			select id, gateway, processor_id, processor_customer_id, brand, last_four, exp_month, exp_year
			from payment_methods where id = :id
			""";

	private static final String SET_METHOD = """
			update subscriptions set payment_method_id = :methodId, updated_at = :now where id = :id
			""";

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A saved card with the gateway that keeps it. */
	record Method(long id, String gateway, PaymentGateway.SavedCard card) {
	}

	/** A new subscription's values. */
	record NewSubscription(long accountId, boolean livemode, SubscriptionStatus status, long customerId,
			long priceVariantId, long productId, long orderId, @Nullable Long paymentMethodId,
			@Nullable Long testClockId, int quantity, long amount, String currency, String interval, int intervalCount,
			Instant anchorAt, int periods, Instant periodStart, Instant periodEnd, @Nullable Instant trialEndsAt,
			Instant nextAttempt) {
	}

	/** Filters of the list; nulls mean no filter. */
	record Filter(@Nullable String status, @Nullable Long customerId, @Nullable Long variantId) {
	}

	long insert(String prefixId, NewSubscription s, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", s.accountId())
			.param("livemode", s.livemode())
			.param("status", s.status().wire())
			.param("customerId", s.customerId())
			.param("variantId", s.priceVariantId())
			.param("productId", s.productId())
			.param("orderId", s.orderId())
			.param("paymentMethodId", s.paymentMethodId(), Types.BIGINT)
			.param("clockId", s.testClockId(), Types.BIGINT)
			.param("quantity", s.quantity())
			.param("amount", s.amount())
			.param("currency", s.currency())
			.param("interval", s.interval())
			.param("intervalCount", s.intervalCount())
			.param("anchorAt", Times.db(s.anchorAt()))
			.param("periods", s.periods())
			.param("periodStart", Times.db(s.periodStart()))
			.param("periodEnd", Times.db(s.periodEnd()))
			.param("trialEndsAt", Times.db(s.trialEndsAt()))
			.param("nextAttempt", Times.db(s.nextAttempt()))
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** Writes the changing part of a subscription. */
	void update(long id, Subscription.Change s, Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.param("status", s.status.wire())
			.param("latestInvoiceId", s.latestInvoiceId, Types.BIGINT)
			.param("anchorAt", Times.db(s.anchorAt))
			.param("periods", s.periods)
			.param("periodStart", Times.db(s.periodStart))
			.param("periodEnd", Times.db(s.periodEnd))
			.param("endsAt", Times.db(s.endsAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("cancelAtPeriodEnd", s.cancelAtPeriodEnd)
			.param("canceledAt", Times.db(s.canceledAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("pausedAt", Times.db(s.pausedAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("nextAttempt", Times.db(s.nextAttempt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("now", Times.db(now))
			.update();
	}

	Subscription get(long id) {
		return this.jdbc.sql(BY_ID).param("id", id).query(this::row).single();
	}

	/** By prefixed id or (when {@code key} is all digits) integer id. */
	Optional<Subscription> find(long accountId, boolean livemode, String key) {
		return Scoped.byKey(this.jdbc, BY_KEY, accountId, livemode, key, this::row);
	}

	/** Locks the row (waiting for a renewal under way) and reads it again. */
	Subscription lock(long id) {
		this.jdbc.sql(LOCK).param("id", id).query(Long.class).single();
		return get(id);
	}

	/**
	 * Claims a due subscription, or none when another node holds it or it is no longer
	 * due.
	 */
	Optional<Subscription> claim(long id, Instant at) {
		Optional<Long> claimed = this.jdbc.sql(CLAIM)
			.param("id", id)
			.param("at", Times.db(at))
			.query(Long.class)
			.optional();
		return claimed.map(this::get);
	}

	/** Subscriptions on the wall clock due at {@code at}, oldest first. */
	List<Long> due(Instant at, int limit) {
		return this.jdbc.sql(DUE).param("at", Times.db(at)).param("limit", limit).query(Long.class).list();
	}

	/** The next step due on a test clock up to {@code at}: the subscription and when. */
	Optional<Due> nextDueOnClock(long clockId, Instant at) {
		return this.jdbc.sql(NEXT_DUE_ON_CLOCK)
			.param("clockId", clockId)
			.param("at", Times.db(at))
			.query((rs, n) -> new Due(rs.getLong("id"), Times.read(rs, "next_payment_attempt_at")))
			.optional();
	}

	/** A step due: a subscription, and when. */
	record Due(long subscriptionId, Instant at) {
	}

	List<Long> onClock(long clockId) {
		return this.jdbc.sql(ON_CLOCK).param("clockId", clockId).query(Long.class).list();
	}

	long count(long accountId, boolean livemode, Filter filter) {
		return filtered(COUNT, accountId, livemode, filter).query(Long.class).single();
	}

	List<Subscription> page(long accountId, boolean livemode, Filter filter, PageQuery page) {
		return filtered(PAGE, accountId, livemode, filter).param("limit", page.limit())
			.param("offset", page.offset())
			.query(this::row)
			.list();
	}

	private JdbcClient.StatementSpec filtered(String sql, long accountId, boolean livemode, Filter filter) {
		return this.jdbc.sql(sql)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("status", filter.status(), Types.VARCHAR)
			.param("customerId", filter.customerId(), Types.BIGINT)
			.param("variantId", filter.variantId(), Types.BIGINT);
	}

	long insertMethod(String prefixId, long accountId, boolean livemode, long customerId, String gateway,
			PaymentGateway.SavedCard card, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT_METHOD)
			.param("prefixId", prefixId)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("customerId", customerId)
			.param("gateway", gateway)
			.param("processorId", card.processorId())
			.param("processorCustomerId", card.processorCustomerId())
			.param("brand", card.brand())
			.param("lastFour", card.lastFour())
			.param("expMonth", card.expMonth())
			.param("expYear", card.expYear())
			.param("now", Times.db(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<Method> method(long id) {
		return this.jdbc.sql(METHOD)
			.param("id", id)
			.query((rs, n) -> new Method(rs.getLong("id"), rs.getString("gateway"),
					new PaymentGateway.SavedCard(rs.getString("processor_id"), rs.getString("processor_customer_id"),
							rs.getString("brand"), rs.getString("last_four"), rs.getInt("exp_month"),
							rs.getInt("exp_year"))))
			.optional();
	}

	void setMethod(long subscriptionId, long methodId, Instant now) {
		this.jdbc.sql(SET_METHOD)
			.param("id", subscriptionId)
			.param("methodId", methodId)
			.param("now", Times.db(now))
			.update();
	}

	private Subscription row(ResultSet rs, int n) throws SQLException {
		return new Subscription(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), SubscriptionStatus.of(rs.getString("status")), rs.getLong("customer_id"),
				rs.getString("customer_prefix_id"), rs.getLong("price_variant_id"), rs.getString("variant_prefix_id"),
				rs.getLong("product_id"), rs.getString("product_prefix_id"), rs.getLong("order_id"),
				rs.getString("order_prefix_id"), Rows.nullableLong(rs, "latest_invoice_id"),
				rs.getString("invoice_prefix_id"), Rows.nullableLong(rs, "payment_method_id"),
				(rs.getString("brand") != null) ? new Subscription.CardSummary(rs.getString("brand"),
						rs.getString("last_four"), rs.getInt("exp_month"), rs.getInt("exp_year")) : null,
				Rows.nullableLong(rs, "test_clock_id"), rs.getString("clock_prefix_id"), rs.getInt("quantity"),
				rs.getLong("amount"), rs.getString("currency"), rs.getString("recurring_interval"),
				rs.getInt("interval_count"), Times.read(rs, "anchor_at"), rs.getInt("periods"),
				Times.read(rs, "current_period_start"), Times.read(rs, "current_period_end"),
				Times.read(rs, "trial_ends_at"), Times.read(rs, "ends_at"), rs.getBoolean("cancel_at_period_end"),
				Times.read(rs, "canceled_at"), Times.read(rs, "paused_at"), Times.read(rs, "next_payment_attempt_at"),
				Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
	}

}
