package dev.storekeeper.orders;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.customers.Customers;
import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Expand;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.InvalidParameter;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.QueryParams;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.web.RequiresAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/orders}: the caller's orders, with their expansions, and refunds of one. */
@RestController
class OrderController {

	static final Set<String> STATUSES = OrderStatus.WIRE;

	private final OrderBook orders;

	private final Customers customers;

	private final Catalog catalog;

	OrderController(OrderBook orders, Customers customers, Catalog catalog) {
		this.orders = orders;
		this.customers = customers;
		this.catalog = catalog;
	}

	@GetMapping(path = "/v1/orders", produces = "application/json")
	Page<OrderJson> list(Caller caller, PageQuery page, @RequestParam(required = false) @Nullable String status,
			@RequestParam(name = "customer_id", required = false) @Nullable String customerId,
			@RequestParam(name = "product_id", required = false) @Nullable String productId,
			@RequestParam(name = "created_from", required = false) @Nullable String createdFrom,
			@RequestParam(name = "created_to", required = false) @Nullable String createdTo,
			@RequestParam(name = "subscription_id", required = false) @Nullable String subscriptionId,
			@RequestParam(required = false) @Nullable String expand) {
		Expand expansions = Expand.parse(expand, OrderBook.EXPANSIONS);
		String state = QueryParams.oneOf("status", status, STATUSES, null);
		Long customer = (customerId != null && !customerId.isBlank())
				? this.customers.resolveId(caller.accountId(), caller.livemode(), Ref.parse(customerId))
					.orElseThrow(() -> new NotFound("Customer"))
				: null;
		Long product = (productId != null && !productId.isBlank())
				? this.catalog.resolveProductId(caller.accountId(), caller.livemode(), Ref.parse(productId))
					.orElseThrow(() -> new NotFound("Product"))
				: null;
		OrderRepository.Filter filter = new OrderRepository.Filter(state, customer, product,
				time("created_from", createdFrom), time("created_to", createdTo), null,
				(subscriptionId != null && !subscriptionId.isBlank()) ? subscriptionId.trim() : null);
		return this.orders.list(caller, filter, expansions, page);
	}

	@GetMapping(path = "/v1/orders/{id}", produces = "application/json")
	OrderJson get(Caller caller, @PathVariable String id, @RequestParam(required = false) @Nullable String expand) {
		return this.orders.get(caller, id, Expand.parse(expand, OrderBook.EXPANSIONS));
	}

	@RequiresAccess(Access.FULL)
	@PostMapping(path = "/v1/orders/{id}/refund", produces = "application/json")
	OrderBook.RefundJson refund(Caller caller, @PathVariable String id, JsonBody body) {
		Fields fields = body.isEmpty() ? body.fields() : body.unwrap("refund");
		Long amount = fields.integer("amount");
		String reason = fields.string("reason");
		String notes = fields.string("notes");
		fields.errors().throwIfAny();
		return this.orders.refund(caller, id, amount, reason, notes);
	}

	private static @Nullable Instant time(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException again) {
				throw new InvalidParameter(name + " must be an ISO 8601 date or time, such as 2026-11-22T05:31:56Z");
			}
		}
	}

}
