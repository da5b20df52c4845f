package dev.storekeeper.billing;

/**
 * What happened to a subscription or an invoice, with the object as its {@code GET} shows
 * it; published in the transaction of the change (webhooks record them).
 */
public sealed interface BillingEvent {

	long accountId();

	boolean livemode();

	/** The webhook event type. */
	String type();

	/** The object as its {@code GET} shows it. */
	Object data();

	/** A checkout of a recurring variant made a subscription. */
	record SubscriptionCreated(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "subscription.created";
		}
	}

	/** A subscription was charged for a new period. */
	record SubscriptionRenewed(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "subscription.renewed";
		}
	}

	/** A renewal was declined: dunning began. */
	record SubscriptionWentPastDue(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "subscription.past_due";
		}
	}

	/** A subscription was paused. */
	record SubscriptionPaused(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "subscription.paused";
		}
	}

	/** A paused subscription was resumed. */
	record SubscriptionResumed(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "subscription.resumed";
		}
	}

	/** A subscription ended (the seed's spelling; endpoints may subscribe to either). */
	record SubscriptionCanceled(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "subscription.cancelled";
		}
	}

	/** An invoice was made. */
	record InvoiceCreated(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "invoice.created";
		}
	}

	/** An invoice was paid. */
	record InvoicePaid(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "invoice.paid";
		}
	}

	/** A charge of an invoice was declined. */
	record InvoicePaymentFailed(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "invoice.payment_failed";
		}
	}

	/** An invoice went past its due date unpaid. */
	record InvoiceWentPastDue(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "invoice.past_due";
		}
	}

	/** An invoice was voided. */
	record InvoiceVoided(long accountId, boolean livemode, Object data) implements BillingEvent {
		public String type() {
			return "invoice.voided";
		}
	}

}
