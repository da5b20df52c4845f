package dev.storekeeper.checkout;

import java.net.URI;

import dev.storekeeper.platform.web.Deleted;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/checkout_links} for the seller, and the public {@code /l/{token}} that opens
 * a checkout.
 */
@RestController
class CheckoutLinkController {

	private final CheckoutLinks links;

	private final Pages pages;

	CheckoutLinkController(CheckoutLinks links, Pages pages) {
		this.links = links;
		this.pages = pages;
	}

	@GetMapping(path = "/v1/checkout_links", produces = "application/json")
	Page<CheckoutLinkJson> list(Caller caller, PageQuery page) {
		return this.links.list(caller, page);
	}

	@PostMapping(path = "/v1/checkout_links", produces = "application/json")
	ResponseEntity<CheckoutLinkJson> create(Caller caller, JsonBody body) {
		CheckoutLinkJson link = this.links.create(caller, body.unwrap("checkoutLink"));
		return ResponseEntity.created(URI.create("/v1/checkout_links/" + link.prefixId())).body(link);
	}

	@GetMapping(path = "/v1/checkout_links/{id}", produces = "application/json")
	CheckoutLinkJson get(Caller caller, @PathVariable String id) {
		return this.links.get(caller, id);
	}

	@PatchMapping(path = "/v1/checkout_links/{id}", produces = "application/json")
	CheckoutLinkJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return this.links.update(caller, id, body.unwrap("checkoutLink"));
	}

	@PutMapping(path = "/v1/checkout_links/{id}", produces = "application/json")
	CheckoutLinkJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@DeleteMapping("/v1/checkout_links/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = get(caller, id);
		this.links.delete(caller, id);
		return Deleted.of("checkout_link", before);
	}

	@GetMapping("/l/{token}")
	ResponseEntity<String> open(@PathVariable String token) {
		try {
			return this.links.open(token)
				.map((checkout) -> ResponseEntity.status(HttpStatus.SEE_OTHER)
					.location(URI.create(checkout.url()))
					.<String>build())
				.orElseGet(() -> this.pages.message(HttpStatus.NOT_FOUND, PageLayout.unindexed("Link not found", true),
						"Link not found", "This checkout link does not exist or was removed."));
		}
		catch (InvalidRecord ex) {
			return this.pages.message(HttpStatus.UNPROCESSABLE_CONTENT, PageLayout.unindexed("Not available", true),
					"Not available", String.valueOf(ex.getMessage()));
		}
	}

	@GetMapping(path = "/l/{token}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qrCode(@PathVariable String token) {
		return this.links.qrCode(token)
			.map((png) -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
