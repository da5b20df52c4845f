package dev.storekeeper.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.customers.Customer;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.orders.NewOrder;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.orders.PlacedOrder;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing steps of a subscription, each in the transaction of its caller: a renewal
 * (an invoice, a charge of the saved card, an order, the next period), dunning (retries
 * on {@code BILLING_RETRY_DAYS}, then the end), and the end of a subscription.
 * {@link #run} claims a due subscription with a row lock another node skips, so a period
 * is charged once however many nodes or clocks run at once.
 */
@Component
class Renewals {

	private final SubscriptionRepository subscriptions;

	private final InvoiceRepository invoices;

	private final Payments payments;

	private final OrderBook orders;

	private final Catalog catalog;

	private final Customers customers;

	private final BillingViews views;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final List<Integer> retryDays;

	Renewals(SubscriptionRepository subscriptions, InvoiceRepository invoices, Payments payments, OrderBook orders,
			Catalog catalog, Customers customers, BillingViews views, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock,
			@Value("${storekeeper.billing.retry-days:1,3,7}") List<Integer> retryDays) {
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.payments = payments;
		this.orders = orders;
		this.catalog = catalog;
		this.customers = customers;
		this.views = views;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.retryDays = List.copyOf(retryDays);
	}

	/**
	 * Runs the step of one subscription due at {@code at} in a transaction of its own:
	 * false when another node holds it or it is no longer due.
	 */
	boolean run(long subscriptionId, Instant at) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			Optional<Subscription> claimed = this.subscriptions.claim(subscriptionId, at);
			claimed.ifPresent((subscription) -> step(subscription, at));
			return claimed.isPresent();
		}));
	}

	private void step(Subscription s, Instant at) {
		if (s.cancelAtPeriodEnd() && s.status() != SubscriptionStatus.PAST_DUE) {
			end(s, s.currentPeriodEnd());
			return;
		}
		if (s.status() == SubscriptionStatus.PAST_DUE) {
			Optional<Long> unpaid = this.invoices.unpaidOf(s.id());
			if (unpaid.isPresent()) {
				attempt(s, this.invoices.lock(unpaid.get()), at);
				return;
			}
		}
		renew(s, at);
	}

	/**
	 * Invoices the period after the current one (from its end; from {@code at} when the
	 * subscription restarts) and charges it.
	 */
	void renew(Subscription s, Instant at) {
		Instant start = s.currentPeriodEnd();
		Instant end = s.nextPeriodEnd();
		Invoice invoice = open(s, "subscription_cycle", start, end, start, s.amount());
		attempt(s, invoice, at);
	}

	/**
	 * Makes an open invoice of one period of the subscription, and records
	 * {@code invoice.created}.
	 */
	Invoice open(Subscription s, String reason, Instant start, Instant end, Instant dueAt, long amount) {
		Customer customer = this.customers.byId(s.accountId(), s.livemode(), s.customerId()).orElseThrow();
		long unit = amount / Math.max(1, s.quantity());
		InvoiceRepository.NewInvoice invoice = new InvoiceRepository.NewInvoice(s.accountId(), s.livemode(), reason,
				s.id(), s.customerId(), s.priceVariantId(), null, customer.name(), customer.email(), amount, 0, amount,
				s.currency(), dueAt, start, end, true, s.testClockId(),
				List.of(new InvoiceRepository.NewLine(s.priceVariantId(), s.productId(), null, s.quantity(), unit)));
		long id = this.invoices.insert(Ids.next("inv"), this.invoices.nextNumber(s.accountId(), s.livemode()),
				Ids.random(40), invoice, now());
		Invoice created = this.invoices.get(id);
		this.events
			.publishEvent(new BillingEvent.InvoiceCreated(s.accountId(), s.livemode(), this.views.invoice(created)));
		return created;
	}

	/**
	 * Charges an invoice of the subscription with its saved card (attempt N, idempotency
	 * key {@code inv_…:attempt-N}): paid, or a decline that dunning handles.
	 */
	void attempt(Subscription s, Invoice invoice, Instant at) {
		int attempt = invoice.attemptCount() + 1;
		SubscriptionRepository.Method method = (s.paymentMethodId() != null)
				? this.subscriptions.method(s.paymentMethodId()).orElse(null) : null;
		if (invoice.amount() == 0) {
			paid(s, invoice, null, at, attempt);
			return;
		}
		if (method == null) {
			declined(s, invoice, at, attempt);
			return;
		}
		if (YearMonth.of(method.card().expYear(), method.card().expMonth())
			.isBefore(YearMonth.from(at.atZone(ZoneOffset.UTC)))) {
			declined(s, invoice, at, attempt);
			return;
		}
		Payments.OffSession charged = this.payments.chargeSaved(s.accountId(), s.livemode(), method.gateway(),
				method.card(), invoice.amount(), invoice.currency(),
				"Invoice " + invoice.number() + " of " + s.prefixId(), invoice.prefixId() + ":attempt-" + attempt);
		if (charged.charge() != null) {
			paid(s, invoice, charged.charge().id(), at, attempt);
		}
		else {
			declined(s, invoice, at, attempt);
		}
	}

	/**
	 * The invoice was paid (by the saved card, or on its page): an order, the period it
	 * pays, {@code active}; {@code invoice.paid} and {@code subscription.renewed}.
	 */
	PlacedOrder paid(Subscription s, Invoice invoice, @Nullable Long chargeId, Instant at, int attempts) {
		return paid(s, invoice, null, chargeId, at, attempts);
	}

	/** As {@link #paid}, for an invoice paid through a checkout ({@code checkoutId}). */
	PlacedOrder paid(Subscription s, Invoice invoice, @Nullable Long checkoutId, @Nullable Long chargeId, Instant at,
			int attempts) {
		PlacedOrder order = placeOrder(s, invoice, checkoutId, chargeId);
		long orderId = order.id();
		this.invoices.update(invoice.id(), InvoiceStatus.PAID, orderId, at, null, attempts, null, now());
		Subscription.Change change = s.change();
		if (s.status() != SubscriptionStatus.PAST_DUE && invoice.periodStart() != null
				&& invoice.periodStart().equals(s.currentPeriodEnd())) {
			change.periods = s.periods() + 1;
			change.periodStart = invoice.periodStart();
			change.periodEnd = (invoice.periodEnd() != null) ? invoice.periodEnd() : s.nextPeriodEnd();
		}
		change.status = SubscriptionStatus.ACTIVE;
		change.latestInvoiceId = invoice.id();
		change.nextAttempt = change.periodEnd;
		this.subscriptions.update(s.id(), change, now());
		this.events.publishEvent(new BillingEvent.InvoicePaid(s.accountId(), s.livemode(),
				this.views.invoice(this.invoices.get(invoice.id()))));
		this.events.publishEvent(new BillingEvent.SubscriptionRenewed(s.accountId(), s.livemode(),
				this.views.subscription(this.subscriptions.get(s.id()))));
		return order;
	}

	/**
	 * The order of a paid renewal: a charge, no access tokens of its own (the first
	 * order's grant the access); the checkout's when the invoice was paid through one.
	 */
	PlacedOrder placeOrder(Subscription s, Invoice invoice, @Nullable Long checkoutId, @Nullable Long chargeId) {
		VariantForSale variant = this.catalog
			.variantForSale(s.accountId(), s.livemode(), new Ref(s.priceVariantId(), null))
			.orElseThrow();
		long unit = invoice.subtotal() / Math.max(1, s.quantity());
		return this.orders
			.place(new NewOrder(s.accountId(), s.livemode(), checkoutId, s.id(), invoice.id(), s.customerId(), null,
					invoice.currency(), invoice.subtotal(), invoice.discountAmount(), invoice.amount(), chargeId,
					List.of(new NewOrder.NewLine(variant, s.quantity(), unit, invoice.discountAmount()))));
	}

	/**
	 * A declined charge: the first starts dunning (the period restarts at {@code at},
	 * {@code past_due}); each retry on {@code BILLING_RETRY_DAYS} after it; the last ends
	 * the subscription and voids the invoice.
	 */
	private void declined(Subscription s, Invoice invoice, Instant at, int attempt) {
		Subscription.Change change = s.change();
		change.latestInvoiceId = invoice.id();
		if (s.status() != SubscriptionStatus.PAST_DUE) {
			Instant next = at.plus(Duration.ofDays(this.retryDays.isEmpty() ? 1 : this.retryDays.get(0)));
			boolean retries = !this.retryDays.isEmpty();
			this.invoices.update(invoice.id(), InvoiceStatus.PAST_DUE, null, null, null, attempt, retries ? next : null,
					now());
			change.status = SubscriptionStatus.PAST_DUE;
			change.anchorAt = at;
			change.periods = 1;
			change.periodStart = at;
			change.periodEnd = Periods.end(at, s.recurringInterval(), s.intervalCount(), 1);
			change.nextAttempt = next;
			this.subscriptions.update(s.id(), change, now());
			Invoice failed = this.invoices.get(invoice.id());
			this.events.publishEvent(
					new BillingEvent.InvoicePaymentFailed(s.accountId(), s.livemode(), this.views.invoice(failed)));
			this.events.publishEvent(
					new BillingEvent.InvoiceWentPastDue(s.accountId(), s.livemode(), this.views.invoice(failed)));
			this.events.publishEvent(new BillingEvent.SubscriptionWentPastDue(s.accountId(), s.livemode(),
					this.views.subscription(this.subscriptions.get(s.id()))));
			if (!retries) {
				end(this.subscriptions.get(s.id()), at);
			}
			return;
		}
		int retry = attempt - 1;
		if (retry < this.retryDays.size()) {
			Instant next = s.currentPeriodStart().plus(Duration.ofDays(this.retryDays.get(retry)));
			this.invoices.update(invoice.id(), InvoiceStatus.PAST_DUE, null, null, null, attempt, next, now());
			change.nextAttempt = next;
			this.subscriptions.update(s.id(), change, now());
			this.events.publishEvent(new BillingEvent.InvoicePaymentFailed(s.accountId(), s.livemode(),
					this.views.invoice(this.invoices.get(invoice.id()))));
			return;
		}
		this.invoices.update(invoice.id(), invoice.status(), null, null, null, attempt, null, now());
		this.events.publishEvent(new BillingEvent.InvoicePaymentFailed(s.accountId(), s.livemode(),
				this.views.invoice(this.invoices.get(invoice.id()))));
		end(this.subscriptions.get(s.id()), at);
	}

	/**
	 * Ends a subscription at {@code at}: {@code canceled}, its unpaid invoice voided, the
	 * access of its first order revoked; {@code subscription.cancelled}.
	 */
	void end(Subscription s, Instant at) {
		Optional<Long> unpaid = this.invoices.unpaidOf(s.id());
		if (unpaid.isPresent()) {
			voidInvoice(this.invoices.lock(unpaid.get()), at);
		}
		Subscription.Change change = s.change();
		change.status = SubscriptionStatus.CANCELED;
		change.endsAt = at;
		change.nextAttempt = null;
		if (change.canceledAt == null) {
			change.canceledAt = at;
		}
		this.subscriptions.update(s.id(), change, now());
		this.orders.endAccess(s.orderId(), at);
		this.events.publishEvent(new BillingEvent.SubscriptionCanceled(s.accountId(), s.livemode(),
				this.views.subscription(this.subscriptions.get(s.id()))));
	}

	/** Voids an unpaid invoice; {@code invoice.voided}. */
	void voidInvoice(Invoice invoice, Instant at) {
		this.invoices.update(invoice.id(), InvoiceStatus.VOID, null, null, at, invoice.attemptCount(), null, now());
		this.events.publishEvent(new BillingEvent.InvoiceVoided(invoice.accountId(), invoice.livemode(),
				this.views.invoice(this.invoices.get(invoice.id()))));
	}

	private Instant now() {
		return Times.now(this.clock);
	}

}
