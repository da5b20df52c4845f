package dev.storekeeper.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenFormatUnitTests {

	@Test
	void generatedTokensHaveTheDocumentedShape() {
		String live = TokenFormat.generate(true);
		String test = TokenFormat.generate(false);
		assertThat(live).matches("sk_live_[0-9A-Za-z]{38}");
		assertThat(test).matches("sk_test_[0-9A-Za-z]{38}");
		assertThat(TokenFormat.isWellFormed(live)).isTrue();
		assertThat(TokenFormat.isWellFormed(test)).isTrue();
		assertThat(TokenFormat.generate(true)).isNotEqualTo(live);
	}

	@Test
	void aTypoFailsTheChecksum() {
		String token = TokenFormat.generate(true);
		char c = token.charAt(12);
		String typo = token.substring(0, 12) + (c == 'a' ? 'b' : 'a') + token.substring(13);
		assertThat(TokenFormat.isWellFormed(typo)).isFalse();
		assertThat(TokenFormat.isWellFormed(token.replace("sk_live_", "sk_test_"))).isFalse();
		assertThat(TokenFormat.isWellFormed("sk_live_short")).isFalse();
	}

	@Test
	void onlyTheDocumentedCharactersAreWellFormedEvenWithAMatchingChecksum() {
		String random = TokenFormat.generate(false).substring(8, 40);
		for (String odd : new String[] { "-", "_", " ", "é", "٣", "\u0000" }) {
			String body = "sk_test_" + odd + random.substring(1);
			assertThat(TokenFormat.isWellFormed(body + TokenFormat.checksum(body))).as(odd).isFalse();
		}
		for (String prefix : new String[] { "SK_test_", "sk_tesT_", "pk_test_", "sk_demo_" }) {
			String body = prefix + random;
			assertThat(TokenFormat.isWellFormed(body + TokenFormat.checksum(body))).as(prefix).isFalse();
		}
		String body = "sk_test_" + random;
		assertThat(TokenFormat.isWellFormed(body + TokenFormat.checksum(body))).isTrue();
		assertThat(TokenFormat.isWellFormed(body + TokenFormat.checksum(body) + "0")).isFalse();
	}

	@Test
	void redactedFormShowsOnlyTheModeAndLastFour() {
		assertThat(TokenFormat.redacted(true, "Ab12")).isEqualTo("sk_live_…Ab12");
	}

}
