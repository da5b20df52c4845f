package dev.storekeeper.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.jdbc.Scoped;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.jdbc.Rows;
import dev.storekeeper.platform.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Invoices, their lines and their numbers, in SQL. */
@Repository
class InvoiceRepository {

	private static final String COLUMNS = """
			i.id, i.prefix_id, i.account_id, i.livemode, i.number, i.status, i.billing_reason, i.subscription_id,
			s.prefix_id as subscription_prefix_id, i.customer_id, c.prefix_id as customer_prefix_id, i.price_variant_id,
			pv.prefix_id as variant_prefix_id, i.order_id, o.prefix_id as order_prefix_id, i.description,
			i.customer_name, i.email_address, i.subtotal, i.discount_amount, i.amount, i.currency, i.due_at, i.paid_at,
			i.voided_at, i.period_start, i.period_end, i.attempt_count, i.next_payment_attempt_at, i.charge_buyer_fee,
			i.hosted_token, i.test_clock_id, tc.prefix_id as clock_prefix_id, i.created_at, i.updated_at
			from invoices i
			join customers c on c.id = i.customer_id
			join price_variants pv on pv.id = i.price_variant_id
			left join subscriptions s on s.id = i.subscription_id
			left join orders o on o.id = i.order_id
			left join test_clocks tc on tc.id = i.test_clock_id
			""";

	private static final String BY_ID = "select " + COLUMNS + " where i.id = :id";

	private static final String BY_KEY = "select " + COLUMNS
			+ " where i.account_id = :accountId and i.livemode = :livemode and (i.prefix_id = :key or i.id = :id)";

	private static final String BY_TOKEN = "select " + COLUMNS + " where i.hosted_token = :token";

	private static final String LOCK = "select id from invoices where id = :id for update";

	private static final String UNPAID_OF_SUBSCRIPTION = """
			select id from invoices where subscription_id = :subscriptionId and status in ('open', 'past_due')
			order by id desc limit 1
			""";

	private static final String FILTER = """
			 where i.account_id = :accountId and i.livemode = :livemode
			  and (cast(:status as varchar(20)) is null or i.status = :status)
			  and (cast(:customerId as bigint) is null or i.customer_id = :customerId)
			  and (cast(:subscriptionId as bigint) is null or i.subscription_id = :subscriptionId)
			""";

	private static final String COUNT = "select count(*) from invoices i" + FILTER;

	private static final String PAGE = "select " + COLUMNS + FILTER + Scoped.newestFirst("i");

	private static final String LINES = """
			select l.id, l.prefix_id, l.invoice_id, l.price_variant_id, pv.prefix_id as variant_prefix_id, l.product_id,
			  p.prefix_id as product_prefix_id, l.description, l.quantity, l.unit_amount, l.amount
			from invoice_line_items l
			join price_variants pv on pv.id = l.price_variant_id
			join products p on p.id = l.product_id
			where\s""" + Scoped.childrenOf("l.invoice_id") + " order by l.invoice_id, l.position";

	private static final String BUMP_COUNTER = """
			update invoice_counters set last_number = last_number + 1
			where account_id = :accountId and livemode = :livemode
			""";

	private static final String START_COUNTER = """
			insert into invoice_counters (account_id, livemode, last_number) values (:accountId, :livemode, 0)
			on conflict do nothing
			""";

	private static final String READ_COUNTER = """
			select last_number from invoice_counters where account_id = :accountId and livemode = :livemode
			""";

	private static final String INSERT = """
			insert into invoices (prefix_id, account_id, livemode, number, status, billing_reason, subscription_id,
			  customer_id, price_variant_id, description, customer_name, email_address, subtotal, discount_amount,
			  amount, currency, due_at, period_start, period_end, attempt_count, charge_buyer_fee, hosted_token,
			  test_clock_id, created_at, updated_at)
			values (:prefixId, :accountId, :livemode, :number, 'open', :reason, :subscriptionId, :customerId,
			  :variantId, :description, :customerName, :email, :subtotal, :discountAmount, :amount, :currency, :dueAt,
			  :periodStart, :periodEnd, 0, :chargeBuyerFee, :token, :clockId, :now, :now)
			""";

	private static final String INSERT_LINE = """
			insert into invoice_line_items (prefix_id, invoice_id, price_variant_id, product_id, description, quantity,
			  unit_amount, amount, position)
			values (:prefixId, :invoiceId, :variantId, :productId, :description, :quantity, :unitAmount, :amount,
			  :position)
			""";

	private static final String UPDATE = """
			update invoices set status = :status, order_id = :orderId, paid_at = :paidAt, voided_at = :voidedAt,
			  attempt_count = :attempts, next_payment_attempt_at = :nextAttempt, updated_at = :now
			where id = :id
			""";

