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

/** {@code /v1/reviews}: reviews of the caller's products. */
@RestController
@RequestMapping(path = "/v1/reviews", produces = "application/json")
class ReviewController {

	private final Reviews reviews;

	ReviewController(Reviews reviews) {
		this.reviews = reviews;
	}

	@GetMapping
	Page<ReviewJson> list(Caller caller, PageQuery page,
			@RequestParam(name = "product_id", required = false) @Nullable String productId) {
		return this.reviews.list(caller, PriceVariantController.blankToNull(productId), page);
	}

	@PostMapping
	ResponseEntity<ReviewJson> create(Caller caller, JsonBody body) {
		ReviewJson review = this.reviews.create(caller, body.unwrap("review"));
		return ResponseEntity.created(URI.create("/v1/reviews/" + review.prefixId())).body(review);
	}

	@GetMapping("/{id}")
	ReviewJson get(Caller caller, @PathVariable String id) {
		return this.reviews.get(caller, id);
	}

	@PatchMapping("/{id}")
	ReviewJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return this.reviews.update(caller, id, body.unwrap("review"));
	}

	@PutMapping("/{id}")
	ReviewJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@DeleteMapping("/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = get(caller, id);
		this.reviews.delete(caller, id);
		return Deleted.of("review", before);
	}

}
