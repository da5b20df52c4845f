package dev.storekeeper.discounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.web.InvalidRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingUnitTests {

	private static Discount percent(String percent, List<Long> variants, Long minimum) {
		return new Discount(1, "disc_x", 1, false, "SAVE", null, "percent_off", new BigDecimal(percent), null, null,
				"once", null, null, null, null, 0, minimum, variants, Instant.EPOCH, Instant.EPOCH, List.of());
	}

	private static Discount amount(long off, String currency) {
		return new Discount(1, "disc_x", 1, false, "SAVE", null, "amount_off", null, off, currency, "once", null, null,
				null, null, 0, null, List.of(), Instant.EPOCH, Instant.EPOCH, List.of());
	}

	@Test
	void aDiscountRestrictedToProductsTakesOnlyTheirLines() {
		Discount products = new Discount(1, "disc_x", 1, false, "SAVE", null, "percent_off", new BigDecimal("50"), null,
				null, "once", null, null, null, null, 0, null, List.of(), Instant.EPOCH, Instant.EPOCH, List.of(7L));
		Pricing pricing = Pricing.of(products, List.of(new Pricing.Line(1, 1000, 1, 7), new Pricing.Line(2, 400, 1, 8)),
				"USD");
		assertThat(pricing.lineDiscounts()).containsExactly(500L, 0L);
		assertThatThrownBy(() -> Pricing.of(products, List.of(new Pricing.Line(2, 400, 1, 8)), "USD"))
			.hasMessageContaining("does not apply to these items");
	}

	@Test
	void percentagesRoundHalfUpPerLine() {
		Pricing pricing = Pricing.of(percent("12.5", List.of(), null),
				List.of(new Pricing.Line(1, 999, 1), new Pricing.Line(2, 101, 2)), "USD");
		// 999 × 12.5% = 124.875 → 125; 202 × 12.5% = 25.25 → 25
		assertThat(pricing.lineDiscounts()).containsExactly(125L, 25L);
		assertThat(pricing.subtotal()).isEqualTo(1201);
		assertThat(pricing.discountAmount()).isEqualTo(150);
		assertThat(pricing.total()).isEqualTo(1051);
		assertThat(
				Pricing.of(percent("50", List.of(), null), List.of(new Pricing.Line(1, 5, 1)), "USD").lineDiscounts())
			.containsExactly(3L);
	}

	@Test
	void amountsSpreadInOrderAndNeverGoBelowZero() {
		Pricing pricing = Pricing.of(amount(1500, "USD"),
				List.of(new Pricing.Line(1, 1000, 1), new Pricing.Line(2, 300, 1), new Pricing.Line(3, 700, 1)), "usd");
		assertThat(pricing.lineDiscounts()).containsExactly(1000L, 300L, 200L);
		assertThat(pricing.total()).isEqualTo(500);
		Pricing capped = Pricing.of(amount(5000, "USD"), List.of(new Pricing.Line(1, 1000, 2)), "USD");
		assertThat(capped.total()).isZero();
		assertThat(capped.discountAmount()).isEqualTo(2000);
	}

	@Test
	void onlyTargetedVariantsAreDiscounted() {
		Pricing pricing = Pricing.of(percent("100", List.of(2L), null),
				List.of(new Pricing.Line(1, 1000, 1), new Pricing.Line(2, 400, 1)), "USD");
		assertThat(pricing.lineDiscounts()).containsExactly(0L, 400L);
		assertThatThrownBy(
				() -> Pricing.of(percent("10", List.of(9L), null), List.of(new Pricing.Line(1, 1000, 1)), "USD"))
			.isInstanceOf(InvalidRecord.class)
			.hasMessage("Discount code does not apply to these items");
	}

	@Test
	void minimumsAndCurrenciesAreEnforced() {
		assertThatThrownBy(
				() -> Pricing.of(percent("10", List.of(), 5000L), List.of(new Pricing.Line(1, 4999, 1)), "USD"))
			.isInstanceOf(InvalidRecord.class)
			.hasMessage("Discount code requires a minimum order of USD 50.00");
		assertThat(Pricing.of(percent("10", List.of(), 5000L), List.of(new Pricing.Line(1, 5000, 1)), "USD").total())
			.isEqualTo(4500);
		assertThatThrownBy(() -> Pricing.of(amount(100, "EUR"), List.of(new Pricing.Line(1, 1000, 1)), "USD"))
			.isInstanceOf(InvalidRecord.class)
			.hasMessage("Discount code does not apply to this currency (USD)");
	}

}
