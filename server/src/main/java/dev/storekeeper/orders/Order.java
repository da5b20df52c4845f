package dev.storekeeper.orders;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;

/**
 * An order: what a checkout sold and what is left of it to refund, with the rules of
 * refunds and disputes.
 */
record Order(long id, String prefixId, long accountId, boolean livemode, OrderStatus status, @Nullable Long checkoutId,
		long customerId, @Nullable Long discountId, @Nullable Long chargeId, String currency, long subtotal,
		long discountAmount, long amount, long amountRefunded, boolean isFree, boolean isSeatOrder,
		boolean hasSubscription, Instant createdAt, Instant updatedAt, @Nullable String subscriptionPrefixId,
		@Nullable String invoicePrefixId) {

	/** The reasons a refund may give (Stripe's). */
	static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

	/** What is left to refund. */
	long refundable() {
		return this.amount - this.amountRefunded;
	}

	/** Whether a paid amount stands to be refunded: not free, charged. */
	boolean charged() {
		return !this.isFree && this.chargeId != null;
	}

	/**
	 * The amount a refund of {@code amount} (the rest when null) takes, checked against
	 * the order's rules: something charged and left to refund, no more than what is left,
	 * a known reason, short notes.
	 * @throws dev.storekeeper.platform.web.InvalidRecord when the refund breaks a rule
	 */
	long refundAmount(@Nullable Long amount, @Nullable String reason, @Nullable String notes) {
		Errors errors = new Errors();
		if (reason != null && !REASONS.contains(reason)) {
			errors.add("reason", "is not included in the list");
		}
		if (notes != null && notes.length() > 1000) {
			errors.add("notes", "is too long (maximum is 1000 characters)");
		}
		if (!charged()) {
			errors.add("base", "Order " + this.prefixId + " was free: there is nothing to refund");
		}
		else if (refundable() == 0) {
			errors.add("base", "Order " + this.prefixId + " is already fully refunded");
		}
		else if (amount != null && amount <= 0) {
			errors.add("amount", "must be greater than 0");
		}
		else if (amount != null && amount > refundable()) {
			errors.add("amount", "must be less than or equal to " + refundable() + " (what is left to refund)");
		}
		errors.throwIfAny();
		return (amount != null) ? amount : refundable();
	}

	/** Whether a refund of {@code refunded} leaves nothing to refund. */
	boolean refundsAll(long refunded) {
		return refunded == refundable();
	}

	/**
	 * Whether a chargeback opened on its charge changes it: not when it is disputed
	 * already.
	 */
	boolean disputable() {
		return this.status != OrderStatus.DISPUTED;
	}

	/** Whether the buyer's bank opened a chargeback on it. */
	boolean isDisputed() {
		return this.status == OrderStatus.DISPUTED;
	}

	/**
	 * The status as the reference's {@code Order.status} shows it, which knows no
	 * dispute: a disputed order answers as the paid order it is ({@code succeeded}, or
	 * {@code partially_refunded} when some of it was given back), {@code disputed: true}
	 * beside it.
	 */
	String wireStatus() {
		if (!isDisputed()) {
			return this.status.wire();
		}
		return ((this.amountRefunded > 0) ? OrderStatus.PARTIALLY_REFUNDED : OrderStatus.SUCCEEDED).wire();
	}

	/** Whether the buyer paid for it: not free, and neither pending nor failed. */
	boolean paid() {
		return !this.isFree && this.status != OrderStatus.PENDING && this.status != OrderStatus.FAILED;
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
