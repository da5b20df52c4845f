package dev.storekeeper.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.SqlStatements.Counted;
import dev.storekeeper.support.Billing;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions through HTTP: bought by a checkout on a test clock, renewed, dunned,
 * canceled, paused and resumed, with the access they grant; and renewals that run at once
 * from many threads charge once.
 */
class SubscriptionApiTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BillingScheduler scheduler;

	Seller seller;

	Http api;

	Billing billing;

	@BeforeEach
	void seller() {
		this.seller = this.sellers.create();
		this.api = this.http.as(this.seller.test());
		this.billing = new Billing(this.api, this.http);
	}

	private List<String> events() {
		return this.jdbc.sql("select type from events where account_id = :id order by id")
			.param("id", this.seller.account().id())
			.query(String.class)
			.list();
	}

	private long count(List<String> events, String type) {
		return events.stream().filter(type::equals).count();
	}

	@Test
	void aMonthlyPurchaseOnATestClockRenewsTwelveTimesInAYearOnCalendarSteps() {
		Response variant = this.billing.monthly("Club", 1500, "");
		String clock = this.billing.clock("2026-01-31T10:00:00Z");
		Response subscription = this.billing.subscribe(variant, clock, "monthly@example.com", Billing.CARD);
		assertThat(subscription.at("/status")).isEqualTo("active");
		assertThat(subscription.at("/object")).isEqualTo("subscription");
		assertThat(subscription.at("/currentPeriodStart")).isEqualTo("2026-01-31T10:00:00Z");
		assertThat(subscription.at("/currentPeriodEnd")).isEqualTo("2026-02-28T10:00:00Z");
		assertThat(subscription.at("/nextPaymentAttemptAt")).isEqualTo("2026-02-28T10:00:00Z");
		assertThat(subscription.at("/paymentMethod/lastFour")).isEqualTo("4242");
		assertThat(subscription.at("/paymentMethod/brand")).isEqualTo("visa");
		assertThat(subscription.body()).doesNotContain("4242424242424242");
		assertThat(subscription.at("/testClock")).isEqualTo(clock);
		String id = subscription.at("/prefixId");
		assertThat(this.billing.invoiceNumbers(id)).containsExactly("#00000001");

		Response advanced = this.billing.advance(clock, "2027-01-31T10:00:00Z");
		assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
		assertThat(advanced.at("/frozenTime")).isEqualTo("2027-01-31T10:00:00Z");
		assertThat(advanced.at("/status")).isEqualTo("ready");

		Response renewed = this.api.get("/v1/subscriptions/" + id + "?expand=customer,price_variant");
		assertThat(renewed.at("/status")).isEqualTo("active");
		// Jan 31 → Feb 28 → Mar 31 …: calendar steps from the anchor
		assertThat(renewed.at("/currentPeriodStart")).isEqualTo("2027-01-31T10:00:00Z");
		assertThat(renewed.at("/currentPeriodEnd")).isEqualTo("2027-02-28T10:00:00Z");
		assertThat(renewed.at("/customer/email")).isEqualTo("monthly@example.com");
		assertThat(renewed.at("/priceVariant/prefixId")).isEqualTo(variant.at("/prefixId"));
		List<String> numbers = this.billing.invoiceNumbers(id);
		assertThat(numbers).hasSize(13).doesNotHaveDuplicates().contains("#00000001", "#00000013");
		Response cycles = this.api.get("/v1/invoices?limit=100&status=paid&subscription_id=" + id);
		assertThat(cycles.json().get("items")).hasSize(13);
		assertThat(cycles.at("/items/0/billingReason")).isEqualTo("subscription_cycle");
		assertThat(cycles.at("/items/0/periodStart")).isEqualTo("2027-01-31T10:00:00Z");
		assertThat(cycles.at("/items/0/amount")).isEqualTo("1500");
		assertThat(cycles.at("/items/0/order")).startsWith("ord_");
		assertThat(cycles.at("/items/12/billingReason")).isEqualTo("subscription_create");
		// expanding the orders of 13 invoices costs what expanding one does
		String expanded = "/v1/invoices?status=paid&expand=order,customer&subscription_id=" + id;
		Counted<Response> one = this.sql.count(() -> this.api.get(expanded + "&limit=1"));
		Counted<Response> thirteen = this.sql.count(() -> this.api.get(expanded + "&limit=100"));
		assertThat(thirteen.result().json().get("items")).hasSize(13);
		assertThat(thirteen.result().at("/items/5/order/prefixId")).startsWith("ord_");
		assertThat(thirteen.statements()).isEqualTo(one.statements());

		Response orders = this.api.get("/v1/orders?limit=100&customer_id=" + renewed.at("/customer/prefixId"));
		assertThat(orders.json().get("items")).hasSize(13);
		assertThat(orders.at("/items/0/checkoutId")).isEmpty();
		assertThat(orders.at("/items/0/amount")).isEqualTo("1500");
		assertThat(orders.at("/items/0/subscription")).isEqualTo(id);
		assertThat(orders.at("/items/0/invoice")).isEqualTo(cycles.at("/items/0/prefixId"));
		assertThat(orders.at("/items/12/subscription")).isEqualTo(id);
		assertThat(orders.at("/items/12/checkoutId")).isNotEmpty();
		assertThat(this.api.get("/v1/orders?limit=100&subscription_id=" + id).json().get("items")).hasSize(13);
		assertThat(this.jdbc.sql("select count(*) from charges where account_id = :id")
			.param("id", this.seller.account().id())
			.query(Long.class)
			.single()).isEqualTo(13);

		List<String> events = events();
		assertThat(count(events, "subscription.created")).isEqualTo(1);
		assertThat(count(events, "subscription.renewed")).isEqualTo(12);
		assertThat(count(events, "invoice.created")).isEqualTo(13);
		assertThat(count(events, "invoice.paid")).isEqualTo(13);
		assertThat(count(events, "order.paid")).isEqualTo(13);
		assertThat(count(events, "invoice.payment_failed")).isZero();
	}

	@Test
	void aCardThatDeclinesRenewalsGoesPastDueThenCanceledOnScheduleAndLosesAccess() {
		Response variant = this.billing.monthly("Newsletter", 900, "");
		String clock = this.billing.clock("2026-03-01T00:00:00Z");
		Response subscription = this.billing.subscribe(variant, clock, "declines@example.com",
				Billing.DECLINES_RENEWALS);
		String id = subscription.at("/prefixId");
		String access = this.billing.accessPath(subscription.at("/order"));
		assertThat(this.http.get(access).status()).isEqualTo(200);

		// the renewal at Apr 1 is declined: past_due, the period restarts, access kept
		assertThat(this.billing.advance(clock, "2026-04-01T00:00:00Z").status()).isEqualTo(200);
		Response pastDue = this.api.get("/v1/subscriptions/" + id);
		assertThat(pastDue.at("/status")).isEqualTo("past_due");
		assertThat(pastDue.at("/currentPeriodStart")).isEqualTo("2026-04-01T00:00:00Z");
		assertThat(pastDue.at("/nextPaymentAttemptAt")).isEqualTo("2026-04-02T00:00:00Z");
		Response invoice = this.api.get("/v1/invoices/" + pastDue.at("/latestInvoice"));
		assertThat(invoice.at("/status")).isEqualTo("past_due");
		assertThat(invoice.at("/attemptCount")).isEqualTo("1");
		assertThat(this.http.get(access).status()).isEqualTo(200);

		// retries at +1 and +3 days are declined too
		this.billing.advance(clock, "2026-04-04T00:00:00Z");
		assertThat(this.api.get("/v1/invoices/" + pastDue.at("/latestInvoice")).at("/attemptCount")).isEqualTo("3");
		assertThat(this.api.get("/v1/subscriptions/" + id).at("/nextPaymentAttemptAt"))
			.isEqualTo("2026-04-08T00:00:00Z");
		assertThat(this.http.get(access).status()).isEqualTo(200);

		// the last, at +7 days: canceled, the invoice voided, access revoked
		this.billing.advance(clock, "2026-04-08T00:00:00Z");
		Response canceled = this.api.get("/v1/subscriptions/" + id);
		assertThat(canceled.at("/status")).isEqualTo("canceled");
		assertThat(canceled.at("/endsAt")).isEqualTo("2026-04-08T00:00:00Z");
		assertThat(canceled.at("/nextPaymentAttemptAt")).isEmpty();
		Response voided = this.api.get("/v1/invoices/" + pastDue.at("/latestInvoice"));
		assertThat(voided.at("/status")).isEqualTo("void");
		assertThat(voided.at("/attemptCount")).isEqualTo("4");
		assertThat(this.http.get(access).status()).isEqualTo(410);

		List<String> events = events();
		assertThat(count(events, "invoice.payment_failed")).isEqualTo(4);
		assertThat(count(events, "invoice.past_due")).isEqualTo(1);
		assertThat(count(events, "subscription.past_due")).isEqualTo(1);
		assertThat(count(events, "subscription.cancelled")).isEqualTo(1);
		assertThat(count(events, "invoice.voided")).isEqualTo(1);
		assertThat(count(events, "subscription.renewed")).isZero();
		assertThat(count(events, "order.paid")).isEqualTo(1);

		// nothing runs after the end
		assertThat(this.billing.advance(clock, "2026-06-01T00:00:00Z").status()).isEqualTo(200);
		assertThat(this.billing.invoiceNumbers(id)).hasSize(2);
		Response again = this.api.post("/v1/subscriptions/" + id + "/cancel", "{}");
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.at("/error/details/status/0")).isEqualTo("is canceled");
		assertThat(this.api.post("/v1/subscriptions/" + id + "/pause", "{}").status()).isEqualTo(422);
	}

	@Test
	void aTrialChargesNothingAtCheckoutThenChargesAtItsEnd() {
		Response variant = this.billing.monthly("Trial club", 2000, ",\"trialPeriodDays\":14");
		String clock = this.billing.clock("2026-05-01T12:00:00Z");
		Response subscription = this.billing.subscribe(variant, clock, "trial@example.com", Billing.CARD);
		String id = subscription.at("/prefixId");
		assertThat(subscription.at("/status")).isEqualTo("trialing");
		assertThat(subscription.at("/trialEndsAt")).isEqualTo("2026-05-15T12:00:00Z");
		assertThat(subscription.at("/currentPeriodEnd")).isEqualTo("2026-05-15T12:00:00Z");
		assertThat(this.api.get("/v1/orders/" + subscription.at("/order")).at("/amount")).isEqualTo("0");
		Response first = this.api.get("/v1/invoices/" + subscription.at("/latestInvoice"));
		assertThat(first.at("/amount")).isEqualTo("0");
		assertThat(first.at("/status")).isEqualTo("paid");

		this.billing.advance(clock, "2026-05-16T00:00:00Z");
		Response active = this.api.get("/v1/subscriptions/" + id);
		assertThat(active.at("/status")).isEqualTo("active");
		assertThat(active.at("/currentPeriodStart")).isEqualTo("2026-05-15T12:00:00Z");
		assertThat(active.at("/currentPeriodEnd")).isEqualTo("2026-06-15T12:00:00Z");
		assertThat(this.api.get("/v1/invoices/" + active.at("/latestInvoice")).at("/amount")).isEqualTo("2000");
	}

	@Test
	void aTrialStillNeedsACard() {
		Response variant = this.billing.monthly("Trial club", 2000, ",\"trialPeriodDays\":7");
		Response checkout = this.api.post("/v1/checkouts",
				"{\"checkout\":{\"checkoutItemsAttributes\":[{\"priceVariantId\":\"" + variant.at("/prefixId")
						+ "\"}]}}");
		Response refused = this.http.post("/v1/client/checkouts/" + checkout.at("/clientSecret") + "/confirm",
				"{\"email\":\"nocard@example.com\"}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().at("/error/details").has("payment")).isTrue();
		assertThat(this.api.get("/v1/subscriptions").json().get("items")).isEmpty();
		assertThat(this.api.get("/v1/checkouts/" + checkout.at("/prefixId")).at("/status")).isEqualTo("open");
	}

	@Test
	void pauseResumeAndCancelAtPeriodEnd() {
		Response variant = this.billing.monthly("Box", 3000, "");
		String clock = this.billing.clock("2026-01-10T00:00:00Z");
		Response subscription = this.billing.subscribe(variant, clock, "box@example.com", Billing.CARD);
		String id = subscription.at("/prefixId");
		String access = this.billing.accessPath(subscription.at("/order"));

		Response paused = this.api.post("/v1/subscriptions/" + id + "/pause", "{}");
		assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
		assertThat(paused.at("/status")).isEqualTo("paused");
		assertThat(paused.at("/paused")).isEqualTo("true");
		assertThat(paused.at("/pausedAt")).isEqualTo("2026-01-10T00:00:00Z");
		assertThat(paused.at("/nextPaymentAttemptAt")).isEmpty();
		assertThat(this.http.get(access).status()).isEqualTo(410);
		Response twice = this.api.post("/v1/subscriptions/" + id + "/pause", "{}");
		assertThat(twice.status()).isEqualTo(422);
		assertThat(twice.at("/error/details/status/0")).contains("only an active subscription can be paused");
		// paused: no charge at period end
		this.billing.advance(clock, "2026-02-01T00:00:00Z");
		assertThat(this.billing.invoiceNumbers(id)).hasSize(1);

		Response resumed = this.api.post("/v1/subscriptions/" + id + "/resume", "{}");
		assertThat(resumed.at("/status")).isEqualTo("active");
		assertThat(resumed.at("/currentPeriodEnd")).isEqualTo("2026-02-10T00:00:00Z");
		assertThat(this.http.get(access).status()).isEqualTo(200);
		assertThat(this.api.post("/v1/subscriptions/" + id + "/resume", "{}").status()).isEqualTo(422);

		Response canceling = this.api.post("/v1/subscriptions/" + id + "/cancel", "{}");
		assertThat(canceling.at("/status")).isEqualTo("active");
		assertThat(canceling.at("/canceled")).isEqualTo("true");
		assertThat(canceling.at("/cancelAtPeriodEnd")).isEqualTo("true");
		assertThat(canceling.at("/endsAt")).isEqualTo("2026-02-10T00:00:00Z");
		Response repeated = this.api.post("/v1/subscriptions/" + id + "/cancel", "{}");
		assertThat(repeated.status()).isEqualTo(200);
		assertThat(repeated.at("/updatedAt")).isEqualTo(canceling.at("/updatedAt"));
		assertThat(this.api.post("/v1/subscriptions/" + id + "/pause", "{}").status()).isEqualTo(422);

		this.billing.advance(clock, "2026-03-01T00:00:00Z");
		Response ended = this.api.get("/v1/subscriptions/" + id);
		assertThat(ended.at("/status")).isEqualTo("canceled");
		assertThat(ended.at("/endsAt")).isEqualTo("2026-02-10T00:00:00Z");
		assertThat(this.billing.invoiceNumbers(id)).hasSize(1);
		assertThat(this.http.get(access).status()).isEqualTo(410);
		List<String> events = events();
		assertThat(count(events, "subscription.paused")).isEqualTo(1);
		assertThat(count(events, "subscription.resumed")).isEqualTo(1);
		assertThat(count(events, "subscription.cancelled")).isEqualTo(1);
	}

	@Test
	void cancelImmediatelyEndsNowAndRefusalsAreDetailed() {
		Response variant = this.billing.monthly("Now", 1000, "");
		String clock = this.billing.clock("2026-02-01T00:00:00Z");
		Response subscription = this.billing.subscribe(variant, clock, "now@example.com", Billing.CARD);
		String id = subscription.at("/prefixId");
		Response canceled = this.api.post("/v1/subscriptions/" + id + "/cancel",
				"{\"subscription\":{\"immediately\":true}}");
		assertThat(canceled.status()).as(canceled.toString()).isEqualTo(200);
		assertThat(canceled.at("/status")).isEqualTo("canceled");
		assertThat(canceled.at("/canceledAt")).isEqualTo("2026-02-01T00:00:00Z");
		assertThat(canceled.at("/endsAt")).isEqualTo("2026-02-01T00:00:00Z");
		assertThat(this.http.get(this.billing.accessPath(subscription.at("/order"))).status()).isEqualTo(410);

		Response backwards = this.billing.advance(clock, "2026-01-01T00:00:00Z");
		assertThat(backwards.status()).isEqualTo(422);
		assertThat(backwards.json().at("/error/details").has("frozenTime")).isTrue();
		Response tooFar = this.billing.advance(clock, "2028-02-02T00:00:00Z");
		assertThat(tooFar.status()).isEqualTo(422);
		assertThat(this.api.get("/v1/subscriptions/sub_nope0000000000000000").status()).isEqualTo(404);
		Http other = this.http.as(this.sellers.create().test());
		assertThat(other.get("/v1/subscriptions/" + id).status()).isEqualTo(404);
		assertThat(other.post("/v1/subscriptions/" + id + "/cancel", "{}").status()).isEqualTo(404);
		assertThat(other
			.post("/v1/test_helpers/test_clocks/" + clock + "/advance", "{\"frozenTime\":\"2026-03-01T00:00:00Z\"}")
			.status()).isEqualTo(404);
		Http live = this.http.as(this.seller.live());
		assertThat(live.get("/v1/test_helpers/test_clocks").status()).isEqualTo(404);
		assertThat(live.get("/v1/subscriptions/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/v1/subscriptions?status=sleeping").status()).isEqualTo(400);
		assertThat(this.api.get("/v1/subscriptions?status=canceled").json().get("items")).hasSize(1);
		assertThat(this.api.get("/v1/subscriptions?status=active").json().get("items")).isEmpty();
	}

	@Test
	void deletingAClockCancelsItsSubscriptions() {
		Response variant = this.billing.monthly("Clocked", 600, "");
		String clock = this.billing.clock("2026-07-01T00:00:00Z");
		Response subscription = this.billing.subscribe(variant, clock, "clocked@example.com", Billing.CARD);
		assertThat(this.api.get("/v1/test_helpers/test_clocks").json().get("items")).hasSize(1);
		Response deleted = this.api.delete("/v1/test_helpers/test_clocks/" + clock);
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.at("/deleted")).isEqualTo("true");
		assertThat(this.api.get("/v1/test_helpers/test_clocks/" + clock).status()).isEqualTo(404);
		Response canceled = this.api.get("/v1/subscriptions/" + subscription.at("/prefixId"));
		assertThat(canceled.at("/status")).isEqualTo("canceled");
		assertThat(canceled.at("/endsAt")).isEqualTo("2026-07-01T00:00:00Z");
		assertThat(this.http.get(this.billing.accessPath(subscription.at("/order"))).status()).isEqualTo(410);
	}

	@Test
	void twentyParallelAdvancesChargeEachPeriodOnce() throws Exception {
		Response variant = this.billing.monthly("Parallel", 700, "");
		String clock = this.billing.clock("2026-01-15T00:00:00Z");
		Response subscription = this.billing.subscribe(variant, clock, "parallel@example.com", Billing.CARD);
		List<Integer> statuses = parallel(20,
				(i) -> this.billing.advance(clock, "2026-0" + (2 + i % 8) + "-16T00:00:00Z").status());
		assertThat(statuses).isSubsetOf(200, 409, 422).contains(200);
		this.billing.advance(clock, "2026-10-16T00:00:00Z");
		List<String> numbers = this.billing.invoiceNumbers(subscription.at("/prefixId"));
		// Jan 15 + nine renewals up to Oct 15, each once
		assertThat(numbers).hasSize(10).doesNotHaveDuplicates();
		assertThat(count(events(), "subscription.renewed")).isEqualTo(9);
		assertThat(this.jdbc.sql("select count(*) from charges where account_id = :id")
			.param("id", this.seller.account().id())
			.query(Long.class)
			.single()).isEqualTo(10);
	}

	@Test
	void twentyNodesRunningDueRenewalsAtOnceChargeOnce() throws Exception {
		Response variant = this.billing.monthly("Wall clock", 1100, "");
		Response subscription = this.billing.subscribe(variant, null, "wall@example.com", Billing.CARD);
		Instant due = Instant.parse(subscription.at("/currentPeriodEnd")).plusSeconds(60);
		List<Integer> ran = parallel(20, (i) -> this.scheduler.runDue(due));
		assertThat(this.billing.invoiceNumbers(subscription.at("/prefixId"))).hasSize(2);
		assertThat(ran.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1);
		assertThat(count(events(), "subscription.renewed")).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from charges where account_id = :id")
			.param("id", this.seller.account().id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private static <T> List<T> parallel(int n, java.util.function.IntFunction<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return task.apply(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}