	private static final String NEXT_PAST_DUE_ON_CLOCK = """
			select id, due_at from invoices
			where test_clock_id = :clockId and status = 'open' and subscription_id is null and due_at <= :at
			order by due_at, id limit 1
			""";

	private static final String PAST_DUE = """
			select id from invoices
			where test_clock_id is null and status = 'open' and subscription_id is null and due_at <= :at
			order by due_at, id limit :limit
			""";

	private final JdbcClient jdbc;

	InvoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new invoice's values. */
	record NewInvoice(long accountId, boolean livemode, String billingReason, @Nullable Long subscriptionId,
			long customerId, long priceVariantId, @Nullable String description, @Nullable String customerName,
			String emailAddress, long subtotal, long discountAmount, long amount, String currency, Instant dueAt,
			@Nullable Instant periodStart, @Nullable Instant periodEnd, boolean chargeBuyerFee,
			@Nullable Long testClockId, List<NewLine> lines) {
	}

	/** A new line. */
	record NewLine(long priceVariantId, long productId, @Nullable String description, int quantity, long unitAmount) {
	}

	/** Filters of the list; nulls mean no filter. */
	record Filter(@Nullable String status, @Nullable Long customerId, @Nullable Long subscriptionId) {
	}

	/**
	 * The next number of the account and mode: the counter's row lock serialises
	 * numbering, so numbers have no gap and no twin (a rolled-back invoice gives its
	 * number back).
	 */
	String nextNumber(long accountId, boolean livemode) {
		int bumped = this.jdbc.sql(BUMP_COUNTER).param("accountId", accountId).param("livemode", livemode).update();
		if (bumped == 0) {
			this.jdbc.sql(START_COUNTER).param("accountId", accountId).param("livemode", livemode).update();
			this.jdbc.sql(BUMP_COUNTER).param("accountId", accountId).param("livemode", livemode).update();
		}
		long number = this.jdbc.sql(READ_COUNTER)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.query(Long.class)
			.single();
		return "#%08d".formatted(number);
	}

