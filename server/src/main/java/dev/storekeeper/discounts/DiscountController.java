package dev.storekeeper.discounts;

import java.net.URI;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Deleted;
import dev.storekeeper.platform.web.Caller;
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

/** {@code /v1/discounts}: the caller's discount codes. */
@RestController
@RequestMapping(path = "/v1/discounts", produces = "application/json")
class DiscountController {

	private static final Set<String> STATUSES = Set.of("active", "expired", "scheduled");

	private final Discounts discounts;

	DiscountController(Discounts discounts) {
		this.discounts = discounts;
	}

	@GetMapping
	Page<DiscountJson> list(Caller caller, PageQuery page, @RequestParam(required = false) @Nullable String status) {
		return this.discounts.list(caller, QueryParams.oneOf("status", status, STATUSES, null), page);
	}

	@PostMapping
	ResponseEntity<DiscountJson> create(Caller caller, JsonBody body) {
		DiscountJson discount = this.discounts.create(caller, body.unwrap("discount"));
		return ResponseEntity.created(URI.create("/v1/discounts/" + discount.prefixId())).body(discount);
	}

	@GetMapping("/{id}")
	DiscountJson get(Caller caller, @PathVariable String id) {
		return this.discounts.get(caller, id);
	}

	@PatchMapping("/{id}")
	DiscountJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return this.discounts.update(caller, id, body.unwrap("discount"));
	}

	@PutMapping("/{id}")
	DiscountJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@DeleteMapping("/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = get(caller, id);
		this.discounts.delete(caller, id);
		return Deleted.of("discount", before);
	}

}
