package dev.storekeeper.billing;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.storekeeper.platform.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the billing of the wall clock on every node, every {@code BILLING_POLL_INTERVAL}:
 * due renewals, retries and period-end cancels, and one-off invoices passing their due
 * date. Objects on a test clock wait for its advance. Each step claims its row with a
 * lock other nodes skip.
 */
@Component
class BillingScheduler {

	private static final Logger log = LoggerFactory.getLogger(BillingScheduler.class);

	private static final int BATCH = 100;

	private final SubscriptionRepository subscriptions;

	private final InvoiceRepository invoices;

	private final Renewals renewals;

	private final Invoices invoiceService;

	private final Clock clock;

	private final boolean enabled;

	BillingScheduler(SubscriptionRepository subscriptions, InvoiceRepository invoices, Renewals renewals,
			Invoices invoiceService, Clock clock,
			@Value("${storekeeper.billing.scheduler-enabled:true}") boolean enabled) {
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.renewals = renewals;
		this.invoiceService = invoiceService;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${storekeeper.billing.poll-interval:30s}",
			initialDelayString = "${storekeeper.billing.poll-interval:30s}")
	void poll() {
		if (!this.enabled) {
			return;
		}
		try {
			runDue(Times.now(this.clock));
		}
		catch (RuntimeException ex) {
			log.warn("Billing round failed: {}", ex.getMessage());
		}
	}

	/**
	 * Runs every step due at {@code at} on the wall clock; returns how many this node ran
	 * (those another node claimed first are skipped).
	 */
	int runDue(Instant at) {
		int ran = 0;
		while (true) {
			int round = 0;
			for (long id : this.subscriptions.due(at, BATCH)) {
				try {
					if (this.renewals.run(id, at)) {
						round++;
					}
				}
				catch (RuntimeException ex) {
					// one broken subscription must not hold back the others: it stays due
					log.warn("Renewal of subscription {} failed: {}", id, ex.getMessage());
				}
			}
			ran += round;
			if (round == 0) {
				break;
			}
		}
		for (long id : this.invoices.pastDue(at, BATCH)) {
			try {
				this.invoiceService.markPastDue(id, at);
			}
			catch (RuntimeException ex) {
				log.warn("Invoice {} could not be marked past due: {}", id, ex.getMessage());
			}
		}
		return ran;
	}

}
