package dev.storekeeper.orders;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.ReferenceNullability;
import dev.storekeeper.platform.web.WireSchema;

/**
 * An order on the wire, as the reference's {@code Order}; the relations asked for with
 * {@code expand} ({@code lineItems}, {@code customer}, {@code discount},
 * {@code accessTokens}, {@code sellerAccount}, {@code charge}, {@code refunds}) follow,
 * and those not asked for are absent.
 *
 * @param disputed (ext) whether the buyer's bank opened a chargeback: Storekeeper's
 * {@code disputed} state, which {@code status} cannot carry
 */
@JsonPropertyOrder({ "id", "prefixId", "status", "amount", "currency", "subtotal", "discountAmount", "amountRefunded",
		"isFree", "isPaid", "isSeatOrder", "hasSubscription", "disputed", "livemode", "checkoutId", "subscription",
		"invoice", "createdAt", "updatedAt" })
@WireSchema("Order")
public record OrderJson(long id, String prefixId, String status, long amount, String currency, long subtotal,
		long discountAmount, long amountRefunded, boolean isFree, boolean isPaid, boolean isSeatOrder,
		boolean hasSubscription, boolean disputed, boolean livemode, @Nullable Long checkoutId,
		@Nullable String subscription, @Nullable String invoice, Instant createdAt, Instant updatedAt,
		@JsonIgnore Map<String, Object> expanded) {

	static OrderJson of(Order order) {
		boolean paid = order.paid();
		boolean disputed = order.isDisputed();
		return new OrderJson(order.id(), order.prefixId(), order.wireStatus(), order.amount(), order.currency(),
				order.subtotal(), order.discountAmount(), order.amountRefunded(), order.isFree(), paid,
				order.isSeatOrder(), order.hasSubscription(), disputed, order.livemode(), order.checkoutId(),
				order.subscriptionPrefixId(), order.invoicePrefixId(), order.createdAt(), order.updatedAt(),
				new LinkedHashMap<>());
	}

	/**
	 * The expansions asked for; one without a value (an order without a discount) follows
	 * the reference's nullability like every other property (see
	 * {@link ReferenceNullability}): {@code charge} may be null, {@code discount} is
	 * omitted.
	 */
	@JsonAnyGetter
	Map<String, Object> expansions() {
		if (!this.expanded.containsValue(null)) {
			return this.expanded;
		}
		Set<String> omitted = ReferenceNullability.reference().omittedWhenAbsent("Order");
		Map<String, Object> present = new LinkedHashMap<>();
		this.expanded.forEach((name, value) -> {
			if (value != null || !omitted.contains(name)) {
				present.put(name, value);
			}
		});
		return present;
	}

}
