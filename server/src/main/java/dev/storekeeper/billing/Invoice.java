package dev.storekeeper.billing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An invoice as stored, with the prefixIds of what it refers to and its lines. */
record Invoice(long id, String prefixId, long accountId, boolean livemode, String number, InvoiceStatus status,
		String billingReason, @Nullable Long subscriptionId, @Nullable String subscriptionPrefixId, long customerId,
		String customerPrefixId, long priceVariantId, String priceVariantPrefixId, @Nullable Long orderId,
		@Nullable String orderPrefixId, @Nullable String description, @Nullable String customerName,
		String emailAddress, long subtotal, long discountAmount, long amount, String currency, Instant dueAt,
		@Nullable Instant paidAt, @Nullable Instant voidedAt, @Nullable Instant periodStart,
		@Nullable Instant periodEnd, int attemptCount, @Nullable Instant nextPaymentAttemptAt, boolean chargeBuyerFee,
		String hostedToken, @Nullable Long testClockId, @Nullable String testClockPrefixId, Instant createdAt,
		Instant updatedAt, List<Line> lines) {

	/** One line: {@code quantity} × {@code unitAmount} of a variant. */
	record Line(long id, String prefixId, long invoiceId, long priceVariantId, String priceVariantPrefixId,
			long productId, String productPrefixId, @Nullable String description, int quantity, long unitAmount,
			long amount) {
	}

	Invoice withLines(List<Line> list) {
		return new Invoice(this.id, this.prefixId, this.accountId, this.livemode, this.number, this.status,
				this.billingReason, this.subscriptionId, this.subscriptionPrefixId, this.customerId,
				this.customerPrefixId, this.priceVariantId, this.priceVariantPrefixId, this.orderId, this.orderPrefixId,
				this.description, this.customerName, this.emailAddress, this.subtotal, this.discountAmount, this.amount,
				this.currency, this.dueAt, this.paidAt, this.voidedAt, this.periodStart, this.periodEnd,
				this.attemptCount, this.nextPaymentAttemptAt, this.chargeBuyerFee, this.hostedToken, this.testClockId,
				this.testClockPrefixId, this.createdAt, this.updatedAt, list);
	}

}
