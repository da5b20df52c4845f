package dev.storekeeper.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.customers.Customer;
import dev.storekeeper.customers.Customers;
import dev.storekeeper.orders.NewOrder;
import dev.storekeeper.orders.OrderBook;
import dev.storekeeper.orders.PlacedOrder;
import dev.storekeeper.payments.Card;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Expand;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoices: those of subscriptions, and one-off invoices to a customer with line items;
 * numbered per account and mode without gaps; voided; past due once their due date passes
 * unpaid.
 */
@Service
public class Invoices {

	private static final int MAX_LINES = 50;

	private final InvoiceRepository invoices;

	private final SubscriptionRepository subscriptions;

	private final TestClockRepository clocks;

	private final Renewals renewals;

	private final Catalog catalog;

	private final OrderBook orders;

	private final Subscriptions subscriptionService;

	private final Customers customers;

	private final BillingViews views;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Invoices(InvoiceRepository invoices, SubscriptionRepository subscriptions, TestClockRepository clocks,
			Renewals renewals, Catalog catalog, OrderBook orders, Subscriptions subscriptionService,
			Customers customers, BillingViews views, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.orders = orders;
		this.subscriptionService = subscriptionService;
		this.invoices = invoices;
		this.subscriptions = subscriptions;
		this.clocks = clocks;
		this.renewals = renewals;
		this.catalog = catalog;
		this.customers = customers;
		this.views = views;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A page of the caller's invoices, newest first. */
	@Transactional(readOnly = true)
	public Page<InvoiceJson> list(Caller caller, InvoiceRepository.Filter filter, Expand expand, PageQuery page) {
		long count = this.invoices.count(caller.accountId(), caller.livemode(), filter);
		List<Invoice> rows = this.invoices.page(caller.accountId(), caller.livemode(), filter, page);
		return Page.of(this.views.invoices(caller.accountId(), caller.livemode(), rows, expand), page, count);
	}

	/** One of the caller's invoices. */
	@Transactional(readOnly = true)
	public InvoiceJson get(Caller caller, String key, Expand expand) {
		Invoice invoice = find(caller, key);
		return this.views.invoices(caller.accountId(), caller.livemode(), List.of(invoice), expand).get(0);
	}

	Invoice find(Caller caller, String key) {
		return this.invoices.find(caller.accountId(), caller.livemode(), key)
			.orElseThrow(() -> new NotFound("Invoice"));
	}

	/**
	 * The integer id of the caller's subscription {@code key}, for a filter; 404 when not
	 * theirs.
	 */
	long subscriptionId(Caller caller, String key) {
		return this.subscriptions.find(caller.accountId(), caller.livemode(), key)
			.orElseThrow(() -> new NotFound("Subscription"))
			.id();
	}

	/** The invoice a hosted page shows, by its secret token. */
	@Transactional(readOnly = true)
	Optional<Invoice> byToken(String token) {
		return token.matches("[0-9A-Za-z]{40}") ? this.invoices.findByToken(token) : Optional.empty();
	}

	/**
	 * Creates a one-off invoice to a customer (found or created by email): {@code 201
	 * open}, {@code invoice.created}; no email is sent.
	 */
	@Transactional
	public InvoiceJson create(Caller caller, Fields fields, @Nullable Long clockId) {
		Errors errors = fields.errors();
		Instant now = Times.now(this.clock);
		Instant clockNow = (clockId != null) ? this.clocks.get(clockId).frozenTime() : now;
		Ref single = fields.ref("priceVariant");
		List<Fields> lineFields = fields.objects("lineItems");
		List<Ref> refs = new ArrayList<>();
		List<Integer> quantities = new ArrayList<>();
		List<@Nullable Long> amounts = new ArrayList<>();
		List<@Nullable String> descriptions = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		if (single != null && lineFields != null) {
			errors.add("priceVariant", "give priceVariant or lineItems, not both");
		}
		else if (lineFields != null) {
			if (lineFields.isEmpty() || lineFields.size() > MAX_LINES) {
				errors.add("lineItems", "must hold 1 to " + MAX_LINES + " lines");
			}
			for (int i = 0; i < lineFields.size() && i < MAX_LINES; i++) {
				Fields line = lineFields.get(i);
				String key = "lineItems[" + i + "]";
				Ref ref = line.ref("priceVariant");
				if (ref == null) {
					errors.add(key + ".priceVariant", "can't be blank");
					continue;
				}
				Long quantity = line.integer("quantity");
				if (quantity != null && (quantity < 1 || quantity > 1000)) {
					errors.add(key + ".quantity", "must be between 1 and 1000");
				}
				Long unit = line.integer("unitAmount");
				if (unit != null && unit < 0) {
					errors.add(key + ".unitAmount", "must be greater than or equal to 0");
				}
				String description = line.string("description");
				if (description != null && description.length() > 200) {
					errors.add(key + ".description", "is too long (maximum is 200 characters)");
				}
				refs.add(ref);
				quantities.add((quantity != null) ? quantity.intValue() : 1);
				amounts.add(unit);
				descriptions.add(description);
				keys.add(key + ".priceVariant");
			}
		}
		else if (single != null) {
			refs.add(single);
			quantities.add(1);
			amounts.add(null);
			descriptions.add(null);
			keys.add("priceVariant");
		}
		else {
			errors.add("priceVariant", "can't be blank");
		}
		Instant dueAt = fields.instant("dueAt");
		if (dueAt == null && !errors.has("dueAt")) {
			errors.add("dueAt", "can't be blank");
		}
		else if (dueAt != null && !dueAt.isAfter(clockNow)) {
			errors.add("dueAt", "must be in the future");
		}
		String description = fields.string("description");
		if (description != null && description.length() > 500) {
			errors.add("description", "is too long (maximum is 500 characters)");
		}
		Boolean chargeBuyerFee = fields.bool("chargeBuyerFee");
		Ref customerRef = fields.ref("customer");
		String email = fields.string("emailAddress");
		String name = fields.string("customerName");
		Long customerId = null;
		if (customerRef != null) {
			customerId = this.customers.resolveId(caller.accountId(), caller.livemode(), customerRef).orElse(null);
			if (customerId == null) {
				errors.add("customer", "is not a customer of this account");
			}
		}
		else {
			if (email == null || email.isBlank()) {
				errors.add("emailAddress", "can't be blank");
			}
			else if (!email.trim().matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}")) {
				errors.add("emailAddress", "is invalid");
			}
			if (name == null || name.isBlank()) {
				errors.add("customerName", "can't be blank");
			}
		}
		List<Optional<VariantForSale>> variants = this.catalog.forSale(caller.accountId(), caller.livemode(), refs);
		List<InvoiceRepository.NewLine> lines = new ArrayList<>();
		String currency = null;
		long total = 0;
		for (int i = 0; i < refs.size(); i++) {
			VariantForSale variant = variants.get(i).orElse(null);
			if (variant == null) {
				errors.add(keys.get(i), "is not a price variant of this account");
				continue;
			}
			if (variant.archived()) {
				errors.add(keys.get(i), "is archived");
				continue;
			}
			if (variant.recurring()) {
				errors.add(keys.get(i), "is recurring: subscriptions are invoiced on their own");
				continue;
			}
			if (currency != null && !currency.equals(variant.currency())) {
				errors.add("currency", "must be the same on every line");
			}
			currency = (currency != null) ? currency : variant.currency();
			long unit = (amounts.get(i) != null) ? amounts.get(i)
					: (variant.presetAmount() != null) ? variant.presetAmount() : variant.amount();
			total += unit * quantities.get(i);
			lines.add(new InvoiceRepository.NewLine(variant.id(), variant.productId(), descriptions.get(i),
					quantities.get(i), unit));
		}
		if (!lines.isEmpty() && total <= 0 && !errors.has("amount")) {
			errors.add("amount", "must be greater than 0");
		}
		errors.throwIfAny();
		Customer customer = (customerId != null)
				? this.customers.byId(caller.accountId(), caller.livemode(), customerId).orElseThrow()
				: this.customers.findOrCreateByEmail(caller.accountId(), caller.livemode(), email.trim(), name.trim());
		long id = this.invoices.insert(Ids.next("inv"), this.invoices.nextNumber(caller.accountId(), caller.livemode()),
				Ids.random(40),
				new InvoiceRepository.NewInvoice(caller.accountId(), caller.livemode(), "manual", null, customer.id(),
						lines.get(0).priceVariantId(), description,
						(customerRef != null) ? customer.name() : name.trim(), customer.email(), total, 0, total,
						currency, dueAt, null, null, (chargeBuyerFee != null) ? chargeBuyerFee : true, clockId, lines),
				now);
		InvoiceJson json = this.views.invoice(this.invoices.get(id));
		this.events.publishEvent(new BillingEvent.InvoiceCreated(caller.accountId(), caller.livemode(), json));
		return json;
	}

