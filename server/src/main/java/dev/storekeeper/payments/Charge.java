package dev.storekeeper.payments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Money taken from a buyer by one gateway, and how much of it went back. */
public record Charge(long id, String prefixId, long accountId, boolean livemode, String gateway, String processorId,
		long amount, String currency, long amountRefunded, String status, @Nullable String cardLastFour,
		@Nullable String receiptUrl, Instant createdAt) {

	/** What is left to refund. */
	public long refundable() {
		return this.amount - this.amountRefunded;
	}

}
