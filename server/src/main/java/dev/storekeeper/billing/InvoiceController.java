package dev.storekeeper.billing;

import java.net.URI;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.customers.Customers;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Expand;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.QueryParams;
import dev.storekeeper.platform.web.Ref;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/invoices}: the caller's invoices; one-off invoices, and voiding. */
@RestController
@RequestMapping(path = "/v1/invoices", produces = "application/json")
class InvoiceController {

	private static final Set<String> STATUSES = Set.of("open", "paid", "past_due", "void");

	private final Invoices invoices;

	private final TestClocks clocks;

	private final Customers customers;

	InvoiceController(Invoices invoices, TestClocks clocks, Customers customers) {
		this.invoices = invoices;
		this.clocks = clocks;
		this.customers = customers;
	}

	@GetMapping
	Page<InvoiceJson> list(Caller caller, PageQuery page, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String customer,
			@RequestParam(name = "customer_id", required = false) @Nullable String customerId,
			@RequestParam(name = "subscription_id", required = false) @Nullable String subscriptionId,
			@RequestParam(required = false) @Nullable String expand) {
		String wanted = QueryParams.oneOf("status", status, STATUSES, null);
		String customerKey = (customer != null && !customer.isBlank()) ? customer : customerId;
		Long customerFilter = (customerKey != null && !customerKey.isBlank())
				? this.customers.resolveId(caller.accountId(), caller.livemode(), Ref.parse(customerKey.trim()))
					.orElse(-1L)
				: null;
		Long subscriptionFilter = (subscriptionId != null && !subscriptionId.isBlank())
				? this.invoices.subscriptionId(caller, subscriptionId.trim()) : null;
		return this.invoices.list(caller, new InvoiceRepository.Filter(wanted, customerFilter, subscriptionFilter),
				Expand.parse(expand, BillingViews.INVOICE_EXPANSIONS), page);
	}

	@GetMapping("/{id}")
	InvoiceJson get(Caller caller, @PathVariable String id, @RequestParam(required = false) @Nullable String expand) {
		return this.invoices.get(caller, id, Expand.parse(expand, BillingViews.INVOICE_EXPANSIONS));
	}

	@PostMapping
	ResponseEntity<InvoiceJson> create(Caller caller, JsonBody body) {
		Fields fields = body.unwrap("invoice");
		Ref clock = fields.ref("testClock");
		Long clockId = (clock != null) ? this.clocks.resolve(caller, clock, "testClock") : null;
		InvoiceJson created = this.invoices.create(caller, fields, clockId);
		return ResponseEntity.created(URI.create("/v1/invoices/" + created.prefixId())).body(created);
	}

	@PostMapping("/{id}/void")
	InvoiceJson voidInvoice(Caller caller, @PathVariable String id) {
		return this.invoices.voidInvoice(caller, id);
	}

}
