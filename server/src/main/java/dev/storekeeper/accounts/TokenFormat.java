package dev.storekeeper.accounts;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import dev.storekeeper.platform.web.Ids;

/**
 * The shape of an API token: {@code sk_live_} or {@code sk_test_}, 32 random base62
 * characters, and a 6-character base62 CRC32 of all that, so secret scanners can
 * recognise a leaked key and a typo is refused without a read.
 */
final class TokenFormat {

	private static final Pattern SHAPE = Pattern.compile("sk_(live|test)_[0-9A-Za-z]{38}");

	private TokenFormat() {
	}

	static String generate(boolean livemode) {
		String body = (livemode ? "sk_live_" : "sk_test_") + Ids.random(32);
		return body + checksum(body);
	}

	/** Whether {@code token} has the right shape and checksum. */
	static boolean isWellFormed(String token) {
		if (!SHAPE.matcher(token).matches()) {
			return false;
		}
		String body = token.substring(0, token.length() - 6);
		return checksum(body).equals(token.substring(token.length() - 6));
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
