package dev.storekeeper.payments;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.pages.PageLayout;

/**
 * What {@code payments/receipt.jte} shows: a charge, for the buyer who paid it.
 *
 * @param refunded what went back to the buyer, or null when nothing did
 */
public record ReceiptView(PageLayout layout, String amount, String receipt, String date, String card, String status,
		@Nullable String refunded) {
}
