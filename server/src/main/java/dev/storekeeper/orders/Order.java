package dev.storekeeper.orders;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An order as stored. */
record Order(long id, String prefixId, long accountId, boolean livemode, String status, long checkoutId,
		long customerId, @Nullable Long discountId, @Nullable Long chargeId, String currency, long subtotal,
		long discountAmount, long amount, long amountRefunded, boolean isFree, boolean isSeatOrder,
		boolean hasSubscription, Instant createdAt, Instant updatedAt) {

	long refundable() {
		return this.amount - this.amountRefunded;
	}

	/** A line of an order as stored. */
	record Line(long id, String prefixId, long orderId, long priceVariantId, long productId, int quantity,
			long unitAmount, long discountAmount, long total) {
	}

	/** An access token as stored. */
	record Access(long id, String prefixId, String token, long orderId, long accountId, boolean livemode,
			long productId, long priceVariantId, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
			int viewCount, @Nullable Instant lastViewedAt, Instant createdAt) {
	}

	/** A refund as stored. */
	record Refund(long id, String prefixId, long orderId, String orderPrefixId, long amount, String currency,
			@Nullable String reason, @Nullable String notes, String status, Instant createdAt) {
	}

}
