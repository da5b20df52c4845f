package dev.storekeeper.billing;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.platform.web.Expand;
import dev.storekeeper.platform.web.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * Subscriptions and invoices as JSON, with their expansions: one batched query per
 * relation, whatever the number of objects.
 */
@Component
class BillingViews {

	static final Set<String> SUBSCRIPTION_EXPANSIONS = Set.of("customer", "price_variant");

	static final Set<String> INVOICE_EXPANSIONS = Set.of("customer", "price_variant", "order");

	private static final Expand NONE = new Expand(Set.of());

	private final Customers customers;

	private final Catalog catalog;

	private final OrderBook orders;

	private final PublicUrl publicUrl;

	BillingViews(Customers customers, Catalog catalog, OrderBook orders, PublicUrl publicUrl) {
		this.customers = customers;
		this.catalog = catalog;
		this.orders = orders;
		this.publicUrl = publicUrl;
	}

	SubscriptionJson subscription(Subscription s) {
		return subscriptions(s.accountId(), s.livemode(), List.of(s), NONE).get(0);
	}

	List<SubscriptionJson> subscriptions(long accountId, boolean livemode, List<Subscription> rows, Expand expand) {
		Map<Long, ?> customers = expand.has("customer") ? this.customers.customerJson(accountId, livemode,
				rows.stream().map(Subscription::customerId).collect(Collectors.toSet())) : Map.of();
		Map<Long, ?> variants = expand.has("price_variant") ? this.catalog.variantJson(accountId, livemode,
				rows.stream().map(Subscription::priceVariantId).collect(Collectors.toSet())) : Map.of();
		return rows.stream()
			.map((s) -> SubscriptionJson.of(s, or(customers.get(s.customerId()), s.customerPrefixId()),
					or(variants.get(s.priceVariantId()), s.priceVariantPrefixId())))
			.toList();
	}

	InvoiceJson invoice(Invoice i) {
		return invoices(i.accountId(), i.livemode(), List.of(i), NONE).get(0);
	}

	List<InvoiceJson> invoices(long accountId, boolean livemode, List<Invoice> rows, Expand expand) {
		Map<Long, ?> customers = expand.has("customer") ? this.customers.customerJson(accountId, livemode,
				rows.stream().map(Invoice::customerId).collect(Collectors.toSet())) : Map.of();
		Map<Long, ?> variants = expand.has("price_variant") ? this.catalog.variantJson(accountId, livemode,
				rows.stream().map(Invoice::priceVariantId).collect(Collectors.toSet())) : Map.of();
		Map<Long, ?> orders = expand.has("order")
				? this.orders.jsons(accountId, livemode,
						rows.stream().map(Invoice::orderId).filter(Objects::nonNull).collect(Collectors.toSet()), "")
				: Map.of();
		return rows.stream()
			.map((i) -> InvoiceJson.of(i, or(customers.get(i.customerId()), i.customerPrefixId()),
					or(variants.get(i.priceVariantId()), i.priceVariantPrefixId()),
					(i.orderId() != null) ? or(orders.get(i.orderId()), i.orderPrefixId()) : i.orderPrefixId(),
					this.publicUrl.of("/invoice/" + i.hostedToken())))
			.toList();
	}

	private static Object or(@org.jspecify.annotations.Nullable Object expanded, Object prefixId) {
		return (expanded != null) ? expanded : prefixId;
	}

}
