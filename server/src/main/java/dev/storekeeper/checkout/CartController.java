package dev.storekeeper.checkout;

import java.net.URI;

import dev.storekeeper.platform.web.Deleted;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.JsonBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/carts}: items collected before a checkout. */
@RestController
@RequestMapping(path = "/v1/carts", produces = "application/json")
class CartController {

	private final Carts carts;

	CartController(Carts carts) {
		this.carts = carts;
	}

	@PostMapping
	ResponseEntity<Carts.CartJson> create(Caller caller, JsonBody body) {
		Carts.CartJson cart = this.carts.create(caller, body.isEmpty() ? body.fields() : body.unwrap("cart"));
		return ResponseEntity.created(URI.create("/v1/carts/" + cart.prefixId())).body(cart);
	}

	@GetMapping("/{id}")
	Carts.CartJson get(Caller caller, @PathVariable String id) {
		return this.carts.get(caller, id);
	}

	@PatchMapping("/{id}")
	Carts.CartJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return this.carts.update(caller, id, body.unwrap("cart"));
	}

	@PutMapping("/{id}")
	Carts.CartJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@DeleteMapping("/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = get(caller, id);
		this.carts.delete(caller, id);
		return Deleted.of("cart", before);
	}

}
