package dev.storekeeper.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.storekeeper.billing.Invoices;
import dev.storekeeper.billing.Subscriptions;
import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.Reservation;
import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.customers.Customer;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.discounts.Discount;
import dev.storekeeper.discounts.DiscountJson;
import dev.storekeeper.discounts.Discounts;
import dev.storekeeper.orders.NewOrder;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.orders.PlacedOrder;
import dev.storekeeper.payments.Card;
import dev.storekeeper.payments.Charge;
import dev.storekeeper.payments.PaymentFailed;
import dev.storekeeper.payments.PaymentGateway;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.payments.SessionGateway;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.web.StateConflict;
import dev.storekeeper.platform.Times;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes checkouts into orders, exactly once: by a card given to this server, or by a
 * processor's session once it is paid; and gives back a payment that can no longer become
 * an order. The sale enters each module once: the catalog reserves the stock, discounts
 * redeem, customers find the buyer, payments charge, orders place the order.
 */
@Service
public class Completion {

	private static final Logger log = LoggerFactory.getLogger(Completion.class);

	private final CheckoutRepository checkouts;

	private final CheckoutViews views;

	private final Quotes quotes;

	private final Catalog catalog;

	private final Discounts discounts;

	private final Customers customers;

	private final Payments payments;

	private final OrderBook orders;

	private final Subscriptions subscriptions;

	private final Invoices invoices;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Counter completed;

