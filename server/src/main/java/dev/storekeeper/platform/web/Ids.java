package dev.storekeeper.platform.web;

import java.security.SecureRandom;

/** Random, type-prefixed public identifiers such as {@code prod_3kTMd9Qw1xYb7ZpL}. */
public final class Ids {

	static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/** A new identifier: the prefix, an underscore and 16 random base62 characters. */
	public static String next(String prefix) {
		return prefix + "_" + random(16);
	}

	/**
	 * {@code length} random base62 characters from a cryptographically strong source,
	 * read in one call (the shared source takes a lock per call: one per identifier, not
	 * one per character).
	 */
	public static String random(int length) {
		char[] chars = new char[length];
		byte[] bytes = new byte[length + length / 8 + 2];
		int filled = 0;
		while (filled < length) {
			RANDOM.nextBytes(bytes);
			for (int i = 0; i < bytes.length && filled < length; i++) {
				int value = bytes[i] & 0xff;
				// 248 = 4 × 62: the bytes below it map evenly onto the alphabet
				if (value < 248) {
					chars[filled++] = ALPHABET.charAt(value % 62);
				}
			}
		}
		return new String(chars);
	}

	/**
	 * {@code length} random base62 characters for what needs no secrecy (a request's id):
	 * from the thread's own generator, with no lock and no read of the system's entropy.
	 */
	public static String weak(int length) {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		byte[] chars = new byte[length];
		for (int i = 0; i < length; i++) {
			chars[i] = (byte) ALPHABET.charAt(random.nextInt(62));
		}
		return new String(chars, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	/** {@code value} in base62, left-padded with zeros to {@code width} characters. */
	public static String base62(long value, int width) {
		char[] chars = new char[width];
		long rest = value;
		for (int i = width - 1; i >= 0; i--) {
			chars[i] = ALPHABET.charAt((int) (rest % 62));
			rest /= 62;
		}
		return new String(chars);
	}

	/**
	 * The integer id a path key names ({@code "42"}), or -1 when the key is a prefixed id
	 * or a slug: all digits, at most 18 of them.
	 */
	public static long numeric(String key) {
		return key.matches("\\d{1,18}") ? Long.parseLong(key) : -1L;
	}

	/** Whether {@code value} looks like an identifier with the given prefix. */
	public static boolean hasPrefix(String value, String prefix) {
		return value.startsWith(prefix + "_");
	}

}
