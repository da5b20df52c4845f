package dev.storekeeper.sellvy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.orders.OrderJson;
import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Expand;
import dev.storekeeper.platform.web.InvalidParameter;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.web.RequiresAccess;

/** {@code /sellvy/v1/orders}: orders and their refunds. */
@RestController
@RequestMapping(path = "/sellvy/v1/orders", produces = "application/json")
class SellvyOrderController {

	/** What a Sellvy order shows of an order's relations. */
	static final String EXPAND = "line_items,customer,discount,refunds,charge";

	/** Stripe's three reasons: a free-text reason is kept in notes only. */
	private static final List<String> STRIPE_REASONS = List.of("duplicate", "fraudulent", "requested_by_customer");

	private final OrderBook orders;

	private final Customers customers;

	private final Catalog catalog;

	private final JsonMapper json;

	SellvyOrderController(OrderBook orders, Customers customers, Catalog catalog, JsonMapper json) {
		this.orders = orders;
		this.customers = customers;
		this.catalog = catalog;
		this.json = json;
	}

	@GetMapping
	Map<String, @Nullable Object> list(Caller caller, @RequestParam(required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(name = "payment_status", required = false) @Nullable String paymentStatus,
			@RequestParam(name = "customer_email", required = false) @Nullable String customerEmail,
			@RequestParam(name = "product_id", required = false) @Nullable String productId,
			@RequestParam(name = "date_from", required = false) @Nullable String dateFrom,
			@RequestParam(name = "date_to", required = false) @Nullable String dateTo) {
		PageQuery pageQuery = SellvyRequest.page(page, perPage);
		List<String> statuses = statuses(
				SellvyRequest.oneOf("status", status,
						List.of("pending", "processing", "completed", "cancelled", "refunded")),
				SellvyRequest.oneOf("payment_status", paymentStatus, List.of("pending", "paid", "failed", "refunded")));
		Instant from = time("date_from", dateFrom, false);
		Instant to = time("date_to", dateTo, true);
		Long customerId = null;
		if (customerEmail != null && !customerEmail.isBlank()) {
			Optional<Long> found = this.customers.idByEmail(caller.accountId(), caller.livemode(), customerEmail);
			if (found.isEmpty()) {
				return Envelope.list(Page.of(List.of(), pageQuery, 0));
			}
			customerId = found.get();
		}
		Long product = null;
		if (productId != null && !productId.isBlank()) {
			Optional<Long> found = this.catalog.resolveProductId(caller.accountId(), caller.livemode(),
					Ref.parse(productId.trim()));
			if (found.isEmpty()) {
				return Envelope.list(Page.of(List.of(), pageQuery, 0));
			}
			product = found.get();
		}
		if (statuses != null && statuses.isEmpty()) {
			return Envelope.list(Page.of(List.of(), pageQuery, 0));
		}
		Page<OrderJson> found = this.orders.search(caller, statuses, customerId, product, from, to, expand(),
				pageQuery);
		return Envelope.list(found.map(this::order));
	}

	@GetMapping("/{id}")
	Map<String, @Nullable Object> get(Caller caller, @PathVariable String id) {
		return Envelope.one(order(this.orders.get(caller, id, expand())));
	}

	@RequiresAccess(Access.FULL)
	@PostMapping("/{id}/refund")
	Map<String, @Nullable Object> refund(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		ObjectNode body = SellvyRequest.body(request);
		OrderJson order = this.orders.get(caller, id, expand());
		Errors errors = new Errors();
		Long amount = null;
		if (body.hasNonNull("amount")) {
			JsonNode value = body.get("amount");
			if (!value.isNumber()) {
				errors.add("amount", "is not a number");
			}
			else {
				amount = SellvyMoney.minor(value.decimalValue(), order.currency(), "amount", errors);
				long left = order.amount() - order.amountRefunded();
				if (amount != null && amount > left && left > 0) {
					errors.add("amount", "must be less than or equal to "
							+ SellvyMoney.major(left, order.currency()).toPlainString() + " (what is left to refund)");
				}
			}
		}
		String reason = null;
		if (body.hasNonNull("reason")) {
			reason = body.get("reason").asString("");
			if (reason.length() > 500) {
				errors.add("reason", "is too long (maximum is 500 characters)");
			}
		}
		errors.throwIfAny();
		Long refunded = amount;
		String notes = reason;
		SellvyRequest.renaming(Map.of("notes", "reason"), () -> this.orders.refund(caller, order.prefixId(), refunded,
				(notes != null && STRIPE_REASONS.contains(notes)) ? notes : null, notes));
		return Envelope.one(order(this.orders.get(caller, order.prefixId(), expand())));
	}

	private Map<String, @Nullable Object> order(OrderJson order) {
		return SellvyWire.order(this.json.valueToTree(order));
	}

	private static Expand expand() {
		return Expand.parse(EXPAND, OrderBook.EXPANSIONS);
	}

	/**
	 * Storekeeper's statuses matching Sellvy's {@code status} and {@code payment_status}
	 * (both when both are given): null for no filter, empty for none.
	 */
	static @Nullable List<String> statuses(@Nullable String status, @Nullable String paymentStatus) {
		List<String> all = List.of("pending", "succeeded", "partially_refunded", "disputed", "refunded", "failed");
		if (status == null && paymentStatus == null) {
			return null;
		}
		return all.stream()
			.filter((state) -> status == null || SellvyWire.orderStatus(state).equals(status))
			.filter((state) -> paymentStatus == null || SellvyWire.paymentStatus(state).equals(paymentStatus))
			.toList();
	}

	/**
	 * An ISO 8601 date or date-time; a date-only {@code date_to} covers the whole day.
	 */
	private static @Nullable Instant time(String name, @Nullable String value, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				LocalDate date = LocalDate.parse(value.trim());
				return endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
						: date.atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException again) {
				throw new InvalidParameter(name + " must be an ISO 8601 date or date-time, such as 2026-03-20");
			}
		}
	}

}
