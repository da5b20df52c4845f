package dev.storekeeper.sellvy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;

/**
 * Money in the Sellvy dialect: a JSON number in major units ({@code 29.99}, JPY
 * {@code 500}), converted exactly to and from Storekeeper's integer minor units.
 */
public final class SellvyMoney {

	/** The largest amount, in minor units. */
	static final long MAX_MINOR = 99_999_999L;

	private SellvyMoney() {
	}

	/** The number of decimals of a currency (2 when unknown). */
	static int digits(@Nullable String currency) {
		if (currency == null) {
			return 2;
		}
		try {
			return Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException ex) {
			return 2;
		}
	}

	/** Minor units as a major-unit number with the currency's scale ({@code 29.00}). */
	public static BigDecimal major(long minor, @Nullable String currency) {
		return BigDecimal.valueOf(minor, digits(currency));
	}

	/**
	 * The minor units of {@code value} in {@code currency}, or null with the problem
	 * recorded on {@code field}.
	 */
	static @Nullable Long minor(BigDecimal value, String currency, String field, Errors errors) {
		int digits = digits(currency);
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() > digits) {
			errors.add(field,
					"must have at most " + digits + " decimal places in " + currency.toUpperCase(Locale.ROOT));
			return null;
		}
		if (value.signum() < 0) {
			errors.add(field, "must be greater than or equal to 0");
			return null;
		}
		BigDecimal minor = value.setScale(digits, RoundingMode.UNNECESSARY).movePointRight(digits);
		if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
			errors.add(field, "must be less than or equal to " + major(MAX_MINOR, currency).toPlainString());
			return null;
		}
		return minor.longValueExact();
	}

}
