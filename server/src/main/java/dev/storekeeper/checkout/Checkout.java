package dev.storekeeper.checkout;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.StateConflict;

/** A checkout as stored, with its items, and the invoice it pays, if any. */
record Checkout(long id, String prefixId, long accountId, boolean livemode, CheckoutStatus status, CheckoutMode mode,
		String currency, String clientSecret, @Nullable String email, @Nullable String name, @Nullable Long discountId,
		long subtotal, long discountAmount, long total, @Nullable String returnUrl, @Nullable String cancelUrl,
		@Nullable Long orderId, @Nullable String orderPrefixId, Instant expiresAt, @Nullable Instant completedAt,
		Instant createdAt, Instant updatedAt, @Nullable String processorId, @Nullable String processorClientSecret,
		List<Item> items, @Nullable Long invoiceId) {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	/**
	 * One item: {@code quantity} of a variant, at its price or the buyer's own
	 * ({@code customAmount}).
	 */
	record Item(long id, String prefixId, long priceVariantId, long productId, int quantity,
			@Nullable Long customAmount, long discountAmount) {
	}

	/**
	 * The checkout as {@link CheckoutRepository#complete} leaves it (the timestamps are
	 * whole seconds, as stored), so the completing transaction need not read it again.
	 */
	Checkout completed(String email, @Nullable String name, long orderId, String orderPrefixId, Instant now) {
		return new Checkout(this.id, this.prefixId, this.accountId, this.livemode, CheckoutStatus.COMPLETE, this.mode,
				this.currency, this.clientSecret, email, name, this.discountId, this.subtotal, this.discountAmount,
				this.total, this.returnUrl, this.cancelUrl, orderId, orderPrefixId, this.expiresAt, now, this.createdAt,
				now, this.processorId, this.processorClientSecret, this.items, this.invoiceId);
	}

	Checkout withItems(List<Item> list) {
		return new Checkout(this.id, this.prefixId, this.accountId, this.livemode, this.status, this.mode,
				this.currency, this.clientSecret, this.email, this.name, this.discountId, this.subtotal,
				this.discountAmount, this.total, this.returnUrl, this.cancelUrl, this.orderId, this.orderPrefixId,
				this.expiresAt, this.completedAt, this.createdAt, this.updatedAt, this.processorId,
				this.processorClientSecret, list, this.invoiceId);
	}

	/**
	 * Fails with a state conflict unless the buyer may still change or complete it: not
	 * complete, not expired.
	 */
	void requireOpen(Instant now) {
		if (this.status == CheckoutStatus.COMPLETE) {
			throw new StateConflict("Checkout " + this.prefixId + " is already complete");
		}
		if (!isOpen(now)) {
			throw new StateConflict(
					"Checkout " + this.prefixId + " is " + status(now).wire() + ": start a new checkout");
		}
	}

	/** Whether {@code email} looks like an address a receipt can go to. */
	static boolean isEmail(String email) {
		return EMAIL.matcher(email).matches();
	}

	boolean isOpen(Instant now) {
		return this.status == CheckoutStatus.OPEN && now.isBefore(this.expiresAt);
	}

	/** The status as shown: an open checkout past its expiry is expired. */
	CheckoutStatus status(Instant now) {
		return (this.status == CheckoutStatus.OPEN && !now.isBefore(this.expiresAt)) ? CheckoutStatus.EXPIRED
				: this.status;
	}

}
