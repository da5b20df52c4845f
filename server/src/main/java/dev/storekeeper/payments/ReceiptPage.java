package dev.storekeeper.payments;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.storekeeper.platform.Money;
import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.Pages;
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

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final Payments payments;

	private final Pages pages;

	ReceiptPage(Payments payments, Pages pages) {
		this.payments = payments;
		this.pages = pages;
	}

	@GetMapping(path = "/receipts/{id}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> receipt(@PathVariable String id) {
		return this.payments.findByPrefixId(id).map((charge) -> {
			ReceiptView view = new ReceiptView(PageLayout.unindexed("Receipt", charge.livemode()),
					Money.format(charge.amount(), charge.currency()), charge.prefixId(),
					DATE.format(charge.createdAt()), "Card ending in " + charge.cardLastFour(),
					charge.status().replace('_', ' '),
					(charge.amountRefunded() > 0) ? Money.format(charge.amountRefunded(), charge.currency()) : null);
			return this.pages.response(HttpStatus.OK, view.layout(), "payments/receipt.jte", view);
		})
			.orElseGet(() -> this.pages.message(HttpStatus.NOT_FOUND, PageLayout.unindexed("Receipt not found", true),
					"Receipt not found", "There is no receipt at this address."));
	}

}
