package dev.storekeeper.sellvy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

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

import dev.storekeeper.catalog.Categories;
import dev.storekeeper.catalog.ProductQuery;
import dev.storekeeper.platform.web.Caller;

/** {@code /sellvy/v1/products} and {@code /sellvy/v1/categories}. */
@RestController
@RequestMapping(path = "/sellvy/v1", produces = "application/json")
class SellvyProductController {

	private final SellvyCatalog catalog;

	private final Categories categories;

	SellvyProductController(SellvyCatalog catalog, Categories categories) {
		this.catalog = catalog;
		this.categories = categories;
	}

	@GetMapping("/products")
	Map<String, @Nullable Object> list(Caller caller, @RequestParam(required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(name = "category_id", required = false) @Nullable String categoryId,
			@RequestParam(required = false) @Nullable String visible,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String order) {
		String visibility = SellvyRequest.oneOf("visible", visible, List.of("true", "false"));
		String sortKey = SellvyRequest.oneOf("sort", sort, ProductQuery.SORTS);
		String direction = SellvyRequest.oneOf("order", order, List.of("asc", "desc"));
		ProductQuery query = new ProductQuery(search, SellvyRequest.oneOf("type", type, ProductQuery.TYPES),
				(categoryId != null && !categoryId.isBlank()) ? categoryId.trim() : null,
				(visibility != null) ? Boolean.valueOf(visibility) : null, (sortKey != null) ? sortKey : "created_at",
				"asc".equals(direction));
		return Envelope.list(this.catalog.list(caller, query, SellvyRequest.page(page, perPage)));
	}

	@PostMapping("/products")
	ResponseEntity<Map<String, @Nullable Object>> create(Caller caller, HttpServletRequest request) throws IOException {
		return Envelope.created("products", this.catalog.create(caller, SellvyRequest.body(request)));
	}

	@GetMapping("/products/{id}")
	Map<String, @Nullable Object> get(Caller caller, @PathVariable String id) {
		return Envelope.one(this.catalog.get(caller, id));
	}

	@PatchMapping("/products/{id}")
	Map<String, @Nullable Object> update(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		return Envelope.one(this.catalog.update(caller, id, SellvyRequest.body(request)));
	}

	@PutMapping("/products/{id}")
	Map<String, @Nullable Object> replace(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		return update(caller, id, request);
	}

	@DeleteMapping("/products/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
		this.catalog.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/categories")
	Map<String, @Nullable Object> categories(Caller caller, @RequestParam(required = false) @Nullable String page,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage) {
		return Envelope.list(this.categories.list(caller, SellvyRequest.page(page, perPage)).map(SellvyWire::category));
	}

	@PostMapping("/categories")
	ResponseEntity<Map<String, @Nullable Object>> createCategory(Caller caller, HttpServletRequest request)
			throws IOException {
		return Envelope.created("categories", SellvyWire
			.category(this.categories.create(caller, SellvyFields.of(SellvyRequest.body(request), Map.of()))));
	}

	@GetMapping("/categories/{id}")
	Map<String, @Nullable Object> category(Caller caller, @PathVariable String id) {
		return Envelope.one(SellvyWire.category(this.categories.get(caller, id)));
	}

	@PatchMapping("/categories/{id}")
	Map<String, @Nullable Object> updateCategory(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		return Envelope.one(SellvyWire
			.category(this.categories.update(caller, id, SellvyFields.of(SellvyRequest.body(request), Map.of()))));
	}

	@PutMapping("/categories/{id}")
	Map<String, @Nullable Object> replaceCategory(Caller caller, @PathVariable String id, HttpServletRequest request)
			throws IOException {
		return updateCategory(caller, id, request);
	}

	@DeleteMapping("/categories/{id}")
	ResponseEntity<Void> deleteCategory(Caller caller, @PathVariable String id) {
		this.categories.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

}
