package dev.storekeeper.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxGatewayUnitTests {

	private final SandboxGateway sandbox = new SandboxGateway(
			Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));

	@Test
	void theSuccessCardIsCharged() {
		PaymentGateway.Charged charged = this.sandbox.charge(1999, "USD",
				new Card("4242 4242 4242 4242", 12, 2030, "123"), "Course");
		assertThat(charged.processorId()).startsWith("sandbox_");
		assertThat(charged.cardLastFour()).isEqualTo("4242");
	}

	@Test
	void theDeclineCardsAreDeclinedWithTheirCodes() {
		assertThatThrownBy(() -> this.sandbox.charge(100, "USD", new Card("4000 0000 0000 0002", 12, 2030, "123"), "x"))
			.isInstanceOfSatisfying(PaymentFailed.class, (ex) -> assertThat(ex.code()).isEqualTo("card_declined"));
		assertThatThrownBy(() -> this.sandbox.charge(100, "USD", new Card("4000000000009995", 12, 2030, "123"), "x"))
			.isInstanceOfSatisfying(PaymentFailed.class, (ex) -> assertThat(ex.code()).isEqualTo("insufficient_funds"));
	}

	@Test
	void numbersFailingLuhnAndBadDatesAreInvalid() {
		assertThatThrownBy(() -> this.sandbox.charge(100, "USD", new Card("4242 4242 4242 4241", 12, 2030, "123"), "x"))
			.isInstanceOfSatisfying(InvalidRecord.class,
					(ex) -> assertThat(ex.errors().details()).containsKey("card.number"));
		assertThatThrownBy(() -> this.sandbox.charge(100, "USD", new Card("4242424242424242", 10, 2026, "12"), "x"))
			.isInstanceOfSatisfying(InvalidRecord.class,
					(ex) -> assertThat(ex.errors().details()).containsKeys("card.expYear", "card.cvc"));
		assertThatThrownBy(() -> this.sandbox.charge(100, "USD", new Card("4242424242424242", 13, 2030, "123"), "x"))
			.isInstanceOf(InvalidRecord.class);
		assertThatThrownBy(() -> this.sandbox.charge(100, "USD", null, "x")).isInstanceOf(InvalidRecord.class);
	}

	@Test
	void twoDigitYearsAndTheCurrentMonthAreAccepted() {
		assertThat(this.sandbox.charge(100, "USD", new Card("4242424242424242", 11, 26, "1234"), "x")).isNotNull();
	}

	@Test
	void luhn() {
		assertThat(SandboxGateway.luhn("4242424242424242")).isTrue();
		assertThat(SandboxGateway.luhn("5555555555554444")).isTrue();
		assertThat(SandboxGateway.luhn("1234567812345678")).isFalse();
	}

	@Test
	void moneyIsFormattedInTheCurrencysUnits() {
		assertThat(Money.format(1999, "usd")).isEqualTo("USD 19.99");
		assertThat(Money.format(500, "JPY")).isEqualTo("JPY 500");
		assertThat(Money.format(5, "EUR")).isEqualTo("EUR 0.05");
	}

}
