package dev.storekeeper.payments;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

import dev.storekeeper.platform.Html;
import dev.storekeeper.platform.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /receipts/{ch_…}}: the buyer's receipt for a charge of the sandbox gateway.
 */
@RestController
class ReceiptPage {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Payments payments;

	ReceiptPage(Payments payments) {
		this.payments = payments;
	}

	@GetMapping(path = "/receipts/{id}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> receipt(@PathVariable String id) {
		return this.payments.findByPrefixId(id)
			.map((charge) -> Html.response(HttpStatus.OK, "Receipt",
					"""
							<h1>Receipt</h1>
							<p class="amount">%s</p>
							<dl>
							  <dt>Receipt</dt><dd>%s</dd>
							  <dt>Date</dt><dd>%s</dd>
							  <dt>Paid with</dt><dd>Card ending in %s</dd>
							  <dt>Status</dt><dd>%s</dd>
							  %s
							</dl>
							%s
							""".formatted(Money.format(charge.amount(), charge.currency()), charge.prefixId(),
							DATE.format(charge.createdAt()), Html.escape(String.valueOf(charge.cardLastFour())),
							charge.status().replace('_', ' '),
							(charge.amountRefunded() > 0) ? "<dt>Refunded</dt><dd>"
									+ Money.format(charge.amountRefunded(), charge.currency()) + "</dd>" : "",
							charge.livemode() ? "" : "<p class=\"test\">Test mode: no money moved.</p>")))
			.orElseGet(() -> Html.response(HttpStatus.NOT_FOUND, "Receipt not found", "<h1>Receipt not found</h1>"));
	}

}
