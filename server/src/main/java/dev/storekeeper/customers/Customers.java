package dev.storekeeper.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Times;
import dev.storekeeper.sales.Listeners;
import dev.storekeeper.sales.OrderPlaced;
import dev.storekeeper.sales.OrderRefunded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A seller's customers: unique by email (ignoring case) per account and mode, moved from
 * lead to free to paid by the orders they place, with counters the order flow keeps
 * exact.
 */
@Service
public class Customers {

	private final CustomerRepository customers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	Customers(CustomerRepository customers, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.customers = customers;
		this.events = events;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** A page of the caller's customers, newest first. */
	@Transactional(readOnly = true)
	public Page<CustomerJson> list(Caller caller, @Nullable String type, @Nullable String query, PageQuery page) {
		CustomerRepository.Filter filter = new CustomerRepository.Filter(type,
				(query != null && !query.isBlank()) ? query.trim() : null);
		long count = this.customers.count(caller.accountId(), caller.livemode(), filter);
		return Page.of(this.customers.page(caller.accountId(), caller.livemode(), filter, page)
			.stream()
			.map(CustomerJson::of)
			.toList(), page, count);
	}

	/**
	 * A page of the caller's customers who have ordered at least once, newest first;
	 * {@code query} searches email and names.
	 */
	@Transactional(readOnly = true)
	public Page<CustomerJson> purchasers(Caller caller, @Nullable String query, PageQuery page) {
		CustomerRepository.Filter filter = new CustomerRepository.Filter(null,
				(query != null && !query.isBlank()) ? query.trim() : null, true);
		long count = this.customers.count(caller.accountId(), caller.livemode(), filter);
		return Page.of(this.customers.page(caller.accountId(), caller.livemode(), filter, page)
			.stream()
			.map(CustomerJson::of)
			.toList(), page, count);
	}

	/** One of the caller's customers, by prefixId or integer id. */
	@Transactional(readOnly = true)
	public CustomerJson get(Caller caller, String key) {
		return CustomerJson.of(find(caller.accountId(), caller.livemode(), key));
	}

	/**
	 * The id of the account's customer named by a prefixId or an integer id, if it is
	 * theirs.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> resolveId(long accountId, boolean livemode, Ref ref) {
		return lookup(accountId, livemode, ref.toString()).map(Customer::id);
	}

	/** The id of the account's customer with this email (ignoring case), if any. */
	@Transactional(readOnly = true)
	public Optional<Long> idByEmail(long accountId, boolean livemode, String email) {
		return this.customers.findByEmail(accountId, livemode, email).map(Customer::id);
	}

	/**
	 * Creates a customer; {@code customer.created}, and {@code lead.created} for a lead.
	 */
	@Transactional
	public CustomerJson create(Caller caller, Fields fields) {
		CustomerDraft draft = new CustomerDraft();
		draft.apply(fields, true);
		if (!fields.errors().has("email")
				&& this.customers.findByEmail(caller.accountId(), caller.livemode(), draft.email).isPresent()) {
			fields.errors().add("email", "has already been taken");
		}
		fields.errors().throwIfAny();
		return CustomerJson.of(insert(caller.accountId(), caller.livemode(), draft));
	}

	/** Applies a {@code PATCH}. */
	@Transactional
	public CustomerJson update(Caller caller, String key, Fields fields) {
		Customer current = find(caller.accountId(), caller.livemode(), key);
		CustomerDraft draft = CustomerDraft.of(current);
		draft.apply(fields, false);
		if (!fields.errors().has("email")
				&& this.customers.findByEmail(caller.accountId(), caller.livemode(), draft.email)
					.filter((other) -> other.id() != current.id())
					.isPresent()) {
			fields.errors().add("email", "has already been taken");
		}
		fields.errors().throwIfAny();
		try {
			this.customers.update(current.id(), draft, Times.now(this.clock));
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("email", "has already been taken");
		}
		if (draft.tags != null) {
			this.customers.replaceTags(current.id(), caller.accountId(), caller.livemode(), draft.tags);
		}
		return get(caller, current.prefixId());
	}

	/** Blacklists a customer: their checkouts are refused from now on. */
	@Transactional
	public CustomerJson blacklist(Caller caller, String key, @Nullable String reason) {
		Customer customer = find(caller.accountId(), caller.livemode(), key);
		if (reason != null && reason.length() > 500) {
			throw Errors.of("reason", "is too long (maximum is 500 characters)");
		}
		this.customers.blacklist(customer.id(), true, reason, Times.now(this.clock));
		return get(caller, customer.prefixId());
	}

	/** Lifts a customer's blacklisting. */
	@Transactional
	public void unblacklist(Caller caller, String key) {
		Customer customer = find(caller.accountId(), caller.livemode(), key);
		this.customers.blacklist(customer.id(), false, null, Times.now(this.clock));
	}

	/**
	 * The customer with this email (ignoring case), created as a lead when there is none;
	 * runs inside the checkout's transaction. Two first checkouts with one new email at
	 * once share one customer: the insert runs in a savepoint, and the one that loses the
	 * race on the unique email reads the winner's row instead of failing.
	 */
	@Transactional
	public Customer findOrCreateByEmail(long accountId, boolean livemode, String email, @Nullable String name) {
		Optional<Customer> existing = this.customers.findByEmail(accountId, livemode, email);
		if (existing.isPresent()) {
			return existing.get();
		}
		CustomerDraft draft = new CustomerDraft();
		draft.email = email.trim();
		draft.name = (name != null && !name.isBlank()) ? name.trim() : null;
		try {
			return this.savepoint.execute((status) -> insertOrThrow(accountId, livemode, draft));
		}
		catch (DuplicateKeyException ex) {
			return this.customers.findByEmail(accountId, livemode, email).orElseThrow(() -> ex);
		}
	}

	/**
	 * Counts an order: one more order, {@code amountPaid} more spent, and the type moved
	 * up (lead → free for a free order, → paid for a paid one; never down), in one atomic
	 * update.
	 */
	@EventListener
	@Order(Listeners.STATE)
	void on(OrderPlaced placed) {
		recordOrder(placed.customerId(), placed.amount());
	}

	/** Counts one order of the customer's (see {@link #on(OrderPlaced)}). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordOrder(long customerId, long amountPaid) {
		this.customers.recordOrder(customerId, amountPaid, Times.now(this.clock));
	}

	/**
	 * Takes a refund off the customer's total spend, atomically, in the refund's
	 * transaction.
	 */
	@EventListener
	@Order(Listeners.STATE)
	void on(OrderRefunded refunded) {
		recordRefund(refunded.customerId(), refunded.amount());
	}

	/** Takes a refund off the customer's total spend, atomically. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordRefund(long customerId, long amountRefunded) {
		this.customers.recordRefund(customerId, amountRefunded, Times.now(this.clock));
	}

	/** A customer by id, for the checkout (blacklist) and orders. */
	@Transactional(readOnly = true)
	public Optional<Customer> byId(long accountId, boolean livemode, long id) {
		return this.customers.findById(accountId, livemode, id);
	}

	/**
	 * Customers as {@code GET} shows them, by id, in two statements (for order
	 * expansion).
	 */
	@Transactional(readOnly = true)
	public Map<Long, CustomerJson> customerJson(long accountId, boolean livemode, Collection<Long> ids) {
		Map<Long, CustomerJson> result = new LinkedHashMap<>();
		this.customers.byIds(accountId, livemode, ids).forEach((c) -> result.put(c.id(), CustomerJson.of(c)));
		return result;
	}

	private Customer insert(long accountId, boolean livemode, CustomerDraft draft) {
		return insert(accountId, livemode, draft, true);
	}

	private Customer insertOrThrow(long accountId, boolean livemode, CustomerDraft draft) {
		return insert(accountId, livemode, draft, false);
	}

	private Customer insert(long accountId, boolean livemode, CustomerDraft draft, boolean takenIsError) {
		Instant now = Times.now(this.clock);
		String prefixId = Ids.next("cus");
		long id;
		try {
			id = this.customers.insert(prefixId, accountId, livemode, draft, now);
		}
		catch (DuplicateKeyException ex) {
			if (takenIsError) {
				throw Errors.of("email", "has already been taken");
			}
			throw ex;
		}
		Customer customer;
		if (draft.tags != null && !draft.tags.isEmpty()) {
			this.customers.replaceTags(id, accountId, livemode, draft.tags);
			customer = this.customers.findById(accountId, livemode, id).orElseThrow();
		}
		else {
			// the row as inserted (a checkout's new buyer has no tags), not read back
			customer = new Customer(id, prefixId, accountId, livemode, draft.email, draft.name, draft.firstName,
					draft.lastName, draft.customerType, 0, 0, false, null, List.of(), now, now);
		}
		CustomerJson json = CustomerJson.of(customer);
		this.events.publishEvent(new CustomerCreated(accountId, livemode, json));
		return customer;
	}

	private Customer find(long accountId, boolean livemode, String key) {
		return lookup(accountId, livemode, key).orElseThrow(() -> new NotFound("Customer"));
	}

	private Optional<Customer> lookup(long accountId, boolean livemode, String key) {
		Ref ref = Ref.parse(key);
		return (ref.id() != null) ? this.customers.findById(accountId, livemode, ref.id())
				: this.customers.find(accountId, livemode, key);
	}

}
