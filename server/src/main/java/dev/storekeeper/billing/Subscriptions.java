package dev.storekeeper.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.payments.Card;
import dev.storekeeper.payments.PaymentGateway;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Expand;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.Times;
import dev.storekeeper.orders.OrderBook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions: made when a checkout of a recurring variant completes, listed, and
 * canceled, paused or resumed by the seller; each change in one transaction that holds
 * the subscription's row lock, so it never crosses a renewal.
 */
@Service
public class Subscriptions {

	private final SubscriptionRepository subscriptions;

	private final InvoiceRepository invoices;

	private final TestClockRepository clocks;

	private final Renewals renewals;

	private final Payments payments;

	private final OrderBook orders;

	private final BillingViews views;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Subscriptions(SubscriptionRepository subscriptions, InvoiceRepository invoices, TestClockRepository clocks,
			Renewals renewals, Payments payments, OrderBook orders, BillingViews views,
			ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.clocks = clocks;
		this.renewals = renewals;
		this.payments = payments;
		this.orders = orders;
		this.views = views;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a completed checkout of a recurring variant starts: the buyer, the variant and
	 * quantity, the price of a period, what the first order charged, and the card to
	 * keep.
	 */
	public record Start(long accountId, boolean livemode, long customerId, VariantForSale variant, int quantity,
			long periodAmount, long charged, String currency, long orderId, @Nullable Card card,
			PaymentGateway.@Nullable SavedCard saved, @Nullable Long testClockId) {
	}

	/** The subscription and its first invoice, as prefixIds. */
	public record Started(String subscription, String invoice) {
	}

	/** Whether a variant starts with a free trial: nothing is charged at checkout. */
	public static boolean trial(VariantForSale variant) {
		return variant.trialPeriodDays() != null && variant.trialPeriodDays() > 0;
	}

	/**
	 * Starts the subscription of a completed checkout, in its transaction: keeps the card
	 * as the customer's, makes the subscription (on its test clock's time) and its paid
	 * invoice #1; {@code subscription.created}, {@code invoice.created},
	 * {@code invoice.paid}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Started start(Start start) {
		Instant now = Times.now(this.clock);
		Instant at = (start.testClockId() != null) ? this.clocks.get(start.testClockId()).frozenTime() : now;
		Long methodId = null;
		if (start.card() != null) {
			methodId = saveMethod(start.accountId(), start.livemode(), start.customerId(), start.card());
		}
		else if (start.saved() != null) {
			// kept by the processor (Stripe) on the session that paid the first period
			String gateway = this.payments.gatewayName(start.livemode());
			methodId = this.subscriptions.insertMethod(Ids.next("pm"), start.accountId(), start.livemode(),
					start.customerId(), (gateway != null) ? gateway : "stripe", start.saved(), now);
		}
		VariantForSale variant = start.variant();
		String interval = (variant.recurringInterval() != null) ? variant.recurringInterval() : "month";
		int count = (variant.intervalCount() != null && variant.intervalCount() > 0) ? variant.intervalCount() : 1;
		boolean trial = trial(variant);
		Instant anchor = trial ? at.plus(Duration.ofDays(variant.trialPeriodDays())) : at;
		int periods = trial ? 0 : 1;
		Instant periodEnd = trial ? anchor : Periods.end(anchor, interval, count, 1);
		long id = this.subscriptions.insert(Ids.next("sub"),
				new SubscriptionRepository.NewSubscription(start.accountId(), start.livemode(),
						trial ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE, start.customerId(),
						variant.id(), variant.productId(), start.orderId(), methodId, start.testClockId(),
						start.quantity(), start.periodAmount(), start.currency(), interval, count, anchor, periods, at,
						periodEnd, trial ? anchor : null, periodEnd),
				now);
		Subscription created = this.subscriptions.get(id);
		this.events.publishEvent(new BillingEvent.SubscriptionCreated(start.accountId(), start.livemode(),
				this.views.subscription(created)));
		Invoice first = this.renewals.open(created, "subscription_create", at, periodEnd, at, start.charged());
		this.invoices.update(first.id(), InvoiceStatus.PAID, start.orderId(), at, null, (start.charged() > 0) ? 1 : 0,
				null, now);
		this.orders.linkSubscription(start.orderId(), id, first.id());
		Subscription.Change change = created.change();
		change.latestInvoiceId = first.id();
		this.subscriptions.update(id, change, now);
		this.events.publishEvent(new BillingEvent.InvoicePaid(start.accountId(), start.livemode(),
				this.views.invoice(this.invoices.get(first.id()))));
		return new Started(created.prefixId(), first.prefixId());
	}

	/** Keeps a card as a payment method of the customer. */
	private long saveMethod(long accountId, boolean livemode, long customerId, Card card) {
		String gateway = this.payments.gatewayName(livemode);
		PaymentGateway.SavedCard saved = this.payments.save(livemode, card);
		return this.subscriptions.insertMethod(Ids.next("pm"), accountId, livemode, customerId,
				(gateway != null) ? gateway : "sandbox", saved, Times.now(this.clock));
	}

	/** Keeps the card that paid a subscription's invoice for its next periods. */
	void saveCard(Subscription s, Card card) {
		this.subscriptions.setMethod(s.id(), saveMethod(s.accountId(), s.livemode(), s.customerId(), card),
				Times.now(this.clock));
	}

	/** A page of the caller's subscriptions, newest first. */
	@Transactional(readOnly = true)
	public Page<SubscriptionJson> list(Caller caller, SubscriptionRepository.Filter filter, Expand expand,
			PageQuery page) {
		long count = this.subscriptions.count(caller.accountId(), caller.livemode(), filter);
		List<Subscription> rows = this.subscriptions.page(caller.accountId(), caller.livemode(), filter, page);
		return Page.of(this.views.subscriptions(caller.accountId(), caller.livemode(), rows, expand), page, count);
	}

	/** One of the caller's subscriptions. */
	@Transactional(readOnly = true)
	public SubscriptionJson get(Caller caller, String key, Expand expand) {
		Subscription s = find(caller, key);
		return this.views.subscriptions(caller.accountId(), caller.livemode(), List.of(s), expand).get(0);
	}

	Subscription find(Caller caller, String key) {
		return this.subscriptions.find(caller.accountId(), caller.livemode(), key)
			.orElseThrow(() -> new NotFound("Subscription"));
	}

	/** The time of a subscription: its test clock's, else the wall clock's. */
	private Instant now(Subscription s) {
		return (s.testClockId() != null) ? this.clocks.get(s.testClockId()).frozenTime() : Times.now(this.clock);
	}

	/**
	 * Cancels: at period end by default for a trialing or active subscription, now for
	 * the others or when {@code immediately} (its unpaid invoice voided, access revoked,
	 * no refund). Asked again: unchanged.
	 */
	@Transactional
	public SubscriptionJson cancel(Caller caller, String key, boolean immediately) {
		Subscription s = this.subscriptions.lock(find(caller, key).id());
		if (s.status() == SubscriptionStatus.CANCELED) {
			throw Errors.of("status", "is canceled");
		}
		Instant at = now(s);
		boolean atPeriodEnd = !immediately
				&& (s.status() == SubscriptionStatus.TRIALING || s.status() == SubscriptionStatus.ACTIVE);
		if (atPeriodEnd) {
			if (!s.cancelAtPeriodEnd()) {
				Subscription.Change change = s.change();
				change.cancelAtPeriodEnd = true;
				change.canceledAt = at;
				change.endsAt = s.currentPeriodEnd();
				this.subscriptions.update(s.id(), change, Times.now(this.clock));
			}
		}
		else {
			Subscription.Change change = s.change();
			change.canceledAt = at;
			this.subscriptions.update(s.id(), change, Times.now(this.clock));
			this.renewals.end(this.subscriptions.get(s.id()), at);
		}
		return this.views.subscription(this.subscriptions.get(s.id()));
	}

	/** Pauses an active subscription not scheduled to cancel: no charges, no access. */
	@Transactional
	public SubscriptionJson pause(Caller caller, String key) {
		Subscription s = this.subscriptions.lock(find(caller, key).id());
		if (s.status() != SubscriptionStatus.ACTIVE) {
			throw Errors.of("status", "is " + s.status().wire() + "; only an active subscription can be paused");
		}
		if (s.cancelAtPeriodEnd()) {
			throw Errors.of("status", "is scheduled to cancel at period end; resume it before pausing");
		}
		Instant at = now(s);
		Subscription.Change change = s.change();
		change.status = SubscriptionStatus.PAUSED;
		change.pausedAt = at;
		change.nextAttempt = null;
		this.subscriptions.update(s.id(), change, Times.now(this.clock));
		this.orders.endAccess(s.orderId(), at);
		SubscriptionJson json = this.views.subscription(this.subscriptions.get(s.id()));
		this.events.publishEvent(new BillingEvent.SubscriptionPaused(s.accountId(), s.livemode(), json));
		return json;
	}

	/**
	 * Resumes a paused subscription (a pause that outlasted its period starts a new one,
	 * charged at once), or withdraws a scheduled cancel.
	 */
	@Transactional
	public SubscriptionJson resume(Caller caller, String key) {
		Subscription s = this.subscriptions.lock(find(caller, key).id());
		Instant now = Times.now(this.clock);
		if (s.cancelAtPeriodEnd() && s.status() != SubscriptionStatus.CANCELED) {
			Subscription.Change change = s.change();
			change.cancelAtPeriodEnd = false;
			change.canceledAt = null;
			change.endsAt = null;
			this.subscriptions.update(s.id(), change, now);
			return this.views.subscription(this.subscriptions.get(s.id()));
		}
		if (s.status() != SubscriptionStatus.PAUSED) {
			throw Errors.of("status", "is " + s.status().wire() + "; only a paused subscription can be resumed");
		}
		Instant at = now(s);
		this.orders.restoreAccess(s.orderId());
		Subscription.Change change = s.change();
		change.status = SubscriptionStatus.ACTIVE;
		change.pausedAt = null;
		boolean outlasted = !at.isBefore(s.currentPeriodEnd());
		if (outlasted) {
			change.anchorAt = at;
			change.periods = 0;
			change.periodEnd = at;
		}
		change.nextAttempt = change.periodEnd;
		this.subscriptions.update(s.id(), change, now);
		this.events.publishEvent(new BillingEvent.SubscriptionResumed(s.accountId(), s.livemode(),
				this.views.subscription(this.subscriptions.get(s.id()))));
		if (outlasted) {
			this.renewals.renew(this.subscriptions.get(s.id()), at);
		}
		return this.views.subscription(this.subscriptions.get(s.id()));
	}

}
