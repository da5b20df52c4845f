package dev.storekeeper.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.storekeeper.billing.BillingEvent;
import dev.storekeeper.catalog.ProductCreated;
import dev.storekeeper.catalog.ProductDeleted;
import dev.storekeeper.catalog.ProductUpdated;
import dev.storekeeper.catalog.ReviewCreated;
import dev.storekeeper.catalog.StockRanLow;
import dev.storekeeper.checkout.CheckoutCompleted;
import dev.storekeeper.checkout.CheckoutCreated;
import dev.storekeeper.checkout.CheckoutPaymentFailed;
import dev.storekeeper.customers.CustomerCreated;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.orders.OrderJson;
import dev.storekeeper.outbox.Outbox;
import dev.storekeeper.sellvy.SellvyEvents;
import dev.storekeeper.sales.Listeners;
import dev.storekeeper.sales.OrderDisputed;
import dev.storekeeper.sales.OrderPlaced;
import dev.storekeeper.sales.OrderRefunded;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns what happened in the other modules into webhook events: the wire type and the
 * data (the object as its {@code GET} shows it), recorded in the outbox in the
 * transaction of the change, after every listener that changes state, so the data shows
 * the counters the change left. Delivery runs after commit ({@link WebhookPoller}).
 */
@Component
class WebhookEvents {

	private final Outbox outbox;

	private final OrderBook orders;

	private final WebhookEndpoints endpoints;

	private final SellvyEvents sellvy;

	WebhookEvents(Outbox outbox, OrderBook orders, WebhookEndpoints endpoints, SellvyEvents sellvy) {
		this.outbox = outbox;
		this.orders = orders;
		this.endpoints = endpoints;
		this.sellvy = sellvy;
	}

	/**
	 * Whether the account's Sellvy endpoints in that mode need Sellvy renderings (from
	 * the cache of active endpoints).
	 */
	private boolean sellvy(long accountId, boolean livemode) {
		return this.endpoints.hasSellvy(accountId, livemode);
	}

