package dev.storekeeper.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.storekeeper.accounts.AccountJson;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.discounts.Discounts;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Expand;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.PublicUrl;
import dev.storekeeper.platform.web.RenderedOnce;
import dev.storekeeper.platform.Times;
import dev.storekeeper.sales.OrderDisputed;
import dev.storekeeper.sales.OrderPlaced;
import dev.storekeeper.sales.OrderRefunded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.storekeeper.platform.web.WireSchema;

/**
 * The order book: places the order of a completed checkout with its lines and access
 * tokens, shows orders with their expansions in batches, and refunds them through the
 * gateway that charged.
 */
@Service
public class OrderBook {

	/** The relations an order can expand. */
	public static final Set<String> EXPANSIONS = Set.of("line_items", "customer", "discount", "access_tokens",
			"seller_account", "charge", "refunds");

	private final OrderRepository orders;

	private final Catalog catalog;

	private final Customers customers;

	private final Discounts discounts;

	private final Payments payments;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PublicUrl publicUrl;

	private final JsonMapper json;

	OrderBook(OrderRepository orders, Catalog catalog, Customers customers, Discounts discounts, Payments payments,
			Accounts accounts, ApplicationEventPublisher events, Clock clock, PublicUrl publicUrl, JsonMapper json) {
		this.orders = orders;
		this.catalog = catalog;
		this.customers = customers;
		this.discounts = discounts;
		this.payments = payments;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.publicUrl = publicUrl;
		this.json = json;
	}

	/**
	 * Places the order of a completed checkout inside the checkout's transaction: the
	 * order, its lines and one access token per line (one per seat for seat variants);
	 * publishes {@link OrderPlaced}, on which the catalog records the sales and customers
	 * their counters, in this transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PlacedOrder place(NewOrder order) {
		if (order.lines().isEmpty()) {
			throw Errors.of("base", "An order needs at least one line");
		}
		boolean seats = order.lines().stream().anyMatch((line) -> line.variant().seatQuantity() != null);
		boolean subscription = order.lines().stream().anyMatch((line) -> line.variant().recurring());
		Instant now = Times.now(this.clock);
		String prefixId = Ids.next("ord");
		long orderId = this.orders.insert(prefixId, order, seats, subscription, now);
		List<Order.Line> written = new ArrayList<>();
		int position = 0;
		for (NewOrder.NewLine line : order.lines()) {
			String linePrefixId = Ids.next("oi");
			long lineId = this.orders.insertLine(linePrefixId, orderId, order, line, position++);
			written.add(new Order.Line(lineId, linePrefixId, orderId, line.priceVariantId(), line.productId(),
					line.quantity(), line.unitAmount(), line.discountAmount(), line.total()));
			Integer revokeAfterDays = line.variant().revokeAfterDays();
			Instant expiresAt = (revokeAfterDays != null) ? now.plus(Duration.ofDays(revokeAfterDays)) : null;
			for (int seat = 1; seat <= (order.renewal() ? 0 : line.seats()); seat++) {
				this.orders.insertAccess(Ids.next("at"), Ids.random(32), orderId, lineId, order, line, seat, expiresAt,
						now);
			}
		}
		// a checkout's order as its row reads now (a renewal's or an invoice's shows the
		// prefixed ids of its subscription and invoice: those are read)
		boolean known = order.subscriptionId() == null && order.invoiceId() == null;
		if (known) {
			TransactionSynchronizationManager.bindResource(Placing.class,
					new Placing(
							new Order(orderId, prefixId, order.accountId(), order.livemode(), OrderStatus.SUCCEEDED,
									order.checkoutId(), order.customerId(), order.discountId(), order.chargeId(),
									order.currency(), order.subtotal(), order.discountAmount(), order.amount(), 0,
									order.amount() == 0, seats, subscription, now, now, null, null),
							List.copyOf(written)));
		}
		try {
			this.events.publishEvent(
					new OrderPlaced(order.accountId(), order.livemode(), orderId, order.customerId(), order.amount(),
							order.lines()
								.stream()
								.map((line) -> new OrderPlaced.Line(line.priceVariantId(), line.quantity()))
								.toList()));
		}
		finally {
			if (known) {
				TransactionSynchronizationManager.unbindResource(Placing.class);
			}
		}
		return new PlacedOrder(orderId, prefixId);
	}

	/**
	 * The order {@link #place} is announcing, with its lines, as it wrote them: bound to
	 * the transaction while the listeners of {@link OrderPlaced} run (see
	 * {@link #placedJson}).
	 */
	private record Placing(Order order, List<Order.Line> lines) {
	}

