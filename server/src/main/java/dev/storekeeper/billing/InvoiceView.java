package dev.storekeeper.billing;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.pages.PageLayout;

/**
 * What {@code billing/invoice.jte} shows: an invoice, for the buyer who is to pay it.
 *
 * @param paidOn the day it was paid, or null while it is not
 * @param payable whether the page offers its Pay button (open or past due)
 */
public record InvoiceView(PageLayout layout, String token, String number, String amount, String seller, String buyer,
		String due, String status, @Nullable String description, List<Line> lines, @Nullable String paidOn,
		boolean voided, boolean pastDue, boolean payable) {

	/** One line of the invoice. */
	public record Line(String name, int quantity, String amount) {
	}

}
