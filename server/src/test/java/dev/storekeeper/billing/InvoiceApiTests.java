package dev.storekeeper.billing;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Billing;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices through HTTP: one-off invoices numbered per account and mode, paid through a
 * checkout or on their hosted page, voided; a subscription's past-due invoice paid
 * recovers it; every refusal a detailed 422.
 */
class InvoiceApiTests extends ApiTest {

	private static final String DUE = "2099-01-01T00:00:00Z";

	@Autowired
	JdbcClient jdbc;

	Seller seller;

	Http api;

	Billing billing;

	@BeforeEach
	void seller() {
		this.seller = this.sellers.create();
		this.api = this.http.as(this.seller.test());
		this.billing = new Billing(this.api, this.http);
	}

	private String oneTime(String name, long amount) {
		String product = this.api.post("/v1/products", "{\"name\":\"" + name + "\"}").at("/prefixId");
		Response variant = this.api.post("/v1/price_variants", "{\"productId\":\"" + product
				+ "\",\"name\":\"Standard\",\"amount\":" + amount + ",\"currency\":\"USD\"}");
		assertThat(variant.status()).as(variant.toString()).isEqualTo(201);
		this.api.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		return variant.at("/prefixId");
	}

	private List<String> events() {
		return this.jdbc.sql("select type from events where account_id = :id order by id")
			.param("id", this.seller.account().id())
			.query(String.class)
			.list();
	}

	private long charges() {
		return this.jdbc.sql("select count(*) from charges where account_id = :id")
			.param("id", this.seller.account().id())
			.query(Long.class)
			.single();
	}

	private Response create(String body) {
		return this.api.post("/v1/invoices", "{\"invoice\":" + body + "}");
	}

	@Test
	void aOneOffInvoiceIsNumberedShownPaidThroughACheckoutOnce() {
		String course = oneTime("Course", 4000);
		String coaching = oneTime("Coaching", 2500);
		Response invoice = create("{\"customerName\":\"Ida Invoiced\",\"emailAddress\":\"ida@example.com\","
				+ "\"dueAt\":\"" + DUE + "\",\"description\":\"Workshop\",\"lineItems\":[{\"priceVariant\":\"" + course
				+ "\",\"quantity\":2},{\"priceVariant\":\"" + coaching
				+ "\",\"unitAmount\":1000,\"description\":\"One hour\"}]}");
		assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
		assertThat(invoice.header("Location")).isEqualTo("/v1/invoices/" + invoice.at("/prefixId"));
		assertThat(invoice.at("/status")).isEqualTo("open");
		assertThat(invoice.at("/number")).isEqualTo("#00000001");
		assertThat(invoice.at("/amount")).isEqualTo("9000");
		assertThat(invoice.at("/billingReason")).isEqualTo("manual");
		assertThat(invoice.at("/priceVariant")).isEqualTo(course);
		assertThat(invoice.at("/lineItems/1/prefixId")).startsWith("il_");
		assertThat(invoice.at("/order")).isEmpty();
		String id = invoice.at("/prefixId");
		assertThat(create("{\"customer\":\"" + invoice.at("/customer") + "\",\"dueAt\":\"" + DUE
				+ "\",\"priceVariant\":\"" + course + "\"}")
			.at("/number")).isEqualTo("#00000002");
		// numbers are per account and mode
		assertThat(this.http.as(this.seller.live())
			.post("/v1/invoices",
					"{\"invoice\":{\"customerName\":\"L\",\"emailAddress\":\"l@example.com\",\"dueAt\":\"" + DUE
							+ "\",\"priceVariant\":\"" + oneTimeLive() + "\"}}")
			.at("/number")).isEqualTo("#00000001");

		String page = invoice.at("/hostedInvoiceUrl");
		String path = page.substring(page.indexOf("/invoice/"));
		Response html = this.http.get(path);
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.body()).contains("#00000001", "USD 90.00", "Course × 2", "Ida Invoiced", "Pay this invoice",
				"Workshop");
		assertThat(this.http.get("/invoice/" + "x".repeat(40)).status()).isEqualTo(404);

		Response checkout = this.api.post("/v1/invoices/" + id + "/pay", "{}");
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		assertThat(checkout.at("/mode")).isEqualTo("payment");
		assertThat(checkout.at("/total")).isEqualTo("9000");
		assertThat(checkout.at("/prefilledEmail")).isEqualTo("ida@example.com");
		assertThat(this.api.post("/v1/invoices/" + id + "/pay", "{}").at("/prefixId"))
			.isEqualTo(checkout.at("/prefixId"));
		Response onPage = this.http.post(path + "/pay", "");
		assertThat(onPage.status()).isEqualTo(303);
		assertThat(onPage.header("Location")).isEqualTo("/checkout/" + checkout.at("/clientSecret"));

