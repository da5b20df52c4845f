package dev.storekeeper.discounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.Money;
import dev.storekeeper.platform.web.Errors;

/**
 * Lines priced under a discount: a percentage is taken per line and rounded half-up to
 * the minor unit; an amount is spread over the eligible lines in order and never takes a
 * line below zero.
 *
 * @param lineDiscounts the discount of each line, in the order given
 */
public record Pricing(List<Long> lineDiscounts, long subtotal, long discountAmount, long total) {

	/**
	 * A line to price: {@code quantity} × {@code unitAmount} of one variant of one
	 * product.
	 */
	public record Line(long priceVariantId, long unitAmount, int quantity, long productId) {

		/**
		 * A line whose product is not known (a discount restricted to products skips it).
		 */
		public Line(long priceVariantId, long unitAmount, int quantity) {
			this(priceVariantId, unitAmount, quantity, -1);
		}

		long total() {
			return this.unitAmount * this.quantity;
		}

	}

	/** The lines with no discount. */
	public static Pricing undiscounted(List<Line> lines) {
		long subtotal = lines.stream().mapToLong(Line::total).sum();
		return new Pricing(lines.stream().map((line) -> 0L).toList(), subtotal, 0, subtotal);
	}

	/**
	 * The lines under {@code discount}, in {@code currency}; refuses, on
	 * {@code discountCode}, a discount that needs a larger order, is in another currency,
	 * or applies to none of the lines.
	 */
	public static Pricing of(Discount discount, List<Line> lines, String currency) {
		long subtotal = lines.stream().mapToLong(Line::total).sum();
		if (discount.minimumAmount() != null && subtotal < discount.minimumAmount()) {
			throw Errors.of("discountCode",
					"requires a minimum order of " + Money.format(discount.minimumAmount(), currency));
		}
		if (discount.amountOff() != null && discount.currency() != null
				&& !discount.currency().equalsIgnoreCase(currency)) {
			throw Errors.of("discountCode", "does not apply to this currency (" + currency + ")");
		}
		if (lines.stream().noneMatch((line) -> discount.appliesTo(line.priceVariantId(), line.productId()))) {
			throw Errors.of("discountCode", "does not apply to these items");
		}
		List<Long> discounts = new ArrayList<>();
		long remaining = (discount.amountOff() != null) ? discount.amountOff() : 0;
		for (Line line : lines) {
			long off = 0;
			if (discount.appliesTo(line.priceVariantId(), line.productId())) {
				off = (discount.percentOff() != null) ? percent(line.total(), discount.percentOff())
						: Math.min(remaining, line.total());
				remaining -= (discount.percentOff() != null) ? 0 : off;
			}
			discounts.add(Math.min(off, line.total()));
		}
		long total = discounts.stream().mapToLong(Long::longValue).sum();
		return new Pricing(List.copyOf(discounts), subtotal, total, subtotal - total);
	}

	static long percent(long amount, @Nullable BigDecimal percent) {
		if (percent == null) {
			return 0;
		}
		return BigDecimal.valueOf(amount)
			.multiply(percent)
			.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
			.longValueExact();
	}

}
