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
 * that passes Luhn succeeds, one that fails it is invalid.
 */
@Component
class SandboxGateway implements PaymentGateway {

	static final String DECLINED = "4000000000000002";

	static final String INSUFFICIENT_FUNDS = "4000000000009995";

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
