package dev.storekeeper.checkout;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.storekeeper.billing.Invoices;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paying an invoice: {@code POST /v1/invoices/{id}/pay} and the Pay button of the hosted
 * invoice page open a checkout of the invoice's lines at the invoice's prices (the same
 * open one when asked again); completing it pays the invoice ({@link Completion}).
 */
@RestController
class InvoiceCheckouts {

	private final Invoices invoices;

	private final CheckoutRepository checkouts;

	private final CheckoutViews views;

	private final Payments payments;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration ttl;

	private final Pages pages;

	InvoiceCheckouts(Invoices invoices, CheckoutRepository checkouts, CheckoutViews views, Payments payments,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
			@Value("${storekeeper.checkout.ttl:24h}") Duration ttl, Pages pages) {
		this.invoices = invoices;
		this.checkouts = checkouts;
		this.views = views;
		this.payments = payments;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.ttl = ttl;
		this.pages = pages;
	}

	@PostMapping(path = "/v1/invoices/{id}/pay", produces = "application/json")
	ResponseEntity<CheckoutJson> pay(Caller caller, @PathVariable String id) {
		Invoices.Payable payable = this.invoices.payable(caller, id);
		CheckoutJson checkout = open(caller.accountId(), caller.livemode(), payable);
		return ResponseEntity.created(URI.create("/v1/checkouts/" + checkout.prefixId())).body(checkout);
	}

	@PostMapping(path = "/invoice/{token}/pay", produces = "text/html")
	ResponseEntity<String> payOnPage(@PathVariable String token) {
		Invoices.Payable payable;
		try {
			payable = this.invoices.payableByToken(token);
		}
		catch (NotFound ex) {
			return this.pages.message(HttpStatus.NOT_FOUND, PageLayout.unindexed("Invoice not found", true),
					"Invoice not found", "This link does not lead to an invoice.");
		}
		catch (dev.storekeeper.platform.web.InvalidRecord ex) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/invoice/" + token)).build();
		}
		CheckoutJson checkout = open(payable.accountId(), payable.livemode(), payable);
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create("/checkout/" + checkout.clientSecret()))
			.build();
	}

	/** The open checkout paying the invoice, made if there is none. */
	private CheckoutJson open(long accountId, boolean livemode, Invoices.Payable payable) {
		if (this.payments.sessions(livemode) != null || !this.payments.acceptsPayments(livemode)) {
			throw Errors.of("base", "Invoices are paid with a card given to this server: live invoice payments "
					+ "through Stripe's form are not available yet");
		}
		return this.transactions.execute((status) -> {
			Instant now = Times.now(this.clock);
			Optional<Long> existing = this.checkouts.openForInvoice(payable.invoiceId(), now);
			if (existing.isPresent()) {
				return this.views.json(this.checkouts.findById(accountId, livemode, existing.get()).orElseThrow());
			}
			List<Checkout.Item> items = new ArrayList<>();
			for (Invoices.PayableLine line : payable.lines()) {
				items.add(new Checkout.Item(0, Ids.next("ci"), line.priceVariantId(), line.productId(), line.quantity(),
						line.unitAmount(), 0));
			}
			long id = this.checkouts.insert(Ids.next("co"), "cs_" + Ids.random(40),
					new CheckoutRepository.NewCheckout(accountId, livemode, CheckoutMode.PAYMENT, payable.currency(),
							payable.emailAddress(), null, payable.amount(), 0, payable.amount(), null, null, null, null,
							false, now.plus(this.ttl)),
					items, now)
				.id();
			this.checkouts.setInvoice(id, payable.invoiceId());
			CheckoutJson json = this.views.json(this.checkouts.findById(accountId, livemode, id).orElseThrow());
			this.events.publishEvent(new CheckoutCreated(accountId, livemode, json));
			return json;
		});
	}

}
