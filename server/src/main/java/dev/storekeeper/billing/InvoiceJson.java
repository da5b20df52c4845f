package dev.storekeeper.billing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An invoice on the wire: the reference's {@code Invoice} with the extensions of
 * SUBSCRIPTIONS.md §2; {@code customer}, {@code priceVariant} and {@code order} are
 * prefixIds, or objects when expanded.
 */
public record InvoiceJson(long id, String prefixId, String object, boolean livemode, String status, String number,
		@Nullable String description, @Nullable String customerName, String emailAddress, long amount, String currency,
		Instant dueAt, @Nullable Instant paidAt, Object customer, Object priceVariant, @Nullable Object order,
		@Nullable String subscription, String billingReason, List<LineJson> lineItems, long subtotal,
		long discountAmount, @Nullable Instant periodStart, @Nullable Instant periodEnd, int attemptCount,
		@Nullable Instant nextPaymentAttemptAt, @Nullable Instant voidedAt, String hostedInvoiceUrl,
		boolean chargeBuyerFee, @Nullable String testClock, Instant createdAt, Instant updatedAt) {

	/** One line of an invoice. */
	public record LineJson(long id, String prefixId, String priceVariant, String product, @Nullable String description,
			int quantity, long unitAmount, long amount) {
	}

	static InvoiceJson of(Invoice i, Object customer, Object priceVariant, @Nullable Object order,
			String hostedInvoiceUrl) {
		return new InvoiceJson(i.id(), i.prefixId(), "invoice", i.livemode(), i.status().wire(), i.number(),
				i.description(), i.customerName(), i.emailAddress(), i.amount(), i.currency(), i.dueAt(), i.paidAt(),
				customer, priceVariant, order, i.subscriptionPrefixId(), i.billingReason(),
				i.lines()
					.stream()
					.map((line) -> new LineJson(line.id(), line.prefixId(), line.priceVariantPrefixId(),
							line.productPrefixId(), line.description(), line.quantity(), line.unitAmount(),
							line.amount()))
					.toList(),
				i.subtotal(), i.discountAmount(), i.periodStart(), i.periodEnd(), i.attemptCount(),
				i.status().payable() ? i.nextPaymentAttemptAt() : null, i.voidedAt(), hostedInvoiceUrl,
				i.chargeBuyerFee(), i.testClockPrefixId(), i.createdAt(), i.updatedAt());
	}

}
