package dev.storekeeper.orders;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An order on the wire, as the reference's {@code Order}; the relations asked for with
 * {@code expand} ({@code lineItems}, {@code customer}, {@code discount},
 * {@code accessTokens}, {@code sellerAccount}, {@code charge}, {@code refunds}) follow,
 * and those not asked for are absent.
 */
@JsonPropertyOrder({ "id", "prefixId", "status", "amount", "currency", "subtotal", "discountAmount", "amountRefunded",
		"isFree", "isPaid", "isSeatOrder", "hasSubscription", "livemode", "checkoutId", "createdAt", "updatedAt" })
public record OrderJson(long id, String prefixId, String status, long amount, String currency, long subtotal,
		long discountAmount, long amountRefunded, boolean isFree, boolean isPaid, boolean isSeatOrder,
		boolean hasSubscription, boolean livemode, long checkoutId, Instant createdAt, Instant updatedAt,
		@JsonIgnore Map<String, Object> expanded) {

	static OrderJson of(Order order) {
		boolean paid = order.paid();
		return new OrderJson(order.id(), order.prefixId(), order.status().wire(), order.amount(), order.currency(),
				order.subtotal(), order.discountAmount(), order.amountRefunded(), order.isFree(), paid,
				order.isSeatOrder(), order.hasSubscription(), order.livemode(), order.checkoutId(), order.createdAt(),
				order.updatedAt(), new LinkedHashMap<>());
	}

	@JsonAnyGetter
	Map<String, Object> expansions() {
		return this.expanded;
	}

}
