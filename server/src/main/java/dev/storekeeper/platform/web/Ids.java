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

	/** {@code length} random base62 characters from a cryptographically strong source. */
	public static String random(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new String(chars);
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