	/** Records the Sellvy rendering of an event, which only Sellvy endpoints take. */
	private void recordSellvy(long accountId, boolean livemode, String type, Object data) {
		this.outbox.record(accountId, livemode, WebhookEndpoints.SELLVY + type, data);
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(CheckoutCreated created) {
		this.outbox.record(created.accountId(), created.livemode(), "checkout.created", created.checkout());
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(CheckoutCompleted completed) {
		this.outbox.record(completed.accountId(), completed.livemode(), "checkout.completed", completed.checkout());
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(CheckoutPaymentFailed failed) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("checkout", failed.checkout());
		data.put("code", failed.code());
		data.put("message", failed.message());
		this.outbox.record(failed.accountId(), failed.livemode(), "payment.failed", data);
		if (sellvy(failed.accountId(), failed.livemode())) {
			recordSellvy(failed.accountId(), failed.livemode(), "payment.failed",
					this.sellvy.paymentFailed(failed.checkout().prefixId(), failed.checkout().prefilledEmail(),
							failed.checkout().total(), failed.checkout().currency(), failed.message()));
		}
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(OrderPlaced placed) {
		// one rendering for both events
		Outbox.Rendered order = this.outbox.render(this.orders.placedJson(placed, "line_items,customer"));
		this.outbox.record(placed.accountId(), placed.livemode(), "order.created", order);
		this.outbox.record(placed.accountId(), placed.livemode(), "order.paid", order);
		if (sellvy(placed.accountId(), placed.livemode())) {
			OrderJson full = this.orders.json(placed.accountId(), placed.livemode(), placed.orderId(),
					"line_items,customer,discount,refunds,charge");
			Object data = this.sellvy.order(full);
			recordSellvy(placed.accountId(), placed.livemode(), "order.created", data);
			recordSellvy(placed.accountId(), placed.livemode(), "order.completed", data);
			if (this.sellvy.firstOrder(full)) {
				recordSellvy(placed.accountId(), placed.livemode(), "customer.created", this.sellvy.customer(full));
			}
		}
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(OrderRefunded refunded) {
		this.outbox.record(refunded.accountId(), refunded.livemode(), "order.refunded", this.orders
			.json(refunded.accountId(), refunded.livemode(), refunded.orderId(), "line_items,customer,refunds"));
		if (sellvy(refunded.accountId(), refunded.livemode())) {
			recordSellvy(refunded.accountId(), refunded.livemode(), "order.refunded",
					this.sellvy.order(refunded.accountId(), refunded.livemode(), refunded.orderId()));
		}
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(OrderDisputed disputed) {
		this.outbox.record(disputed.accountId(), disputed.livemode(), "order.disputed", this.orders
			.json(disputed.accountId(), disputed.livemode(), disputed.orderId(), "line_items,customer,charge"));
		if (sellvy(disputed.accountId(), disputed.livemode())) {
			recordSellvy(disputed.accountId(), disputed.livemode(), "order.disputed",
					this.sellvy.order(disputed.accountId(), disputed.livemode(), disputed.orderId()));
		}
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(BillingEvent event) {
		this.outbox.record(event.accountId(), event.livemode(), event.type(), event.data());
		String sellvyType = switch (event) {
			case BillingEvent.SubscriptionCreated created -> "subscription.created";
			case BillingEvent.SubscriptionRenewed renewed -> "subscription.renewed";
			case BillingEvent.SubscriptionCanceled canceled -> "subscription.cancelled";
			default -> null;
		};
		if (sellvyType != null && sellvy(event.accountId(), event.livemode())) {
			recordSellvy(event.accountId(), event.livemode(), sellvyType, this.sellvy.subscription(event.data()));
		}
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(CustomerCreated created) {
		Outbox.Rendered customer = this.outbox.render(created.customer());
		this.outbox.record(created.accountId(), created.livemode(), "customer.created", customer);
		if (created.lead()) {
			this.outbox.record(created.accountId(), created.livemode(), "lead.created", customer);
		}
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(ProductCreated created) {
		this.outbox.record(created.accountId(), created.livemode(), "product.created", created.product());
		if (sellvy(created.accountId(), created.livemode())) {
			recordSellvy(created.accountId(), created.livemode(), "product.created",
					this.sellvy.product(created.accountId(), created.livemode(), created.product()));
		}
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(ProductUpdated updated) {
		this.outbox.record(updated.accountId(), updated.livemode(), "product.updated", updated.product());
		if (sellvy(updated.accountId(), updated.livemode())) {
			recordSellvy(updated.accountId(), updated.livemode(), "product.updated",
					this.sellvy.product(updated.accountId(), updated.livemode(), updated.product()));
		}
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(ProductDeleted deleted) {
		this.outbox.record(deleted.accountId(), deleted.livemode(), "product.deleted", deleted.product());
		if (sellvy(deleted.accountId(), deleted.livemode())) {
			recordSellvy(deleted.accountId(), deleted.livemode(), "product.deleted",
					this.sellvy.product(deleted.accountId(), deleted.livemode(), deleted.product()));
		}
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(StockRanLow low) {
		this.outbox.record(low.accountId(), low.livemode(), "product.low_stock", low.product());
		if (sellvy(low.accountId(), low.livemode())) {
			recordSellvy(low.accountId(), low.livemode(), "product.low_stock",
					this.sellvy.product(low.accountId(), low.livemode(), low.product()));
		}
	}

	@EventListener
	@Order(Listeners.REPORT)
	void on(ReviewCreated created) {
		this.outbox.record(created.accountId(), created.livemode(), "review.created", created.review());
		if (sellvy(created.accountId(), created.livemode())) {
			recordSellvy(created.accountId(), created.livemode(), "review.created",
					this.sellvy.review(created.accountId(), created.livemode(), created.review()));
		}
	}

}
