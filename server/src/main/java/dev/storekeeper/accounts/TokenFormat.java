package dev.storekeeper.accounts;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import dev.storekeeper.platform.web.Ids;

/**
 * The shape of an API token: {@code sk_live_} or {@code sk_test_}, 32 random base62
 * characters, and a 6-character base62 CRC32 of all that, so secret scanners can
 * recognise a leaked key and a typo is refused without a read.
 */
final class TokenFormat {

	private static final int PREFIX_LENGTH = "sk_test_".length();

	private static final int LENGTH = PREFIX_LENGTH + 38;

	private TokenFormat() {
	}

	static String generate(boolean livemode) {
		String body = (livemode ? "sk_live_" : "sk_test_") + Ids.random(32);
		return body + checksum(body);
	}

	/** Whether {@code token} has the right shape and checksum. */
	static boolean isWellFormed(String token) {
		if (!hasShape(token)) {
			return false;
		}
		String body = token.substring(0, token.length() - 6);
		return checksum(body).equals(token.substring(token.length() - 6));
	}

	/**
	 * {@code sk_(live|test)_} and 38 characters of {@code [0-9A-Za-z]}, checked by hand:
	 * it runs for every API request, and a regular expression's matcher is an allocation
	 * each time.
	 */
	private static boolean hasShape(String token) {
		if (token.length() != LENGTH || !(token.startsWith("sk_live_") || token.startsWith("sk_test_"))) {
			return false;
		}
		for (int i = PREFIX_LENGTH; i < LENGTH; i++) {
			char c = token.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
				return false;
			}
		}
		return true;
	}

	static boolean isLive(String token) {
		return token.startsWith("sk_live_");
	}

	/** The redacted form that lists show: {@code sk_live_…Ab12}. */
	static String redacted(boolean livemode, String lastFour) {
		return (livemode ? "sk_live_" : "sk_test_") + "…" + lastFour;
	}

	static String checksum(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		return Ids.base62(crc.getValue(), 6);
	}

}
