package dev.storekeeper.sellvy;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.ProductJson;
import dev.storekeeper.catalog.ProductSummary;
import dev.storekeeper.catalog.ReviewJson;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.orders.OrderJson;

import static dev.storekeeper.sellvy.SellvyRequest.map;

/**
 * The data of Sellvy's webhook events: each object as the Sellvy {@code GET} shows it,
 * rendered when the event is recorded, in the transaction of the change.
 */
@Component
public class SellvyEvents {

	/** The event types a Sellvy endpoint can ask for. */
	public static final List<String> TYPES = List.of("order.created", "order.completed", "order.refunded",
			"order.cancelled", "order.disputed", "payment.received", "payment.failed", "product.created",
			"product.updated", "product.deleted", "product.low_stock", "customer.created", "review.created",
			"subscription.created", "subscription.renewed", "subscription.cancelled");

	private final SellvyCatalog catalog;

	private final Catalog products;

	private final OrderBook orders;

	private final JsonMapper json;

	SellvyEvents(SellvyCatalog catalog, Catalog products, OrderBook orders, JsonMapper json) {
		this.catalog = catalog;
		this.products = products;
		this.orders = orders;
		this.json = json;
	}

	/** A product's data. */
	public Map<String, @Nullable Object> product(long accountId, boolean livemode, ProductJson product) {
		return this.catalog.render(accountId, livemode, List.of(product)).get(0);
	}

	/** An order's data, read now with every relation Sellvy shows. */
	public Map<String, @Nullable Object> order(long accountId, boolean livemode, long orderId) {
		return order(this.orders.json(accountId, livemode, orderId, SellvyOrderController.EXPAND));
	}

	/** The order's data as Sellvy shows it. */
	public Map<String, @Nullable Object> order(OrderJson order) {
		return SellvyWire.order(this.json.valueToTree(order));
	}

	/**
	 * A customer's data (from the order that made them a customer).
	 */
	public Map<String, @Nullable Object> customer(OrderJson order) {
		Object customer = order.expanded().get("customer");
		return SellvyWire.customer(this.json.valueToTree(customer), order.currency());
	}

	/** Whether the order is its customer's first. */
	public boolean firstOrder(OrderJson order) {
		return this.json.valueToTree(order.expanded().get("customer")).path("ordersCount").asInt() == 1;
	}

	/** A review's data. */
	public Map<String, @Nullable Object> review(long accountId, boolean livemode, ReviewJson review) {
		ProductSummary product = this.products.products(accountId, livemode, List.of(review.productId()))
			.get(review.productId());
		return map("id", review.prefixId(), "product_id", (product != null) ? product.prefixId() : null, "rating",
				review.rating(), "content", review.content(), "customer_name", review.customerName(), "created_at",
				SellvyWire.time(review.createdAt()));
	}

	/**
	 * A subscription's data ({@code subscription.created}, {@code .renewed},
	 * {@code .cancelled}), from the subscription as {@code GET /v1/subscriptions/{id}}
	 * shows it.
	 */
	public Map<String, @Nullable Object> subscription(Object subscription) {
		JsonNode node = this.json.valueToTree(subscription);
		JsonNode customer = node.path("customer");
		String currency = node.path("currency").asString();
		return map("id", node.path("prefixId").asString(), "status", node.path("status").asString(), "product_id",
				node.path("product").asString(null), "customer_id",
				customer.isObject() ? customer.path("prefixId").asString(null) : customer.asString(null),
				"customer_email", customer.isObject() ? customer.path("email").asString(null) : null, "amount",
				SellvyMoney.major(node.path("amount").asLong(), currency), "currency", currency, "interval",
				node.path("recurringInterval").asString(null), "interval_count", node.path("intervalCount").asInt(),
				"current_period_start", SellvyWire.time(node.path("currentPeriodStart")), "current_period_end",
				SellvyWire.time(node.path("currentPeriodEnd")), "cancel_at_period_end",
				node.path("cancelAtPeriodEnd").asBoolean(), "canceled_at", SellvyWire.time(node.path("canceledAt")),
				"order_id", node.path("order").asString(null), "created_at", SellvyWire.time(node.path("createdAt")));
	}

	/** A failed payment's data. */
	public Map<String, @Nullable Object> paymentFailed(String checkoutId, @Nullable String email, long total,
			String currency, String reason) {
		return map("checkout_id", checkoutId, "customer_email", email, "total", SellvyMoney.major(total, currency),
				"currency", currency, "reason", reason);
	}

}