	/**
	 * The order an {@link OrderPlaced} reports, as JSON with {@code expand}: while
	 * {@link #place} announces it, from the order and lines it wrote, not read back; the
	 * relations the listeners before may have changed (the buyer's counters) are read.
	 */
	@Transactional(readOnly = true)
	public OrderJson placedJson(OrderPlaced placed, String expand) {
		Placing placing = (Placing) TransactionSynchronizationManager.getResource(Placing.class);
		if (placing == null || placing.order().id() != placed.orderId()) {
			return json(placed.accountId(), placed.livemode(), placed.orderId(), expand);
		}
		return expand(placed.accountId(), placed.livemode(), List.of(placing.order()), Expand.parse(expand, EXPANSIONS),
				placing.lines())
			.get(0);
	}

	/**
	 * Ends the access an order grants at {@code at} (a subscription canceled or paused);
	 * {@link #restoreAccess} brings it back.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void endAccess(long orderId, Instant at) {
		this.orders.revokeAccess(orderId, at);
	}

	/**
	 * Records that a checkout's order started a subscription, paid by its first invoice.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void linkSubscription(long orderId, long subscriptionId, long invoiceId) {
		this.orders.linkSubscription(orderId, subscriptionId, invoiceId);
	}

	/** Gives back the access an order granted (a paused subscription resumed). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void restoreAccess(long orderId) {
		this.orders.restoreAccess(orderId);
	}

	/**
	 * One order as JSON with {@code expand} (a comma-separated list of
	 * {@link #EXPANSIONS}), whoever's it is: for reporting an event of the order's.
	 */
	@Transactional(readOnly = true)
	public OrderJson json(long accountId, boolean livemode, long orderId, String expand) {
		return expand(accountId, livemode, List.of(this.orders.get(orderId)), Expand.parse(expand, EXPANSIONS)).get(0);
	}

