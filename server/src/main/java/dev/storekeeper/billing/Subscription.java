package dev.storekeeper.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A subscription as stored, with the prefixIds of what it refers to. {@code anchorAt} and
 * {@code periods} place the current period's end: {@code periods} calendar steps after
 * the anchor.
 */
record Subscription(long id, String prefixId, long accountId, boolean livemode, SubscriptionStatus status,
		long customerId, String customerPrefixId, long priceVariantId, String priceVariantPrefixId, long productId,
		String productPrefixId, long orderId, String orderPrefixId, @Nullable Long latestInvoiceId,
		@Nullable String latestInvoicePrefixId, @Nullable Long paymentMethodId, @Nullable CardSummary card,
		@Nullable Long testClockId, @Nullable String testClockPrefixId, int quantity, long amount, String currency,
		String recurringInterval, int intervalCount, Instant anchorAt, int periods, Instant currentPeriodStart,
		Instant currentPeriodEnd, @Nullable Instant trialEndsAt, @Nullable Instant endsAt, boolean cancelAtPeriodEnd,
		@Nullable Instant canceledAt, @Nullable Instant pausedAt, @Nullable Instant nextPaymentAttemptAt,
		Instant createdAt, Instant updatedAt) {

	/** The saved card as the API shows it: never the number. */
	record CardSummary(String brand, String lastFour, int expMonth, int expYear) {
	}

	/** The end of the period after the current one. */
	Instant nextPeriodEnd() {
		return Periods.end(this.anchorAt, this.recurringInterval, this.intervalCount, this.periods + 1);
	}

	/** Whether a cancel was asked (at period end) or done. */
	boolean canceled() {
		return this.status == SubscriptionStatus.CANCELED || this.cancelAtPeriodEnd;
	}

	/** Starts a change of the fields that move, from their current values. */
	Change change() {
		return new Change(this);
	}

	/** The fields of a subscription that move, as one change writes them. */
	static final class Change {

		SubscriptionStatus status;

		@Nullable Long latestInvoiceId;

		Instant anchorAt;

		int periods;

		Instant periodStart;

		Instant periodEnd;

		@Nullable Instant endsAt;

		boolean cancelAtPeriodEnd;

		@Nullable Instant canceledAt;

		@Nullable Instant pausedAt;

		@Nullable Instant nextAttempt;

		Change(Subscription s) {
			this.status = s.status;
			this.latestInvoiceId = s.latestInvoiceId;
			this.anchorAt = s.anchorAt;
			this.periods = s.periods;
			this.periodStart = s.currentPeriodStart;
			this.periodEnd = s.currentPeriodEnd;
			this.endsAt = s.endsAt;
			this.cancelAtPeriodEnd = s.cancelAtPeriodEnd;
			this.canceledAt = s.canceledAt;
			this.pausedAt = s.pausedAt;
			this.nextAttempt = s.nextPaymentAttemptAt;
		}

	}

}
