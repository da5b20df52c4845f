package dev.storekeeper.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;

/** The field rules content shares, with the Rails-style messages of the seeds. */
final class Rules {

	private Rules() {
	}

	/**
	 * {@code value} trimmed, or an error when it is blank or longer than {@code max}.
	 * @return the trimmed value, or null when it broke a rule
	 */
	static @Nullable String required(Errors errors, String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			if (!errors.has(field)) {
				errors.add(field, "can't be blank");
			}
			return null;
		}
		return optional(errors, field, value, max);
	}

	/**
	 * {@code value} trimmed (null when blank), with an error when longer than
	 * {@code max}.
	 */
	static @Nullable String optional(Errors errors, String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.length() > max) {
			errors.add(field, "is too long (maximum is " + max + " characters)");
			return null;
		}
		return trimmed;
	}

	/** Whether {@code value} is an absolute http or https URL with a host. */
	static boolean isHttpUrl(String value) {
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** An optional http(s) URL of at most 2,000 characters. */
	static @Nullable String httpUrl(Errors errors, String field, @Nullable String value) {
		String url = optional(errors, field, value, 2000);
		if (url != null && !isHttpUrl(url)) {
			errors.add(field, "must be an http or https URL");
			return null;
		}
		return url;
	}

	/** {@code value} when it is one of {@code allowed}, else an error and null. */
	static @Nullable String oneOf(Errors errors, String field, @Nullable String value, java.util.List<String> allowed) {
		if (value == null) {
			return null;
		}
		if (!allowed.contains(value)) {
			errors.add(field, "is not included in the list");
			return null;
		}
		return value;
	}

}