	/**
	 * Voids an unpaid invoice; {@code invoice.voided}. A subscription's forgives the
	 * period: retries stop and a past-due subscription is active again.
	 */
	@Transactional
	public InvoiceJson voidInvoice(Caller caller, String key) {
		Invoice found = find(caller, key);
		Subscription subscription = (found.subscriptionId() != null) ? this.subscriptions.lock(found.subscriptionId())
				: null;
		Invoice invoice = this.invoices.lock(found.id());
		if (!invoice.status().payable()) {
			throw Errors.of("status", "is " + invoice.status().wire());
		}
		Instant at = (invoice.testClockId() != null) ? this.clocks.get(invoice.testClockId()).frozenTime()
				: Times.now(this.clock);
		this.renewals.voidInvoice(invoice, at);
		if (subscription != null && subscription.status() == SubscriptionStatus.PAST_DUE) {
			Subscription.Change change = subscription.change();
			change.status = SubscriptionStatus.ACTIVE;
			change.nextAttempt = subscription.currentPeriodEnd();
			this.subscriptions.update(subscription.id(), change, Times.now(this.clock));
		}
		return this.views.invoice(this.invoices.get(invoice.id()));
	}

	/**
	 * What a checkout paying an invoice charges: its lines, buyer and amount.
	 */
	public record Payable(long accountId, boolean livemode, long invoiceId, String prefixId, String number,
			String emailAddress, @Nullable String customerName, long customerId, String currency, long amount,
			List<PayableLine> lines) {
	}