	Completion(CheckoutRepository checkouts, CheckoutViews views, Quotes quotes, Catalog catalog, Discounts discounts,
			Customers customers, Payments payments, OrderBook orders, Subscriptions subscriptions, Invoices invoices,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
		this.completed = Counter.builder("storekeeper.checkouts.completed")
			.description("Checkouts completed into an order on this node")
			.register(meters);
		this.checkouts = checkouts;
		this.views = views;
		this.quotes = quotes;
		this.catalog = catalog;
		this.discounts = discounts;
		this.customers = customers;
		this.payments = payments;
		this.orders = orders;
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Completes the checkout a client secret opens, exactly once: one transaction that
	 * locks it, re-checks it, takes stock and the discount, finds or creates the
	 * customer, charges the card (unless it is free) and places the order. A declined
	 * card undoes all of it, leaves the checkout open, records {@code payment.failed} and
	 * is answered 402.
	 */
	public CheckoutJson confirm(String secret, @Nullable String email, @Nullable String name, @Nullable Card card) {
		AtomicReference<@Nullable Checkout> locked = new AtomicReference<>();
		try {
			return this.transactions.execute((status) -> {
				locked.set(this.views.lockBySecret(secret));
				return complete(Objects.requireNonNull(locked.get()), email, name, new ByCard(card));
			});
		}
		catch (PaymentFailed ex) {
			// a payment fails only once the checkout is locked
			recordPaymentFailed(Objects.requireNonNull(locked.get()), ex.code(), ex.getMessage());
			throw ex;
		}
	}

	/** How a checkout is paid: a card given to this server, or a processor's session. */
	sealed interface Payment permits ByCard, PaidSession {

	}

	/** A card the buyer typed, charged through the mode's gateway (the sandbox). */
	record ByCard(@Nullable Card card) implements Payment {
	}

	/** A payment the processor already took on its own form. */
	record PaidSession(String gateway, PaymentGateway.Charged charge, long amount, String currency,
			PaymentGateway.@Nullable SavedCard saved) implements Payment {
	}

	private CheckoutJson complete(Checkout checkout, @Nullable String givenEmail, @Nullable String givenName,
			Payment payment) {
		Instant now = Times.now(this.clock);
		// A paid session was held to the processor's own expiry: money it took is
		// honoured.
		if (!(payment instanceof PaidSession && checkout.status() == CheckoutStatus.OPEN)) {
			checkout.requireOpen(now);
		}
		String email = (givenEmail != null && !givenEmail.isBlank()) ? givenEmail.trim() : checkout.email();
		String name = (givenName != null && !givenName.isBlank()) ? givenName.trim() : checkout.name();
		if (email == null || email.isBlank()) {
			throw Errors.of("email", "can't be blank");
		}
		if (!Checkout.isEmail(email)) {
			throw Errors.of("email", "is invalid");
		}
		if (checkout.invoiceId() != null) {
			return completeInvoice(checkout, email, name, payment, now);
		}
		Reservation reservation = this.catalog.reserve(checkout.accountId(), checkout.livemode(),
				checkout.items()
					.stream()
					.map((item) -> new Reservation.Line(item.priceVariantId(), item.quantity()))
					.toList());
		Discounts.Redemption redemption = (checkout.discountId() != null)
				? this.discounts.redeem(checkout.accountId(), checkout.livemode(), checkout.discountId(), now) : null;
		List<Quotes.Request> requests = Quotes.requests(checkout);
		List<@Nullable VariantForSale> variants = new ArrayList<>();
		checkout.items().forEach((item) -> variants.add(reservation.variants().get(item.priceVariantId())));
		Quotes.Quote quote = this.quotes.price(requests, variants,
				() -> (redemption != null) ? redemption.discountOrThrow() : null);
		Errors errors = new Errors();
		for (Reservation.Line line : reservation.shortOf()) {
			VariantForSale variant = reservation.variants().get(line.priceVariantId());
			errors.add("checkoutItems", variant.productName() + " (" + variant.name()
					+ ") is sold out or has fewer than " + line.quantity() + " left");
		}
		errors.throwIfAny();
		Discount discount = quote.discount();
		if (discount != null && !Objects.requireNonNull(redemption).redeemed()) {
			throw Errors.of("discountCode", "has reached its redemption limit");
		}
		Customer customer = this.customers.findOrCreateByEmail(checkout.accountId(), checkout.livemode(), email, name);
		if (customer.blacklisted()) {
			throw Errors.of("base", "This buyer cannot purchase from this store");
		}
		// a subscription keeps the card for its renewals; a trial charges nothing now
		VariantForSale recurring = (checkout.mode() == CheckoutMode.SUBSCRIPTION)
				? quote.variants().stream().filter(VariantForSale::recurring).findFirst().orElse(null) : null;
		boolean trial = recurring != null && Subscriptions.trial(recurring);
		Card card = (payment instanceof ByCard(Card given)) ? given : null;
		PaymentGateway.SavedCard saved = (payment instanceof PaidSession paid) ? paid.saved() : null;
		if (recurring != null && card == null && saved == null) {
			throw Errors.of("payment", "needs a card: a subscription charges it again every period");
		}
		long total = trial ? 0 : quote.pricing().total();
		Long chargeId = charge(checkout, total, payment);
		List<NewOrder.NewLine> lines = new ArrayList<>();
		for (int i = 0; i < checkout.items().size(); i++) {
			Checkout.Item item = checkout.items().get(i);
			lines.add(new NewOrder.NewLine(quote.variants().get(i), item.quantity(), trial ? 0 : quote.units().get(i),
					trial ? 0 : quote.pricing().lineDiscounts().get(i)));
		}
		PlacedOrder order = this.orders.place(new NewOrder(checkout.accountId(), checkout.livemode(), checkout.id(),
				customer.id(), (discount != null) ? discount.id() : null, checkout.currency(),
				trial ? 0 : quote.pricing().subtotal(), trial ? 0 : quote.pricing().discountAmount(), total, chargeId,
				lines));
		if (recurring != null) {
			int quantity = checkout.items()
				.stream()
				.filter((item) -> item.priceVariantId() == recurring.id())
				.mapToInt(Checkout.Item::quantity)
				.sum();
			this.subscriptions.start(new Subscriptions.Start(checkout.accountId(), checkout.livemode(), customer.id(),
					recurring, quantity, quote.pricing().subtotal(), total, checkout.currency(), order.id(), card,
					saved, this.checkouts.testClockOf(checkout.id())));
		}
		if (!this.checkouts.complete(checkout.id(), email, name, order.id(), order.prefixId(), now)) {
			throw new StateConflict("Checkout " + checkout.prefixId() + " is already complete");
		}
		DiscountJson discountJson = (redemption != null) ? redemption.json() : null;
		CheckoutJson json = this.views.json(checkout.completed(email, name, order.id(), order.prefixId(), now),
				reservation.variantJson(), reservation.productJson(), discountJson);
		this.events.publishEvent(new CheckoutCompleted(checkout.accountId(), checkout.livemode(), json));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Completion.this.completed.increment();
			}
		});
		return json;
	}

	/**
	 * Completes the checkout of an invoice: the invoice, locked, must still be payable
	 * (else 422, nothing charged); its amount is charged and the invoice's module places
	 * the order and marks it paid.
	 */
	private CheckoutJson completeInvoice(Checkout checkout, String email, @Nullable String name, Payment payment,
			Instant now) {
		Invoices.Payable payable = this.invoices.lockPayable(Objects.requireNonNull(checkout.invoiceId()));
		if (payable.amount() != checkout.total()) {
			throw Errors.of("base", "The invoice's amount changed: open its payment again");
		}
		Card card = (payment instanceof ByCard(Card given)) ? given : null;
		Long chargeId = charge(checkout, checkout.total(), payment);
		PlacedOrder order = this.invoices.paid(payable.invoiceId(), checkout.id(), chargeId, card);
		if (!this.checkouts.complete(checkout.id(), email, name, order.id(), order.prefixId(), now)) {
			throw new StateConflict("Checkout " + checkout.prefixId() + " is already complete");
		}
		CheckoutJson json = this.views.json(checkout.completed(email, name, order.id(), order.prefixId(), now));
		this.events.publishEvent(new CheckoutCompleted(checkout.accountId(), checkout.livemode(), json));
		return json;
	}

	/**
	 * Takes the checkout's {@code total}: records the processor's charge of a paid
	 * session, or charges the buyer's card.
	 * @return the charge's id, or null for a free checkout
	 */
	private @Nullable Long charge(Checkout checkout, long total, Payment payment) {
		if (total > 0 && payment instanceof PaidSession paid) {
			if (paid.amount() != total || !paid.currency().equalsIgnoreCase(checkout.currency())) {
				throw Errors.of("base", "The payment (" + paid.amount() + " " + paid.currency()
						+ ") does not match the checkout's total (" + total + " " + checkout.currency() + ")");
			}
			return this.payments
				.record(checkout.accountId(), checkout.livemode(), paid.gateway(), paid.charge(), total,
						checkout.currency(), "Checkout " + checkout.prefixId())
				.id();
		}
		if (total > 0 && payment instanceof ByCard(Card card)) {
			if (checkout.processorId() != null || this.payments.sessions(checkout.livemode()) != null) {
				throw Errors.of("payment", "is taken on Stripe's payment form: pay with this checkout's clientSecret "
						+ "through Stripe.js, or on the hosted checkout page");
			}
			if (card == null) {
				throw Errors.of("payment", "needs a card: this checkout is not free");
			}
			Charge charge = this.payments.charge(checkout.accountId(), checkout.livemode(), total, checkout.currency(),
					card, "Checkout " + checkout.prefixId());
			return charge.id();
		}
		if (total > 0) {
			throw Errors.of("payment", "is missing");
		}
		return null;
	}

	/**
	 * Completes the checkout a processor's session pays, once the processor says it is
	 * paid (Stripe's {@code checkout.session.completed}, or the buyer's return from its
	 * form): the same exactly-once completion as a card, with the processor's charge.
	 * Safe to call any number of times, at once: the second call finds the checkout
	 * complete. A payment that can no longer become an order (sold out meanwhile, or made
	 * on a session the checkout has replaced) is refunded and {@code payment.failed} is
	 * recorded.
	 * @return the checkout, or null when the session is not paid yet or not this server's
	 */
	public @Nullable CheckoutJson completeProcessorSession(String sessionId) {
		SessionGateway sessions = this.payments.sessions(true);
		if (sessions == null) {
			return null;
		}
		SessionGateway.PaidSession paid = sessions.retrieve(sessionId);
		Checkout found = this.checkouts.findByProcessorId(sessionId).orElse(null);
		if (found == null) {
			Checkout replaced = (paid.reference() != null)
					? this.checkouts.findAnyByPrefixId(paid.reference()).orElse(null) : null;
			if (replaced == null) {
				log.warn("Stripe session {} belongs to no checkout of this server: ignored", sessionId);
				return null;
			}
			if (paid.paid() && paid.charge() != null) {
				giveBack(replaced, sessions, paid, "The payment was made on a payment form this checkout had "
						+ "replaced (its price changed), so it was refunded");
			}
			return null;
		}
		if (!paid.paid() || paid.charge() == null) {
			return this.views.json(found);
		}
		try {
			return this.transactions
				.execute((status) -> complete(this.checkouts.lock(found.id()), paid.email(), paid.name(),
						new PaidSession(sessions.name(), paid.charge(), paid.amount(), paid.currency(), paid.saved())));
		}
		catch (StateConflict ex) {
			Checkout now = this.views.reread(found);
			if (now.status() != CheckoutStatus.COMPLETE) {
				giveBack(now, sessions, paid, ex.getMessage());
			}
			return this.views.json(now);
		}
		catch (InvalidRecord ex) {
			giveBack(found, sessions, paid, ex.getMessage());
			return this.views.json(this.views.reread(found));
		}
	}

	/**
	 * Records {@code payment.failed} for a session whose delayed payment method (a bank
	 * debit) failed: the checkout stays open.
	 */
	public void processorPaymentFailed(String sessionId) {
		this.checkouts.findByProcessorId(sessionId)
			.ifPresent((checkout) -> recordPaymentFailed(checkout, "async_payment_failed",
					"The buyer's payment did not go through"));
	}

	private void giveBack(Checkout checkout, SessionGateway sessions, SessionGateway.PaidSession paid, String reason) {
		PaymentGateway.Charged charge = Objects.requireNonNull(paid.charge());
		if (sessions.amountRefunded(charge.processorId()) >= paid.amount()) {
			// Given back already: this is the processor sending the same event again.
			return;
		}
		String refund = this.payments.refundUnplaced(sessions.name(), charge.processorId(), paid.amount(),
				paid.currency());
		log.warn("Checkout {}: refunded {} {} paid on {} ({}): {}", checkout.prefixId(), paid.amount(), paid.currency(),
				paid.id(), refund, reason);
		recordPaymentFailed(checkout, "refunded", reason);
	}

	/**
	 * Records {@code payment.failed} with the checkout as it is now, in a transaction of
	 * its own (the sale's was undone).
	 */
	private void recordPaymentFailed(Checkout checkout, String code, String message) {
		recordPaymentFailed(new CheckoutRepository.Key(checkout.id(), checkout.accountId(), checkout.livemode()), code,
				message);
	}

	private void recordPaymentFailed(CheckoutRepository.Key checkout, String code, String message) {
		this.transactions
			.executeWithoutResult((status) -> this.events.publishEvent(new CheckoutPaymentFailed(checkout.accountId(),
					checkout.livemode(), this.views.json(this.views.reread(checkout)), code, message)));
	}

}
