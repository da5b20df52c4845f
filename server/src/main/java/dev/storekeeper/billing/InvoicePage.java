package dev.storekeeper.billing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import java.util.Map;

import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.ProductSummary;
import dev.storekeeper.platform.pages.Html;
import dev.storekeeper.platform.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /invoice/{token}}: the buyer's hosted invoice page, without JavaScript:
 * number, seller, buyer, lines, amount, due date and status; a payable one has a Pay
 * button.
 */
@RestController
class InvoicePage {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu").withZone(ZoneOffset.UTC);

	private final Invoices invoices;

	private final Accounts accounts;

	private final Catalog catalog;

	InvoicePage(Invoices invoices, Accounts accounts, Catalog catalog) {
		this.invoices = invoices;
		this.accounts = accounts;
		this.catalog = catalog;
	}

	@GetMapping(path = "/invoice/{token}", produces = "text/html")
	ResponseEntity<String> invoice(@PathVariable String token) {
		return this.invoices.byToken(token)
			.map((invoice) -> Html.response(HttpStatus.OK, "Invoice " + invoice.number(), body(invoice, token)))
			.orElseGet(() -> Html.response(HttpStatus.NOT_FOUND, "Invoice not found",
					"<h1>Invoice not found</h1><p>This link does not lead to an invoice.</p>"));
	}

	private String body(Invoice invoice, String token) {
		String seller = this.accounts.get(invoice.accountId()).name();
		Map<Long, ProductSummary> products = this.catalog.products(invoice.accountId(), invoice.livemode(),
				invoice.lines().stream().map(Invoice.Line::productId).toList());
		StringBuilder lines = new StringBuilder();
		for (Invoice.Line line : invoice.lines()) {
			ProductSummary product = products.get(line.productId());
			String name = (line.description() != null) ? line.description()
					: (product != null) ? product.name() : line.productPrefixId();
			lines.append("<tr><td>")
				.append(Html.escape(name))
				.append(" × ")
				.append(line.quantity())
				.append("</td><td class=\"num\">")
				.append(Html.escape(Money.format(line.amount(), invoice.currency())))
				.append("</td></tr>");
		}
		String state = switch (invoice.status()) {
			case PAID -> "<p><strong>Paid</strong> on " + DATE.format(invoice.paidAt()) + ". Thank you.</p>";
			case VOID -> "<p><strong>Void</strong>: this invoice was canceled and is not to be paid.</p>";
			case PAST_DUE -> "<p class=\"error\">Past due: it was due on " + DATE.format(invoice.dueAt()) + ".</p>"
					+ payButton(token);
			case OPEN -> payButton(token);
		};
		return """
				<h1>Invoice %s</h1>
				<p class="amount">%s</p>
				<dl>
				  <dt>From</dt><dd>%s</dd>
				  <dt>To</dt><dd>%s</dd>
				  <dt>Due</dt><dd>%s</dd>
				  <dt>Status</dt><dd>%s</dd>
				  %s
				</dl>
				<table>%s</table>
				%s
				%s
				""".formatted(Html.escape(invoice.number()),
				Html.escape(Money.format(invoice.amount(), invoice.currency())), Html.escape(seller),
				Html.escape((invoice.customerName() != null)
						? invoice.customerName() + " <" + invoice.emailAddress() + ">" : invoice.emailAddress()),
				DATE.format(invoice.dueAt()), invoice.status().wire().replace('_', ' '),
				(invoice.description() != null)
						? "<dt>Description</dt><dd>" + Html.escape(invoice.description()) + "</dd>" : "",
				lines, state, invoice.livemode() ? "" : "<p class=\"test\">Test mode: no money moves.</p>");
	}

	private static String payButton(String token) {
		return "<form method=\"post\" action=\"/invoice/" + Html.escape(token)
				+ "/pay\"><button type=\"submit\">Pay this invoice</button></form>";
	}

}
