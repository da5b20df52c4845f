package dev.storekeeper.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A subscription on the wire: the reference's {@code Subscription} with the extensions of
 * SUBSCRIPTIONS.md §1; {@code customer} and {@code priceVariant} are prefixIds, or
 * objects when expanded.
 */
public record SubscriptionJson(long id, String prefixId, String object, boolean livemode, String status, int quantity,
		Instant currentPeriodStart, Instant currentPeriodEnd, @Nullable Instant trialEndsAt, @Nullable Instant endsAt,
		boolean canceled, boolean paused, Object customer, Object priceVariant, String product, String order,
		@Nullable String latestInvoice, long amount, String currency, String recurringInterval, int intervalCount,
		boolean cancelAtPeriodEnd, @Nullable Instant canceledAt, @Nullable Instant pausedAt,
		@Nullable Instant nextPaymentAttemptAt, @Nullable CardJson paymentMethod, @Nullable Object discount,
		@Nullable String testClock, Instant createdAt, Instant updatedAt) {

	/** The saved card: brand, last four digits and expiry, never the number. */
	public record CardJson(String brand, String lastFour, int expMonth, int expYear) {
	}

	static SubscriptionJson of(Subscription s, Object customer, Object priceVariant) {
		Subscription.CardSummary card = s.card();
		boolean charging = !s.cancelAtPeriodEnd() && s.status() != SubscriptionStatus.PAUSED
				&& s.status() != SubscriptionStatus.CANCELED;
		return new SubscriptionJson(s.id(), s.prefixId(), "subscription", s.livemode(), s.status().wire(), s.quantity(),
				s.currentPeriodStart(), s.currentPeriodEnd(), s.trialEndsAt(), s.endsAt(), s.canceled(),
				s.status() == SubscriptionStatus.PAUSED, customer, priceVariant, s.productPrefixId(), s.orderPrefixId(),
				s.latestInvoicePrefixId(), s.amount(), s.currency(), s.recurringInterval(), s.intervalCount(),
				s.cancelAtPeriodEnd(), s.canceledAt(), s.pausedAt(), charging ? s.nextPaymentAttemptAt() : null,
				(card != null) ? new CardJson(card.brand(), card.lastFour(), card.expMonth(), card.expYear()) : null,
				null, s.testClockPrefixId(), s.createdAt(), s.updatedAt());
	}

}
