package dev.storekeeper.orders;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.web.RequiresAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/refunds}: refunds of the caller's orders; full access only. */
@RestController
@RequiresAccess(Access.FULL)
@RequestMapping(path = "/v1/refunds", produces = "application/json")
class RefundController {

	private final OrderBook orders;

	RefundController(OrderBook orders) {
		this.orders = orders;
	}

	@PostMapping
	ResponseEntity<OrderBook.RefundJson> create(Caller caller, JsonBody body) {
		Fields fields = body.unwrap("refund");
		Ref order = fields.ref("orderId");
		Long amount = fields.integer("amount");
		String reason = fields.string("reason");
		String notes = fields.string("notes");
		if (order == null && !fields.errors().has("orderId")) {
			fields.errors().add("orderId", "can't be blank");
		}
		fields.errors().throwIfAny();
		OrderBook.RefundJson refund = this.orders.refund(caller, this.orders.prefixIdOf(caller, order), amount, reason,
				notes);
		return ResponseEntity.created(URI.create("/v1/refunds/" + refund.prefixId())).body(refund);
	}

	@GetMapping
	Page<OrderBook.RefundJson> list(Caller caller, PageQuery page,
			@RequestParam(name = "order_id", required = false) @Nullable String orderId) {
		return this.orders.refunds(caller, (orderId != null && !orderId.isBlank()) ? orderId : null, page);
	}

	@GetMapping("/{id}")
	OrderBook.RefundJson get(Caller caller, @PathVariable String id) {
		return this.orders.refundById(caller, id);
	}

}
