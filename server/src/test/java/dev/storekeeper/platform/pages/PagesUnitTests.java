package dev.storekeeper.platform.pages;

import dev.storekeeper.platform.Money;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the layout derives: frame heights, brand colours, currency decimals. */
class PagesUnitTests {

	@Test
	void aSellerFrameIsAsTallAsItsContentIsEstimatedToBe() {
		SellerHtml short_ = SellerHtml.of("<p>Hello</p>", "t");
		SellerHtml longer = SellerHtml.of("<h2>What you get</h2>" + "<p>" + "word ".repeat(200) + "</p>", "t");
		assertThat(short_.narrowRem()).isLessThan(longer.narrowRem());
		// a phone's narrower column needs more lines than a desktop's
		assertThat(longer.narrowRem()).isGreaterThan(longer.wideRem());
		assertThat(SellerHtml.of("<p>" + "x".repeat(100_000) + "</p>", "t").narrowRem()).isEqualTo(60);
		assertThat(short_.heightStyle())
			.isEqualTo("--h-narrow:" + short_.narrowRem() + "rem;--h-wide:" + short_.wideRem() + "rem");
		// the seller's HTML first, then the page's type, escaped for the attribute
		assertThat(SellerHtml.of("<p title=\"a\">Hi & bye</p>", "t").escapedSrcdoc())
			.startsWith("&lt;p title=&quot;a&quot;&gt;Hi &amp; bye&lt;/p&gt;&lt;style&gt;:where(");
	}

	@Test
	void aBrandColourKeepsTextReadable() {
		assertThat(layout("#1a7f37").brandStyle()).isEqualTo("--brand:#1a7f37;--brand-on:#fff;--link:#1a7f37");
		assertThat(layout("#FFD33D").brandStyle()).isEqualTo("--brand:#ffd33d;--brand-on:#1f2328");
		assertThat(layout("red").brandStyle()).isNull();
		assertThat(layout(null).brandStyle()).isNull();
		assertThat(PageLayout.of("x").brandStyle()).isNull();
	}

	@Test
	void testModePagesAreNeverIndexed() {
		assertThat(new PageLayout("x", false, true, null).noindex()).isTrue();
		assertThat(new PageLayout("x", true, true, null).noindex()).isFalse();
		assertThat(PageLayout.unindexed("x", true).noindex()).isTrue();
	}

	@Test
	void currenciesHaveTheirOwnDecimals() {
		assertThat(Money.digits("usd")).isEqualTo(2);
		assertThat(Money.digits("JPY")).isZero();
		assertThat(Money.digits("KWD")).isEqualTo(3);
		assertThat(Money.digits("XYZ")).isEqualTo(2);
		assertThat(Money.format(500, "jpy")).isEqualTo("JPY 500");
	}

	private static PageLayout layout(String color) {
		return new PageLayout("x", true, true, new PageLayout.Seller("Moss", null, null, null, color));
	}

}
