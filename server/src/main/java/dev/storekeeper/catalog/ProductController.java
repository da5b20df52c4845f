package dev.storekeeper.catalog;

import java.net.URI;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Deleted;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.QueryParams;
import org.springframework.http.MediaType;
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

/** {@code /v1/products}: the caller's products, by prefixId, id or slug. */
@RestController
@RequestMapping(path = "/v1/products", produces = "application/json")
class ProductController {

	private static final Set<String> STATUS_FILTERS = Set.of("draft", "active", "archived", "all");

	private final Products products;

	ProductController(Products products) {
		this.products = products;
	}

	@GetMapping
	Page<ProductJson> list(Caller caller, PageQuery page, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String query) {
		String filter = QueryParams.oneOf("status", status, STATUS_FILTERS, Product.ACTIVE);
		return this.products.list(caller, (filter != null) ? filter : Product.ACTIVE, query, page);
	}

	@PostMapping
	ResponseEntity<ProductJson> create(Caller caller, JsonBody body) {
		ProductJson product = this.products.create(caller, body.unwrap("product"));
		return ResponseEntity.created(URI.create("/v1/products/" + product.prefixId())).body(product);
	}

	/**
	 * The product as JSON bytes rendered once per cached product (the hot read of a
	 * storefront); {@code produces} keeps the 406 for an {@code Accept} without JSON.
	 */
	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	byte[] get(Caller caller, @PathVariable String id) {
		return this.products.rendered(caller, id);
	}

	@PatchMapping("/{id}")
	ProductJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return this.products.update(caller, id, body.unwrap("product"));
	}

	@PutMapping("/{id}")
	ProductJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@DeleteMapping("/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = this.products.get(caller, id);
		this.products.delete(caller, id);
		return Deleted.of("product", before);
	}

}
