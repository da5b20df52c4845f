package dev.storekeeper.checkout;

import java.net.URI;

import dev.storekeeper.payments.Card;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.JsonBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/checkouts} for the seller's integration, and
 * {@code /v1/client/checkouts/{clientSecret}} for a custom storefront completing one
 * without an API token.
 */
@RestController
class CheckoutController {

	private final Checkouts checkouts;

	private final Completion completion;

	CheckoutController(Checkouts checkouts, Completion completion) {
		this.checkouts = checkouts;
		this.completion = completion;
	}

	@PostMapping(path = "/v1/checkouts", produces = "application/json")
	ResponseEntity<CheckoutJson> create(Caller caller, JsonBody body) {
		CheckoutJson checkout = this.checkouts.create(caller, body.unwrap("checkout"));
		return ResponseEntity.created(URI.create("/v1/checkouts/" + checkout.prefixId())).body(checkout);
	}

	@GetMapping(path = "/v1/checkouts/{id}", produces = "application/json")
	CheckoutJson get(Caller caller, @PathVariable String id) {
		return this.checkouts.get(caller, id);
	}

	@PatchMapping(path = "/v1/checkouts/{id}", produces = "application/json")
	CheckoutJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return this.checkouts.update(caller, id, body.unwrap("checkout"));
	}

	@PutMapping(path = "/v1/checkouts/{id}", produces = "application/json")
	CheckoutJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@GetMapping(path = "/v1/client/checkouts/{secret}", produces = "application/json")
	CheckoutJson clientGet(@PathVariable String secret) {
		return this.checkouts.bySecret(secret);
	}

	@PatchMapping(path = "/v1/client/checkouts/{secret}", produces = "application/json")
	CheckoutJson clientUpdate(@PathVariable String secret, JsonBody body) {
		return this.checkouts.updateBySecret(secret, body.unwrap("checkout"));
	}

	@PostMapping(path = "/v1/client/checkouts/{secret}/confirm", produces = "application/json")
	CheckoutJson confirm(@PathVariable String secret, JsonBody body) {
		Fields fields = body.isEmpty() ? body.fields() : body.unwrap("checkout");
		String email = fields.string("email");
		String name = fields.string("name");
		Card card = card(fields);
		fields.errors().throwIfAny();
		return this.completion.confirm(secret, email, name, card);
	}

	/**
	 * The card from {@code payment.card}, or null when none was given; wrong types are
	 * validation errors.
	 */
	static @org.jspecify.annotations.Nullable Card card(Fields fields) {
		Fields payment = fields.object("payment");
		Fields card = (payment != null) ? payment.object("card") : fields.object("card");
		if (card == null) {
			return null;
		}
		String number = card.string("number");
		Long month = card.integer("expMonth");
		Long year = card.integer("expYear");
		String cvc = card.string("cvc");
		if (number == null || number.isBlank()) {
			fields.errors().add("card.number", "can't be blank");
		}
		if (month == null) {
			fields.errors().add("card.expMonth", "can't be blank");
		}
		if (year == null) {
			fields.errors().add("card.expYear", "can't be blank");
		}
		if (number == null || month == null || year == null || month > 99 || year > 9999) {
			return null;
		}
		return new Card(number, month.intValue(), year.intValue(), (cvc != null) ? cvc : "");
	}

}
