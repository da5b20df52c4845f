package dev.storekeeper.payments;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Ids;
import org.springframework.stereotype.Component;

/**
 * The built-in gateway of test mode: moves no money. {@code 4242 4242 4242 4242}
 * succeeds, {@code 4000 0000 0000 0002} is declined ({@code card_declined}),
 * {@code 4000 0000 0000 9995} is declined ({@code insufficient_funds}); any other number
 * that passes Luhn succeeds, one that fails it is invalid. Saved, {@code 4000 0000 0000
 * 0341} passes at checkout but every later charge is declined ({@code card_declined}).
 */
@Component
class SandboxGateway implements PaymentGateway {

	static final String DECLINED = "4000000000000002";

	static final String INSUFFICIENT_FUNDS = "4000000000009995";

	static final String DECLINES_LATER = "4000000000000341";

	/** The behaviour of a saved card rides in its reference; the number is not kept. */
	private static final String SAVED_DECLINES = "sandbox_pm_declines_";

	private static final String SAVED_INSUFFICIENT = "sandbox_pm_insufficient_";

	private final Clock clock;

	SandboxGateway(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String name() {
		return "sandbox";
	}

	@Override
	public Charged charge(long amount, String currency, @Nullable Card card, String description) {
		if (card == null) {
			throw Errors.of("card", "is required to pay");
		}
		validate(card);
		String digits = card.digits();
		if (digits.equals(DECLINED)) {
			throw new PaymentFailed("card_declined", "Your card was declined.");
		}
		if (digits.equals(INSUFFICIENT_FUNDS)) {
			throw new PaymentFailed("insufficient_funds", "Your card has insufficient funds.");
		}
		return new Charged("sandbox_" + Ids.random(24), null, card.lastFour());
	}

	@Override
	public SavedCard save(Card card) {
		validate(card);
		String digits = card.digits();
		String kind = (digits.equals(DECLINES_LATER) || digits.equals(DECLINED)) ? SAVED_DECLINES
				: digits.equals(INSUFFICIENT_FUNDS) ? SAVED_INSUFFICIENT : "sandbox_pm_";
		return new SavedCard(kind + Ids.random(24), null, brand(digits), card.lastFour(), card.expMonth(),
				fullYear(card.expYear()));
	}

	@Override
	public Charged chargeSaved(SavedCard card, long amount, String currency, String description,
			String idempotencyKey) {
		if (card.processorId().startsWith(SAVED_DECLINES)) {
			throw new PaymentFailed("card_declined", "Your card was declined.");
		}
		if (card.processorId().startsWith(SAVED_INSUFFICIENT)) {
			throw new PaymentFailed("insufficient_funds", "Your card has insufficient funds.");
		}
		return new Charged("sandbox_" + Ids.random(24), null, card.lastFour());
	}

	private static String brand(String digits) {
		if (digits.startsWith("4")) {
			return "visa";
		}
		if (digits.startsWith("5") || digits.startsWith("2")) {
			return "mastercard";
		}
		return digits.startsWith("34") || digits.startsWith("37") ? "amex" : "unknown";
	}

	@Override
	public String refund(String processorChargeId, long amount, String currency) {
		return "sandbox_re_" + Ids.random(24);
	}

	private void validate(Card card) {
		Errors errors = new Errors();
		String digits = card.digits();
		if (!digits.matches("\\d{12,19}") || !luhn(digits)) {
			errors.add("card.number", "is invalid");
		}
		if (card.expMonth() < 1 || card.expMonth() > 12) {
			errors.add("card.expMonth", "is invalid");
		}
		else if (card.expYear() < 0 || card.expYear() > 9999 || YearMonth.of(fullYear(card.expYear()), card.expMonth())
			.isBefore(YearMonth.now(this.clock.withZone(ZoneOffset.UTC)))) {
			errors.add("card.expYear", "is in the past");
		}
		if (card.cvc() == null || !card.cvc().matches("\\d{3,4}")) {
			errors.add("card.cvc", "is invalid");
		}
		errors.throwIfAny();
	}

	private static int fullYear(int year) {
		return (year < 100) ? 2000 + year : year;
	}

	static boolean luhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

}
