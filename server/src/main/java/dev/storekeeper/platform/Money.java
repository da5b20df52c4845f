package dev.storekeeper.platform;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Formats minor units for people: {@code 1999 USD} → {@code USD 19.99}. */
public final class Money {

	private Money() {
	}

	/**
	 * The amount in the currency's major unit with its code, such as {@code USD 19.99} or
	 * {@code JPY 500}.
	 */
	public static String format(long minorUnits, String currency) {
		int digits = digits(currency);
		return currency.toUpperCase(Locale.ROOT) + " " + BigDecimal.valueOf(minorUnits, digits).toPlainString();
	}

	/**
	 * The decimals of the currency's minor unit (ISO 4217's exponent): 2 for USD, 0 for
	 * JPY, 3 for KWD; 2 for a code Java does not know.
	 */
	public static int digits(String currency) {
		try {
			return Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException ex) {
			return 2;
		}
	}

}