	/**
	 * Orders of the account and mode by id, as the API shows them with {@code expand}:
	 * one query for all, whatever their number.
	 */
	@Transactional(readOnly = true)
	public Map<Long, OrderJson> jsons(long accountId, boolean livemode, Collection<Long> orderIds, String expand) {
		List<Order> rows = this.orders.byIds(accountId, livemode, orderIds);
		List<OrderJson> json = expand(accountId, livemode, rows, Expand.parse(expand, EXPANSIONS));
		Map<Long, OrderJson> result = new java.util.HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			result.put(rows.get(i).id(), json.get(i));
		}
		return result;
	}

	/** The buyer's access links of an order, for the receipt page. */
	@Transactional(readOnly = true)
	public List<String> accessUrls(long orderId) {
		return this.orders.access(List.of(orderId))
			.stream()
			.map((access) -> AccessTokenJson.of(access, this.publicUrl).url())
			.toList();
	}

	/**
	 * A page of the caller's orders, newest first, with the expansions asked for, in
	 * batches.
	 */
	@Transactional(readOnly = true)
	Page<OrderJson> list(Caller caller, OrderRepository.Filter filter, Expand expand, PageQuery page) {
		long count = this.orders.count(caller.accountId(), caller.livemode(), filter);
		List<Order> rows = this.orders.page(caller.accountId(), caller.livemode(), filter, page);
		return Page.of(expand(caller.accountId(), caller.livemode(), rows, expand), page, count);
	}

	/**
	 * Units of each of {@code productIds} sold on paid orders (succeeded, partially
	 * refunded or disputed), by product id; absent when none.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> unitsSold(long accountId, boolean livemode, java.util.Collection<Long> productIds) {
		return this.orders.unitsSold(accountId, livemode, productIds);
	}

	/**
	 * A page of the caller's orders, newest first, in any of {@code statuses} (all when
	 * null), of a customer, with a line of a product, created in a range (nulls: no
	 * filter), with the expansions asked for.
	 */
	@Transactional(readOnly = true)
	public Page<OrderJson> search(Caller caller, @Nullable List<String> statuses, @Nullable Long customerId,
			@Nullable Long productId, @Nullable Instant createdFrom, @Nullable Instant createdTo, Expand expand,
			PageQuery page) {
		return list(caller,
				new OrderRepository.Filter(null, customerId, productId, createdFrom, createdTo, statuses, null), expand,
				page);
	}

	/**
	 * The currency of each customer's latest order, by customer id; absent without one.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> latestCurrency(long accountId, boolean livemode, java.util.Collection<Long> customerIds) {
		return this.orders.latestCurrency(accountId, livemode, customerIds);
	}

	/** One of the caller's orders with the expansions asked for. */
	@Transactional(readOnly = true)
	public OrderJson get(Caller caller, String prefixId, Expand expand) {
		Order order = find(caller, prefixId);
		return expand(caller.accountId(), caller.livemode(), List.of(order), expand).get(0);
	}

	/**
	 * The prefixId of the caller's order named by an integer id or a prefixId; 404 when
	 * not the caller's.
	 */
	String prefixIdOf(Caller caller, dev.storekeeper.platform.web.Ref ref) {
		return find(caller, ref.toString()).prefixId();
	}

	/**
	 * The caller's order by prefixId or integer id; 404 when it is another account's or
	 * mode's.
	 */
	Order find(Caller caller, String key) {
		dev.storekeeper.platform.web.Ref ref = dev.storekeeper.platform.web.Ref.parse(key);
		java.util.Optional<Order> order = (ref.id() != null)
				? this.orders.findById(ref.id())
					.filter((found) -> found.accountId() == caller.accountId() && found.livemode() == caller.livemode())
				: this.orders.find(caller.accountId(), caller.livemode(), key);
		return order.orElseThrow(() -> new NotFound("Order"));
	}

	/**
	 * Refunds part ({@code amount}) or the rest (null) of one of the caller's orders
	 * through the gateway that charged it. A full refund revokes the buyer's access and
	 * puts the stock back.
	 */
	@Transactional
	public RefundJson refund(Caller caller, String orderPrefixId, @Nullable Long amount, @Nullable String reason,
			@Nullable String notes) {
		Order found = find(caller, orderPrefixId);
		Order order = this.orders.lock(found.id());
		long refunded = order.refundAmount(amount, reason, notes);
		String processorId = this.payments.refund(order.chargeId(), refunded);
		return applyRefund(order, refunded, reason, notes, processorId);
	}

	/**
	 * Keeps an order in step with a refund its processor reports (Stripe's
	 * {@code charge.refunded}, also sent for refunds this server asked for): the part of
	 * {@code processorAmountRefunded} not yet recorded becomes a refund, with
	 * {@code order.refunded}. Returns null when there is nothing new, or no order holds
	 * the charge.
	 */
	@Transactional
	public @Nullable RefundJson recordProcessorRefund(String gateway, String processorChargeId,
			long processorAmountRefunded, @Nullable String processorRefundId) {
		Order found = orderOfCharge(gateway, processorChargeId);
		if (found == null || found.chargeId() == null) {
			return null;
		}
		// The order's lock comes first, as in refund(): an API refund in flight finishes
		// before the charge is read here, so its own amount is not counted twice.
		Order order = this.orders.lock(found.id());
		dev.storekeeper.payments.Charge charge = this.payments.find(order.chargeId()).orElseThrow();
		long missing = Math.min(processorAmountRefunded - charge.amountRefunded(), order.refundable());
		if (missing <= 0) {
			return null;
		}
		if (!this.payments.recordExternalRefund(charge.id(), missing)) {
			return null;
		}
		return applyRefund(order, missing, null, "Refunded at the payment processor",
				(processorRefundId != null) ? processorRefundId : processorChargeId);
	}

	/**
	 * Marks the order paid by a charge as {@code disputed} when the buyer's bank opens a
	 * chargeback (Stripe's {@code charge.dispute.created}), and records
	 * {@code order.disputed}. The buyer's access is left as it is: the seller may still
	 * win the dispute. Returns null when there is nothing new, or no order holds the
	 * charge.
	 */
	@Transactional
	public @Nullable OrderJson recordDispute(String gateway, String processorChargeId) {
		Order found = orderOfCharge(gateway, processorChargeId);
		if (found == null || found.chargeId() == null) {
			return null;
		}
		Order order = this.orders.lock(found.id());
		if (!order.disputable()) {
			return null;
		}
		Instant now = Times.now(this.clock);
		this.orders.setStatus(order.id(), OrderStatus.DISPUTED, now);
		this.payments.recordDispute(order.chargeId());
		this.events.publishEvent(new OrderDisputed(order.accountId(), order.livemode(), order.id()));
		return json(order.accountId(), order.livemode(), order.id(), "line_items,customer,charge");
	}

	private @Nullable Order orderOfCharge(String gateway, String processorChargeId) {
		return this.payments.findByProcessorId(gateway, processorChargeId)
			.flatMap((charge) -> this.orders.findByChargeId(charge.id()))
			.orElse(null);
	}

	private RefundJson applyRefund(Order order, long refunded, @Nullable String reason, @Nullable String notes,
			String processorId) {
		Instant now = Times.now(this.clock);
		if (!this.orders.refund(order.id(), refunded, now)) {
			throw Errors.of("amount", "is more than what is left to refund");
		}
		long refundId = this.orders.insertRefund(Ids.next("re"), order, refunded, reason, notes, processorId, now);
		List<OrderPlaced.Line> returned = List.of();
		if (order.refundsAll(refunded)) {
			this.orders.revokeAccess(order.id(), now);
			returned = this.orders.lines(List.of(order.id()))
				.stream()
				.map((line) -> new OrderPlaced.Line(line.priceVariantId(), line.quantity()))
				.toList();
		}
		this.events.publishEvent(new OrderRefunded(order.accountId(), order.livemode(), order.id(), order.customerId(),
				refunded, returned));
		return this.orders.refunds(List.of(order.id()))
			.stream()
			.filter((refund) -> refund.id() == refundId)
			.findFirst()
			.map(RefundJson::of)
			.orElseThrow();
	}

	/**
	 * A page of the caller's refunds, newest first, of one order when
	 * {@code orderPrefixId} is given.
	 */
	@Transactional(readOnly = true)
	public Page<RefundJson> refunds(Caller caller, @Nullable String orderPrefixId, PageQuery page) {
		Long orderId = (orderPrefixId != null) ? find(caller, orderPrefixId).id() : null;
		long count = this.orders.countRefunds(caller.accountId(), caller.livemode(), orderId);
		return Page.of(this.orders.refundPage(caller.accountId(), caller.livemode(), orderId, page)
			.stream()
			.map(RefundJson::of)
			.toList(), page, count);
	}

	/** One of the caller's refunds. */
	@Transactional(readOnly = true)
	public RefundJson refundById(Caller caller, String prefixId) {
		return this.orders.findRefund(caller.accountId(), caller.livemode(), prefixId)
			.map(RefundJson::of)
			.orElseThrow(() -> new NotFound("Refund"));
	}

	/**
	 * Orders as JSON with {@code expand}: each relation costs one batched query (two for
	 * customers and products), whatever the number of orders.
	 */
	List<OrderJson> expand(long accountId, boolean livemode, List<Order> rows, Expand expand) {
		return expand(accountId, livemode, rows, expand, null);
	}

	/**
	 * Orders as JSON with {@code expand}, their lines given when they are known
	 * ({@code null}: read).
	 */
	private List<OrderJson> expand(long accountId, boolean livemode, List<Order> rows, Expand expand,
			@Nullable List<Order.Line> knownLines) {
		List<OrderJson> result = rows.stream().map(OrderJson::of).toList();
		if (rows.isEmpty() || expand.names().isEmpty()) {
			return result;
		}
		List<Long> ids = rows.stream().map(Order::id).toList();
		if (expand.has("line_items")) {
			List<Order.Line> lines = (knownLines != null) ? knownLines : this.orders.lines(ids);
			Set<Long> productIds = lines.stream().map(Order.Line::productId).collect(Collectors.toSet());
			Set<Long> variantIds = lines.stream().map(Order.Line::priceVariantId).collect(Collectors.toSet());
			// each written once, however many lines show it
			Map<Long, ?> products = RenderedOnce.each(this.catalog.productJson(accountId, livemode, productIds),
					this.json);
			Map<Long, ?> variants = RenderedOnce.each(this.catalog.variantJson(accountId, livemode, variantIds),
					this.json);
			Map<Long, List<LineItemJson>> byOrder = new LinkedHashMap<>();
			for (Order.Line line : lines) {
				byOrder.computeIfAbsent(line.orderId(), (key) -> new ArrayList<>())
					.add(new LineItemJson(line.id(), line.prefixId(), line.quantity(), line.unitAmount(),
							line.discountAmount(), line.total(), variants.get(line.priceVariantId()),
							products.get(line.productId())));
			}
			put(result, "lineItems", (order) -> byOrder.getOrDefault(order.id(), List.of()));
		}
		if (expand.has("customer")) {
			Map<Long, ?> customers = this.customers.customerJson(accountId, livemode,
					rows.stream().map(Order::customerId).collect(Collectors.toSet()));
			Map<Long, Long> customerOf = byId(rows, Order::customerId);
			put(result, "customer", (order) -> customers.get(customerOf.get(order.id())));
		}
		if (expand.has("discount")) {
			Map<Long, ?> discounts = this.discounts.discountJson(accountId, livemode,
					rows.stream()
						.map(Order::discountId)
						.filter(java.util.Objects::nonNull)
						.collect(Collectors.toSet()));
			Map<Long, Long> discountOf = byId(rows, Order::discountId);
			put(result, "discount",
					(order) -> (discountOf.get(order.id()) != null) ? discounts.get(discountOf.get(order.id())) : null);
		}
		if (expand.has("charge")) {
			Map<Long, Payments.ChargeJson> charges = this.payments
				.chargeJson(rows.stream().map(Order::chargeId).filter(java.util.Objects::nonNull).toList());
			Map<Long, Long> chargeOf = byId(rows, Order::chargeId);
			put(result, "charge",
					(order) -> (chargeOf.get(order.id()) != null) ? charges.get(chargeOf.get(order.id())) : null);
		}
		if (expand.has("access_tokens")) {
			Map<Long, List<AccessTokenJson>> byOrder = new LinkedHashMap<>();
			for (Order.Access access : this.orders.access(ids)) {
				byOrder.computeIfAbsent(access.orderId(), (key) -> new ArrayList<>())
					.add(AccessTokenJson.of(access, this.publicUrl));
			}
			put(result, "accessTokens", (order) -> byOrder.getOrDefault(order.id(), List.of()));
		}
		if (expand.has("refunds")) {
			Map<Long, List<RefundJson>> byOrder = new LinkedHashMap<>();
			for (Order.Refund refund : this.orders.refunds(ids)) {
				byOrder.computeIfAbsent(refund.orderId(), (key) -> new ArrayList<>()).add(RefundJson.of(refund));
			}
			put(result, "refunds", (order) -> byOrder.getOrDefault(order.id(), List.of()));
		}
		if (expand.has("seller_account")) {
			AccountJson seller = AccountJson.of(this.accounts.get(accountId));
			put(result, "sellerAccount", (order) -> seller);
		}
		return result;
	}

	private static Map<Long, Long> byId(List<Order> rows, java.util.function.Function<Order, @Nullable Long> field) {
		Map<Long, Long> map = new java.util.HashMap<>();
		rows.forEach((order) -> map.put(order.id(), field.apply(order)));
		return map;
	}

	private static void put(List<OrderJson> orders, String name,
			java.util.function.Function<OrderJson, @Nullable Object> value) {
		orders.forEach((order) -> order.expanded().put(name, value.apply(order)));
	}

	/** A line of an order: the variant and product as their {@code GET} shows them. */
	@WireSchema("OrderLineItem")
	public record LineItemJson(long id, String prefixId, int quantity, long unitAmount, long discountAmount, long total,
			@Nullable Object priceVariant, @Nullable Object product) {
	}

	/** An access token: the buyer's link to what the line bought. */
	public record AccessTokenJson(String prefixId, String url, long productId, long priceVariantId,
			@Nullable Instant expiresAt, @Nullable Instant revokedAt, int viewCount, @Nullable Instant lastViewedAt,
			Instant createdAt) {

		static AccessTokenJson of(Order.Access access, PublicUrl publicUrl) {
			return new AccessTokenJson(access.prefixId(), publicUrl.of("/access/" + access.token()), access.productId(),
					access.priceVariantId(), access.expiresAt(), access.revokedAt(), access.viewCount(),
					access.lastViewedAt(), access.createdAt());
		}

	}

	/** A refund on the wire. */
	public record RefundJson(long id, String prefixId, long amount, String currency, @Nullable String reason,
			@Nullable String notes, String status, String orderId, Instant createdAt) {

		static RefundJson of(Order.Refund refund) {
			return new RefundJson(refund.id(), refund.prefixId(), refund.amount(), refund.currency(), refund.reason(),
					refund.notes(), refund.status(), refund.orderPrefixId(), refund.createdAt());
		}

	}

}