		Response paid = this.billing.confirm(checkout.at("/clientSecret"), "ida@example.com", Billing.CARD);
		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		Response after = this.api.get("/v1/invoices/" + id + "?expand=order,customer");
		assertThat(after.at("/status")).isEqualTo("paid");
		assertThat(after.at("/order/prefixId")).isEqualTo(paid.at("/order"));
		assertThat(after.at("/order/amount")).isEqualTo("9000");
		assertThat(after.at("/customer/email")).isEqualTo("ida@example.com");
		assertThat(after.at("/paidAt")).isNotEmpty();
		assertThat(this.http.get(path).body()).contains("Paid").doesNotContain("Pay this invoice");
		assertThat(charges()).isEqualTo(1);

		Response again = this.api.post("/v1/invoices/" + id + "/pay", "{}");
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.at("/error/details/status/0")).isEqualTo("is paid");
		Response voidPaid = this.api.post("/v1/invoices/" + id + "/void", "{}");
		assertThat(voidPaid.status()).isEqualTo(422);
		assertThat(voidPaid.at("/error/details/status/0")).isEqualTo("is paid");
		List<String> events = events();
		assertThat(events).contains("invoice.created", "invoice.paid", "order.paid");
		assertThat(events.stream().filter("invoice.paid"::equals)).hasSize(1);
	}

	private String oneTimeLive() {
		Http live = this.http.as(this.seller.live());
		String product = live.post("/v1/products", "{\"name\":\"Live\"}").at("/prefixId");
		String variant = live
			.post("/v1/price_variants",
					"{\"productId\":\"" + product + "\",\"name\":\"Standard\",\"amount\":100,\"currency\":\"USD\"}")
			.at("/prefixId");
		live.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		return variant;
	}

	@Test
	void aVoidedInvoiceCannotBePaidByItsCheckout() {
		String course = oneTime("Course", 4000);
		Response invoice = create("{\"customerName\":\"Vic\",\"emailAddress\":\"vic@example.com\",\"dueAt\":\"" + DUE
				+ "\",\"priceVariant\":\"" + course + "\"}");
		String id = invoice.at("/prefixId");
		Response checkout = this.api.post("/v1/invoices/" + id + "/pay", "{}");
		Response voided = this.api.post("/v1/invoices/" + id + "/void", "{}");
		assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
		assertThat(voided.at("/status")).isEqualTo("void");
		assertThat(voided.at("/voidedAt")).isNotEmpty();
		Response refused = this.billing.confirm(checkout.at("/clientSecret"), "vic@example.com", Billing.CARD);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.at("/error/details/status/0")).isEqualTo("is void");
		assertThat(charges()).isZero();
		assertThat(this.api.get("/v1/invoices/" + id).at("/status")).isEqualTo("void");
		assertThat(this.api.post("/v1/invoices/" + id + "/void", "{}").status()).isEqualTo(422);
		assertThat(events()).contains("invoice.voided");
	}

	@Test
	void badInvoicesAreRefusedWithDetailsAndWriteNothing() {
		String course = oneTime("Course", 4000);
		Response monthly = this.billing.monthly("Club", 500, "");
		assertThat(create("{\"customerName\":\"A\",\"emailAddress\":\"a@example.com\",\"dueAt\":\"" + DUE
				+ "\",\"priceVariant\":\"" + monthly.at("/prefixId") + "\"}")
			.json()
			.at("/error/details")
			.has("priceVariant")).isTrue();
		Response past = create("{\"customerName\":\"A\",\"emailAddress\":\"a@example.com\",\"dueAt\":"
				+ "\"2020-01-01T00:00:00Z\",\"priceVariant\":\"" + course + "\"}");
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.at("/error/details/dueAt/0")).isEqualTo("must be in the future");
		Response nobody = create("{\"dueAt\":\"" + DUE + "\",\"priceVariant\":\"" + course + "\"}");
		assertThat(nobody.status()).isEqualTo(422);
		assertThat(nobody.json().at("/error/details").has("emailAddress")).isTrue();
		assertThat(nobody.json().at("/error/details").has("customerName")).isTrue();
		Response both = create("{\"customerName\":\"A\",\"emailAddress\":\"a@example.com\",\"dueAt\":\"" + DUE
				+ "\",\"priceVariant\":\"" + course + "\",\"lineItems\":[{\"priceVariant\":\"" + course + "\"}]}");
		assertThat(both.status()).isEqualTo(422);
		Response foreign = create("{\"customerName\":\"A\",\"emailAddress\":\"a@example.com\",\"dueAt\":\"" + DUE
				+ "\",\"lineItems\":[{\"priceVariant\":\"pv_nope0000000000000000\",\"quantity\":2000}]}");
		assertThat(foreign.status()).isEqualTo(422);
		assertThat(foreign.json().at("/error/details").has("lineItems[0].priceVariant")).isTrue();
		assertThat(foreign.json().at("/error/details").has("lineItems[0].quantity")).isTrue();
		Response liveClock = this.http.as(this.seller.live())
			.post("/v1/invoices", "{\"invoice\":{\"customerName\":\"A\",\"emailAddress\":\"a@example.com\",\"dueAt\":\""
					+ DUE + "\",\"priceVariant\":\"" + course + "\",\"testClock\":\"clock_x\"}}");
		assertThat(liveClock.status()).isEqualTo(422);
		assertThat(this.api.get("/v1/invoices").json().get("items")).isEmpty();
		assertThat(this.api.get("/v1/customers").json().get("items")).isEmpty();
		assertThat(this.api.get("/v1/invoices/inv_nope0000000000000000").status()).isEqualTo(404);
		assertThat(this.api.post("/v1/invoices/inv_nope0000000000000000/void", "{}").status()).isEqualTo(404);
		Response mine = create("{\"customerName\":\"A\",\"emailAddress\":\"a@example.com\",\"dueAt\":\"" + DUE
				+ "\",\"priceVariant\":\"" + course + "\"}");
		Http other = this.http.as(this.sellers.create().test());
		assertThat(other.get("/v1/invoices/" + mine.at("/prefixId")).status()).isEqualTo(404);
		assertThat(other.post("/v1/invoices/" + mine.at("/prefixId") + "/pay", "{}").status()).isEqualTo(404);
	}

	@Test
	void anInvoicePastItsDueDateOnAClockGoesPastDueAndStaysPayable() {
		String course = oneTime("Course", 4000);
		String clock = this.billing.clock("2026-06-01T00:00:00Z");
		Response invoice = create("{\"customerName\":\"Pat\",\"emailAddress\":\"pat@example.com\",\"dueAt\":"
				+ "\"2026-06-10T00:00:00Z\",\"priceVariant\":\"" + course + "\",\"testClock\":\"" + clock + "\"}");
		assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
		assertThat(invoice.at("/testClock")).isEqualTo(clock);
		this.billing.advance(clock, "2026-06-11T00:00:00Z");
		String id = invoice.at("/prefixId");
		assertThat(this.api.get("/v1/invoices/" + id).at("/status")).isEqualTo("past_due");
		assertThat(events()).contains("invoice.past_due");
		Response checkout = this.api.post("/v1/invoices/" + id + "/pay", "{}");
		assertThat(this.billing.confirm(checkout.at("/clientSecret"), "pat@example.com", Billing.CARD).status())
			.isEqualTo(200);
		assertThat(this.api.get("/v1/invoices/" + id).at("/status")).isEqualTo("paid");
	}

	@Test
	void payingAPastDueSubscriptionInvoiceRecoversItAndKeepsTheNewCard() {
		Response variant = this.billing.monthly("Club", 800, "");
		String clock = this.billing.clock("2026-03-01T00:00:00Z");
		Response subscription = this.billing.subscribe(variant, clock, "recover@example.com",
				Billing.DECLINES_RENEWALS);
		String id = subscription.at("/prefixId");
		this.billing.advance(clock, "2026-04-01T00:00:00Z");
		Response pastDue = this.api.get("/v1/subscriptions/" + id);
		assertThat(pastDue.at("/status")).isEqualTo("past_due");
		String invoice = pastDue.at("/latestInvoice");
		Response checkout = this.api.post("/v1/invoices/" + invoice + "/pay", "{}");
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		assertThat(checkout.at("/total")).isEqualTo("800");
		Response paid = this.billing.confirm(checkout.at("/clientSecret"), "recover@example.com", "5555555555554444");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		Response recovered = this.api.get("/v1/subscriptions/" + id);
		assertThat(recovered.at("/status")).isEqualTo("active");
		assertThat(recovered.at("/paymentMethod/lastFour")).isEqualTo("4444");
		assertThat(recovered.at("/currentPeriodEnd")).isEqualTo("2026-05-01T00:00:00Z");
		assertThat(this.api.get("/v1/invoices/" + invoice).at("/status")).isEqualTo("paid");
		// the next renewal charges the new card
		this.billing.advance(clock, "2026-05-01T00:00:00Z");
		Response renewed = this.api.get("/v1/subscriptions/" + id);
		assertThat(renewed.at("/status")).isEqualTo("active");
		assertThat(renewed.at("/currentPeriodEnd")).isEqualTo("2026-06-01T00:00:00Z");
		assertThat(events().stream().filter("subscription.renewed"::equals)).hasSize(2);
	}

}
