package dev.storekeeper.catalog;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Deleted;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
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

/** {@code /v1/price_variants}: the ways to buy the caller's products. */
@RestController
@RequestMapping(path = "/v1/price_variants", produces = "application/json")
class PriceVariantController {

	private final PriceVariants variants;

	PriceVariantController(PriceVariants variants) {
		this.variants = variants;
	}

	@GetMapping
	Page<PriceVariantJson> list(Caller caller, PageQuery page,
			@RequestParam(name = "product_id", required = false) @Nullable String productId) {
		return this.variants.list(caller, blankToNull(productId), page);
	}

	@PostMapping
	ResponseEntity<PriceVariantJson> create(Caller caller, JsonBody body) {
		PriceVariantJson variant = this.variants.create(caller, body.unwrap("priceVariant"));
		return ResponseEntity.created(URI.create("/v1/price_variants/" + variant.prefixId())).body(variant);
	}

	@GetMapping("/{id}")
	PriceVariantJson get(Caller caller, @PathVariable String id) {
		return this.variants.get(caller, id);
	}

	@PatchMapping("/{id}")
	PriceVariantJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return this.variants.update(caller, id, body.unwrap("priceVariant"));
	}

	@PutMapping("/{id}")
	PriceVariantJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@DeleteMapping("/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = get(caller, id);
		this.variants.delete(caller, id);
		return Deleted.of("price_variant", before);
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
