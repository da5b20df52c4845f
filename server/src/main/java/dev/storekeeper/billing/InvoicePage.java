package dev.storekeeper.billing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import java.util.Map;

import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.ProductSummary;
import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.Pages;
import dev.storekeeper.accounts.Account;
import java.util.List;
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

	private final Pages pages;

	InvoicePage(Invoices invoices, Accounts accounts, Catalog catalog, Pages pages) {
		this.invoices = invoices;
		this.accounts = accounts;
		this.catalog = catalog;
		this.pages = pages;
	}

	@GetMapping(path = "/invoice/{token}", produces = "text/html")
	ResponseEntity<String> invoice(@PathVariable String token) {
		return this.invoices.byToken(token).map((invoice) -> {
			InvoiceView view = view(invoice, token);
			return this.pages.response(HttpStatus.OK, view.layout(), "billing/invoice.jte", view);
		})
			.orElseGet(() -> this.pages.message(HttpStatus.NOT_FOUND, PageLayout.unindexed("Invoice not found", true),
					"Invoice not found", "This link does not lead to an invoice."));
	}

	private InvoiceView view(Invoice invoice, String token) {
		Account seller = this.accounts.get(invoice.accountId());
		Map<Long, ProductSummary> products = this.catalog.products(invoice.accountId(), invoice.livemode(),
				invoice.lines().stream().map(Invoice.Line::productId).toList());
		List<InvoiceView.Line> lines = invoice.lines().stream().map((line) -> {
			ProductSummary product = products.get(line.productId());
			String name = (line.description() != null) ? line.description()
					: (product != null) ? product.name() : line.productPrefixId();
			return new InvoiceView.Line(name, line.quantity(), Money.format(line.amount(), invoice.currency()));
		}).toList();
		PageLayout layout = PageLayout.unindexed("Invoice " + invoice.number(), invoice.livemode())
			.by(new PageLayout.Seller(seller.name(), seller.avatarUrl(), seller.availableSupportEmail(), null,
					seller.brandColor()));
		String buyer = (invoice.customerName() != null) ? invoice.customerName() + " <" + invoice.emailAddress() + ">"
				: invoice.emailAddress();
		return new InvoiceView(layout, token, invoice.number(), Money.format(invoice.amount(), invoice.currency()),
				seller.name(), buyer, DATE.format(invoice.dueAt()), invoice.status().wire().replace('_', ' '),
				invoice.description(), lines,
				(invoice.status() == InvoiceStatus.PAID && invoice.paidAt() != null) ? DATE.format(invoice.paidAt())
						: null,
				invoice.status() == InvoiceStatus.VOID, invoice.status() == InvoiceStatus.PAST_DUE,
				invoice.status() == InvoiceStatus.OPEN || invoice.status() == InvoiceStatus.PAST_DUE);
	}

}
