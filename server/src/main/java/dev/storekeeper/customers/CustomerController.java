package dev.storekeeper.customers;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.QueryParams;
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

/** {@code /v1/customers}: the caller's customers, and the blacklist. */
@RestController
@RequestMapping(path = "/v1/customers", produces = "application/json")
class CustomerController {

	private final Customers customers;

	CustomerController(Customers customers) {
		this.customers = customers;
	}

	@GetMapping
	Page<CustomerJson> list(Caller caller, PageQuery page,
			@RequestParam(name = "customer_type", required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String query) {
		return this.customers.list(caller, QueryParams.oneOf("customer_type", type, CustomerDraft.TYPES, null), query,
				page);
	}

	@PostMapping
	ResponseEntity<CustomerJson> create(Caller caller, JsonBody body) {
		CustomerJson customer = this.customers.create(caller, body.unwrap("customer"));
		return ResponseEntity.created(URI.create("/v1/customers/" + customer.prefixId())).body(customer);
	}

	@GetMapping("/{id}")
	CustomerJson get(Caller caller, @PathVariable String id) {
		return this.customers.get(caller, id);
	}

	@PatchMapping("/{id}")
	CustomerJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return this.customers.update(caller, id, body.unwrap("customer"));
	}

	@PutMapping("/{id}")
	CustomerJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@PostMapping("/{id}/blacklist")
	CustomerJson blacklist(Caller caller, @PathVariable String id, JsonBody body) {
		Fields fields = body.isEmpty() ? body.fields() : body.unwrap("blacklist");
		String reason = fields.string("reason");
		fields.errors().throwIfAny();
		return this.customers.blacklist(caller, id, reason);
	}

	@DeleteMapping("/{id}/blacklist")
	CustomerJson unblacklist(Caller caller, @PathVariable String id) {
		this.customers.unblacklist(caller, id);
		return this.customers.get(caller, id);
	}

}