	/**
	 * A line of an invoice to pay: {@code quantity} of a variant at {@code unitAmount}
	 * each.
	 */
	public record PayableLine(long priceVariantId, long productId, int quantity, long unitAmount) {
	}

	/**
	 * The caller's invoice {@code key}, if it can be paid: else 422 on {@code status}.
	 */
	@Transactional(readOnly = true)
	public Payable payable(Caller caller, String key) {
		return payable(find(caller, key));
	}

	/**
	 * The invoice a hosted page's token names, if it can be paid: else 422 on
	 * {@code status}; 404 when unknown.
	 */
	@Transactional(readOnly = true)
	public Payable payableByToken(String token) {
		return payable(byToken(token).orElseThrow(() -> new NotFound("Invoice")));
	}

	/**
	 * Locks an invoice about to be paid by a checkout, and checks it is payable still (a
	 * voided invoice's checkout cannot complete): 422 on {@code status}, before any
	 * charge.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Payable lockPayable(long invoiceId) {
		Invoice found = this.invoices.get(invoiceId);
		if (found.subscriptionId() != null) {
			this.subscriptions.lock(found.subscriptionId());
		}
		return payable(this.invoices.lock(invoiceId));
	}

	private static Payable payable(Invoice invoice) {
		if (!invoice.status().payable()) {
			throw Errors.of("status", "is " + invoice.status().wire());
		}
		return new Payable(invoice.accountId(), invoice.livemode(), invoice.id(), invoice.prefixId(), invoice.number(),
				invoice.emailAddress(), invoice.customerName(), invoice.customerId(), invoice.currency(),
				invoice.amount(),
				invoice.lines()
					.stream()
					.map((line) -> new PayableLine(line.priceVariantId(), line.productId(), line.quantity(),
							line.unitAmount()))
					.toList());
	}

	/**
	 * An invoice paid through a checkout, in the checkout's transaction (after
	 * {@link #lockPayable}): the order (a subscription's recovers it, as a renewal, and
	 * keeps the card for the next periods), {@code paid}, {@code invoice.paid}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PlacedOrder paid(long invoiceId, long checkoutId, @Nullable Long chargeId, @Nullable Card card) {
		Invoice invoice = this.invoices.get(invoiceId);
		Instant at = (invoice.testClockId() != null) ? this.clocks.get(invoice.testClockId()).frozenTime()
				: Times.now(this.clock);
		if (invoice.subscriptionId() != null) {
			Subscription s = this.subscriptions.get(invoice.subscriptionId());
			if (card != null) {
				this.subscriptionService.saveCard(s, card);
				s = this.subscriptions.get(s.id());
			}
			return this.renewals.paid(s, invoice, checkoutId, chargeId, at, invoice.attemptCount() + 1);
		}
		Map<Long, VariantForSale> variants = this.catalog.variantsForSale(invoice.accountId(), invoice.livemode(),
				invoice.lines().stream().map(Invoice.Line::priceVariantId).toList());
		List<NewOrder.NewLine> lines = invoice.lines()
			.stream()
			.map((line) -> new NewOrder.NewLine(variants.get(line.priceVariantId()), line.quantity(), line.unitAmount(),
					0))
			.toList();
		PlacedOrder order = this.orders.place(new NewOrder(invoice.accountId(), invoice.livemode(), checkoutId, null,
				invoice.id(), invoice.customerId(), null, invoice.currency(), invoice.subtotal(),
				invoice.discountAmount(), invoice.amount(), chargeId, lines));
		this.invoices.update(invoice.id(), InvoiceStatus.PAID, order.id(), at, null, invoice.attemptCount() + 1, null,
				Times.now(this.clock));
		this.events.publishEvent(new BillingEvent.InvoicePaid(invoice.accountId(), invoice.livemode(),
				this.views.invoice(this.invoices.get(invoice.id()))));
		return order;
	}

	/**
	 * An open one-off invoice whose due date passed at {@code at}: {@code past_due},
	 * {@code invoice.past_due}.
	 */
	void markPastDue(long invoiceId, Instant at) {
		this.transactions.executeWithoutResult((status) -> {
			Invoice invoice = this.invoices.lock(invoiceId);
			if (invoice.status() != InvoiceStatus.OPEN || invoice.dueAt().isAfter(at)) {
				return;
			}
			this.invoices.update(invoice.id(), InvoiceStatus.PAST_DUE, null, null, null, invoice.attemptCount(), null,
					Times.now(this.clock));
			this.events.publishEvent(new BillingEvent.InvoiceWentPastDue(invoice.accountId(), invoice.livemode(),
					this.views.invoice(this.invoices.get(invoice.id()))));
		});
	}

}
