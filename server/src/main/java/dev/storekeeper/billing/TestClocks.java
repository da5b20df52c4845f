package dev.storekeeper.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import dev.storekeeper.platform.web.StateConflict;
import dev.storekeeper.platform.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test clocks (test mode only, as Stripe's): the frozen time of the subscriptions and
 * invoices attached to one, and its advance, which runs every step due up to the new time
 * in time order, each dated when due, before it answers.
 */
@Service
public class TestClocks {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TestClocks.class);

	private final TestClockRepository clocks;

	private final SubscriptionRepository subscriptions;

	private final InvoiceRepository invoices;

	private final Renewals renewals;

	private final Invoices invoiceService;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TestClocks(TestClockRepository clocks, SubscriptionRepository subscriptions, InvoiceRepository invoices,
			Renewals renewals, Invoices invoiceService, TransactionTemplate transactions, Clock clock) {
		this.clocks = clocks;
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.renewals = renewals;
		this.invoiceService = invoiceService;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The id of the caller's test clock that {@code ref} names, for a checkout or an
	 * invoice to be put on: {@code 422} on {@code field} in live mode or when unknown.
	 */
	public long resolve(Caller caller, Ref ref, String field) {
		if (caller.livemode()) {
			throw Errors.of(field, "is only available in test mode");
		}
		return this.clocks.find(caller.accountId(), caller.livemode(), ref.toString())
			.orElseThrow(() -> Errors.of(field, "is not a test clock of this account"))
			.id();
	}

	/** The frozen time of a clock. */
	Instant now(long clockId) {
		return this.clocks.get(clockId).frozenTime();
	}

	TestClockJson create(Caller caller, Fields fields) {
		requireTestMode(caller);
		Errors errors = fields.errors();
		Instant now = Times.now(this.clock);
		Instant frozen = fields.has("frozenTime") ? fields.instant("frozenTime") : null;
		String name = fields.string("name");
		if (name != null && name.length() > 200) {
			errors.add("name", "is too long (maximum is 200 characters)");
		}
		errors.throwIfAny();
		long id = this.clocks.insert(Ids.next("clock"), caller.accountId(), false, name,
				(frozen != null) ? frozen : now, now);
		return TestClockJson.of(this.clocks.get(id));
	}

	Page<TestClockJson> list(Caller caller, PageQuery page) {
		requireTestMode(caller);
		return Page.of(this.clocks.page(caller.accountId(), false, page).stream().map(TestClockJson::of).toList(), page,
				this.clocks.count(caller.accountId(), false));
	}

	TestClockJson get(Caller caller, String key) {
		return TestClockJson.of(find(caller, key));
	}

	/** Deletes a clock: its subscriptions are canceled at its time. */
	TestClockJson delete(Caller caller, String key) {
		TestClock found = find(caller, key);
		this.transactions.executeWithoutResult((status) -> {
			for (long id : this.subscriptions.onClock(found.id())) {
				Subscription s = this.subscriptions.lock(id);
				if (s.status() != SubscriptionStatus.CANCELED) {
					this.renewals.end(s, found.frozenTime());
				}
			}
			this.clocks.delete(found.id(), Times.now(this.clock));
		});
		return TestClockJson.of(found).asDeleted();
	}

	/**
	 * Advances a clock to {@code frozenTime}: each due step of its subscriptions and
	 * invoices runs in time order, in a transaction of its own, with the clock set to the
	 * step's time. One advance at a time: another one under way is {@code 409}.
	 */
	TestClockJson advance(Caller caller, String key, Fields fields) {
		TestClock found = find(caller, key);
		Instant target = fields.instant("frozenTime");
		Errors errors = fields.errors();
		if (target == null && !errors.has("frozenTime")) {
			errors.add("frozenTime", "can't be blank");
		}
		else if (target != null && !target.isAfter(found.frozenTime())) {
			errors.add("frozenTime", "must be after the clock's time (" + found.frozenTime() + ")");
		}
		else if (target != null && target.isAfter(found.frozenTime().atZone(ZoneOffset.UTC).plusYears(2).toInstant())) {
			errors.add("frozenTime", "must be at most 2 years after the clock's time (" + found.frozenTime() + ")");
		}
		errors.throwIfAny();
		Instant now = Times.now(this.clock);
		boolean started = Boolean.TRUE
			.equals(this.transactions.execute((status) -> this.clocks.start(found.id(), now)));
		if (!started) {
			throw new StateConflict("Test clock " + found.prefixId() + " is advancing: try again when it is ready");
		}
		try {
			run(found.id(), target);
			this.transactions.executeWithoutResult((status) -> this.clocks.move(found.id(), target));
		}
		finally {
			this.transactions.executeWithoutResult((status) -> this.clocks.finish(found.id(), Times.now(this.clock)));
		}
		return TestClockJson.of(this.clocks.get(found.id()));
	}

	/** Runs every step due on the clock up to {@code target}, earliest first. */
	private void run(long clockId, Instant target) {
		// a step that makes no progress (it cannot be claimed) must not spin: each is
		// tried once at a given time
		Instant last = null;
		long lastId = -1;
		while (true) {
			Optional<SubscriptionRepository.Due> renewal = this.subscriptions.nextDueOnClock(clockId, target);
			Optional<SubscriptionRepository.Due> pastDue = this.invoices.nextPastDueOnClock(clockId, target);
			if (renewal.isEmpty() && pastDue.isEmpty()) {
				return;
			}
			boolean invoiceFirst = renewal.isEmpty()
					|| (pastDue.isPresent() && pastDue.get().at().isBefore(renewal.get().at()));
			SubscriptionRepository.Due due = invoiceFirst ? pastDue.get() : renewal.get();
			long stepId = invoiceFirst ? -due.subscriptionId() : due.subscriptionId();
			if (due.at().equals(last) && stepId == lastId) {
				return;
			}
			last = due.at();
			lastId = stepId;
			Instant at = due.at();
			this.transactions.executeWithoutResult((status) -> this.clocks.move(clockId, at));
			try {
				if (invoiceFirst) {
					this.invoiceService.markPastDue(due.subscriptionId(), at);
				}
				else {
					this.renewals.run(due.subscriptionId(), at);
				}
			}
			catch (RuntimeException ex) {
				// the steps before it stay done; the clock stops at the one that failed
				log.warn("Test clock {}: the step due at {} failed: {}", clockId, at, ex.getMessage());
				throw new StateConflict("The test clock stopped at " + at + ": a step due then could not run ("
						+ ex.getMessage() + ")");
			}
		}
	}

	private TestClock find(Caller caller, String key) {
		requireTestMode(caller);
		return this.clocks.find(caller.accountId(), false, key).orElseThrow(() -> new NotFound("Test clock"));
	}

	private static void requireTestMode(Caller caller) {
		if (caller.livemode()) {
			throw new NotFound("Test clock");
		}
	}

	/** Unused by callers without a clock: the wall clock's time. */
	Instant wallNow(@Nullable Long clockId) {
		return (clockId != null) ? now(clockId) : Times.now(this.clock);
	}

}
