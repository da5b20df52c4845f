package dev.storekeeper.sellvy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.storekeeper.customers.CustomerJson;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Page;

/** {@code /sellvy/v1/customers}, the blacklist included. */
@RestController
@RequestMapping(path = "/sellvy/v1/customers", produces = "application/json")
class SellvyCustomerController {

	private static final Map<String, String> FIELDS = Map.of("firstName", "first_name", "lastName", "last_name");

	private final Customers customers;

	private final OrderBook orders;

	private final JsonMapper json;

	SellvyCustomerController(Customers customers, OrderBook orders, JsonMapper json) {
		this.customers = customers;
		this.orders = orders;
		this.json = json;
	}

	@GetMapping
	Map<String, @Nullable Object> list(Caller caller, @RequestParam(required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestParam(required = false) @Nullable String search) {
		Page<CustomerJson> found = this.customers.purchasers(caller, search, SellvyRequest.page(page, perPage));
		return Envelope.list(new Page<>(render(caller, found.items()), found.pagination()));
	}

	@GetMapping("/{id}")
	Map<String, @Nullable Object> get(Caller caller, @PathVariable String id) {
		return Envelope.one(render(caller, List.of(this.customers.get(caller, id))).get(0));
	}

	@PatchMapping("/{id}")
	Map<String, @Nullable Object> update(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		ObjectNode body = SellvyRequest.body(request);
		ObjectNode allowed = body.objectNode();
		for (String field : List.of("email", "name", "first_name", "last_name")) {
			if (body.has(field)) {
				allowed.set(field, body.get(field));
			}
		}
		CustomerJson customer = SellvyRequest.renaming(FIELDS, () -> this.customers.update(caller, id,
				SellvyFields.of(allowed, Map.of("first_name", "firstName", "last_name", "lastName"))));
		return Envelope.one(render(caller, List.of(customer)).get(0));
	}

	@PutMapping("/{id}")
	Map<String, @Nullable Object> replace(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		return update(caller, id, request);
	}

	@PostMapping("/{id}/blacklist")
	Map<String, @Nullable Object> blacklist(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		ObjectNode body = SellvyRequest.body(request);
		String reason = null;
		if (body.hasNonNull("reason")) {
			if (!body.get("reason").isString()) {
				throw Errors.of("reason", "must be a string");
			}
			reason = body.get("reason").asString();
		}
		String given = reason;
		CustomerJson customer = SellvyRequest.renaming(FIELDS, () -> this.customers.blacklist(caller, id, given));
		return Envelope.one(render(caller, List.of(customer)).get(0));
	}

	@DeleteMapping("/{id}/blacklist")
	ResponseEntity<Void> unblacklist(Caller caller, @PathVariable String id) {
		this.customers.unblacklist(caller, id);
		return ResponseEntity.noContent().build();
	}

	private List<Map<String, @Nullable Object>> render(Caller caller, List<CustomerJson> customers) {
		Map<Long, String> currencies = this.orders.latestCurrency(caller.accountId(), caller.livemode(),
				customers.stream().map(CustomerJson::id).toList());
		return customers.stream()
			.map((customer) -> SellvyWire.customer(this.json.valueToTree(customer), currencies.get(customer.id())))
			.toList();
	}

}
