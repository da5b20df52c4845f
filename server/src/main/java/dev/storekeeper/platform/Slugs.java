package dev.storekeeper.platform;

import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Kebab-case slugs, unique per account and mode: {@code my-course}, then
 * {@code my-course-1}. The one slug helper of products and content.
 */
public final class Slugs {

	/** The longest slug a caller may choose, and the longest base made from content. */
	public static final int MAX_BASE = 100;

	private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private Slugs() {
	}

	/**
	 * The kebab-case form of {@code text}, or {@code fallback} when nothing is left;
	 * never all digits (an all-digit path segment is read as an integer id).
	 */
	public static String of(String text, String fallback) {
		String slug = kebab(text, fallback, MAX_BASE);
		return (!slug.equals(fallback) && slug.matches("\\d+")) ? fallback + "-" + slug : slug;
	}

	/**
	 * The kebab-case form of {@code text} ({@code "Ünïcode & Co. Course!"} →
	 * {@code "unicode-co-course"}) cut to {@code maxBase} characters, or {@code fallback}
	 * when nothing is left.
	 */
	public static String kebab(@Nullable String text, String fallback, int maxBase) {
		String ascii = Normalizer.normalize((text != null) ? text : "", Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > maxBase) {
			slug = slug.substring(0, maxBase).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? fallback : slug;
	}

	/**
	 * The first of {@code base}, {@code base-1}, {@code base-2}... not in {@code taken}.
	 */
	public static String free(String base, Collection<String> taken) {
		if (!taken.contains(base)) {
			return base;
		}
		int suffix = 1;
		while (taken.contains(base + "-" + suffix)) {
			suffix++;
		}
		return base + "-" + suffix;
	}

	/**
	 * Checks a slug the caller chose: kebab-case, not too long, and not all digits (an
	 * all-digit path segment is read as an integer id).
	 */
	public static void check(String slug, Errors errors) {
		if (slug.length() > MAX_BASE) {
			errors.add("slug", "is too long (maximum is " + MAX_BASE + " characters)");
		}
		else if (!VALID.matcher(slug).matches() || slug.matches("\\d+")) {
			errors.add("slug", "must be lower-case letters, digits and hyphens, with at least one letter");
		}
	}

	/** The slug the caller chose, checked; null when none was given or it is invalid. */
	public static @Nullable String chosen(Fields fields, Errors errors) {
		String slug = fields.string("slug");
		if (slug == null || slug.isBlank()) {
			return null;
		}
		check(slug.trim(), errors);
		return errors.has("slug") ? null : slug.trim();
	}

}