	long insert(String prefixId, String number, String token, NewInvoice invoice, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("prefixId", prefixId)
			.param("accountId", invoice.accountId())
			.param("livemode", invoice.livemode())
			.param("number", number)
			.param("reason", invoice.billingReason())
			.param("subscriptionId", invoice.subscriptionId(), Types.BIGINT)
			.param("customerId", invoice.customerId())
			.param("variantId", invoice.priceVariantId())
			.param("description", invoice.description())
			.param("customerName", invoice.customerName())
			.param("email", invoice.emailAddress())
			.param("subtotal", invoice.subtotal())
			.param("discountAmount", invoice.discountAmount())
			.param("amount", invoice.amount())
			.param("currency", invoice.currency())
			.param("dueAt", Times.db(invoice.dueAt()))
			.param("periodStart", Times.db(invoice.periodStart()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("periodEnd", Times.db(invoice.periodEnd()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("chargeBuyerFee", invoice.chargeBuyerFee())
			.param("token", token)
			.param("clockId", invoice.testClockId(), Types.BIGINT)
			.param("now", Times.db(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		int position = 0;
		for (NewLine line : invoice.lines()) {
			this.jdbc.sql(INSERT_LINE)
				.param("prefixId", dev.storekeeper.platform.web.Ids.next("il"))
				.param("invoiceId", id)
				.param("variantId", line.priceVariantId())
				.param("productId", line.productId())
				.param("description", line.description())
				.param("quantity", line.quantity())
				.param("unitAmount", line.unitAmount())
				.param("amount", line.unitAmount() * line.quantity())
				.param("position", position++)
				.update();
		}
		return id;
	}

	/** Writes the moving part of an invoice. */
	void update(long id, InvoiceStatus status, @Nullable Long orderId, @Nullable Instant paidAt,
			@Nullable Instant voidedAt, int attempts, @Nullable Instant nextAttempt, Instant now) {
		this.jdbc.sql(UPDATE)
			.param("id", id)
			.param("status", status.wire())
			.param("orderId", orderId, Types.BIGINT)
			.param("paidAt", Times.db(paidAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("voidedAt", Times.db(voidedAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("attempts", attempts)
			.param("nextAttempt", Times.db(nextAttempt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("now", Times.db(now))
			.update();
	}

	Invoice get(long id) {
		Invoice invoice = this.jdbc.sql(BY_ID).param("id", id).query(this::row).single();
		return withLines(List.of(invoice)).get(0);
	}

	Invoice lock(long id) {
		this.jdbc.sql(LOCK).param("id", id).query(Long.class).single();
		return get(id);
	}

	/** By prefixed id or (when {@code key} is all digits) integer id. */
	Optional<Invoice> find(long accountId, boolean livemode, String key) {
		return Scoped.byKey(this.jdbc, BY_KEY, accountId, livemode, key, this::row)
			.map((invoice) -> withLines(List.of(invoice)).get(0));
	}

	Optional<Invoice> findByToken(String token) {
		return this.jdbc.sql(BY_TOKEN)
			.param("token", token)
			.query(this::row)
			.optional()
			.map((invoice) -> withLines(List.of(invoice)).get(0));
	}

	Optional<Long> unpaidOf(long subscriptionId) {
		return this.jdbc.sql(UNPAID_OF_SUBSCRIPTION)
			.param("subscriptionId", subscriptionId)
			.query(Long.class)
			.optional();
	}

	Optional<SubscriptionRepository.Due> nextPastDueOnClock(long clockId, Instant at) {
		return this.jdbc.sql(NEXT_PAST_DUE_ON_CLOCK)
			.param("clockId", clockId)
			.param("at", Times.db(at))
			.query((rs, n) -> new SubscriptionRepository.Due(rs.getLong("id"), Times.read(rs, "due_at")))
			.optional();
	}

	List<Long> pastDue(Instant at, int limit) {
		return this.jdbc.sql(PAST_DUE).param("at", Times.db(at)).param("limit", limit).query(Long.class).list();
	}

	long count(long accountId, boolean livemode, Filter filter) {
		return filtered(COUNT, accountId, livemode, filter).query(Long.class).single();
	}

	List<Invoice> page(long accountId, boolean livemode, Filter filter, PageQuery page) {
		return withLines(filtered(PAGE, accountId, livemode, filter).param("limit", page.limit())
			.param("offset", page.offset())
			.query(this::row)
			.list());
	}

	private JdbcClient.StatementSpec filtered(String sql, long accountId, boolean livemode, Filter filter) {
		return this.jdbc.sql(sql)
			.param("accountId", accountId)
			.param("livemode", livemode)
			.param("status", filter.status(), Types.VARCHAR)
			.param("customerId", filter.customerId(), Types.BIGINT)
			.param("subscriptionId", filter.subscriptionId(), Types.BIGINT);
	}

	/** The invoices with their lines, in one more statement. */
	private List<Invoice> withLines(List<Invoice> invoices) {
		if (invoices.isEmpty()) {
			return invoices;
		}
		Map<Long, List<Invoice.Line>> byInvoice = new LinkedHashMap<>();
		Collection<Long> ids = invoices.stream().map(Invoice::id).toList();
		Scoped.ofParents(this.jdbc, LINES, ids)
			.query((rs, n) -> new Invoice.Line(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("invoice_id"),
					rs.getLong("price_variant_id"), rs.getString("variant_prefix_id"), rs.getLong("product_id"),
					rs.getString("product_prefix_id"), rs.getString("description"), rs.getInt("quantity"),
					rs.getLong("unit_amount"), rs.getLong("amount")))
			.list()
			.forEach((line) -> byInvoice.computeIfAbsent(line.invoiceId(), (key) -> new ArrayList<>()).add(line));
		return invoices.stream()
			.map((invoice) -> invoice.withLines(byInvoice.getOrDefault(invoice.id(), List.of())))
			.toList();
	}

	private Invoice row(ResultSet rs, int n) throws SQLException {
		return new Invoice(rs.getLong("id"), rs.getString("prefix_id"), rs.getLong("account_id"),
				rs.getBoolean("livemode"), rs.getString("number"), InvoiceStatus.of(rs.getString("status")),
				rs.getString("billing_reason"), Rows.nullableLong(rs, "subscription_id"),
				rs.getString("subscription_prefix_id"), rs.getLong("customer_id"), rs.getString("customer_prefix_id"),
				rs.getLong("price_variant_id"), rs.getString("variant_prefix_id"), Rows.nullableLong(rs, "order_id"),
				rs.getString("order_prefix_id"), rs.getString("description"), rs.getString("customer_name"),
				rs.getString("email_address"), rs.getLong("subtotal"), rs.getLong("discount_amount"),
				rs.getLong("amount"), rs.getString("currency"), Times.read(rs, "due_at"), Times.read(rs, "paid_at"),
				Times.read(rs, "voided_at"), Times.read(rs, "period_start"), Times.read(rs, "period_end"),
				rs.getInt("attempt_count"), Times.read(rs, "next_payment_attempt_at"),
				rs.getBoolean("charge_buyer_fee"), rs.getString("hosted_token"), Rows.nullableLong(rs, "test_clock_id"),
				rs.getString("clock_prefix_id"), Times.read(rs, "created_at"), Times.read(rs, "updated_at"), List.of());
	}

}
