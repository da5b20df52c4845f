package dev.storekeeper.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validation errors in the Rails style of the seeds: field → messages such as
 * {@code can't be blank}, and full messages such as {@code Name can't be blank}.
 */
public final class Errors {

	private final Map<String, List<String>> byField = new LinkedHashMap<>();

	/**
	 * Records that {@code field} (camelCase, dotted when nested) has the problem
	 * {@code message}.
	 */
	public Errors add(String field, String message) {
		List<String> messages = this.byField.computeIfAbsent(field, (key) -> new ArrayList<>());
		if (!messages.contains(message)) {
			messages.add(message);
		}
		return this;
	}

	/**
	 * Whether {@code field} already has an error (later checks on it are then pointless).
	 */
	public boolean has(String field) {
		return this.byField.containsKey(field);
	}

	public boolean isEmpty() {
		return this.byField.isEmpty();
	}

	/** Adds every error of {@code other}. */
	public Errors addAll(Errors other) {
		other.byField.forEach((field, messages) -> messages.forEach((message) -> add(field, message)));
		return this;
	}

	/** The errors by field, in the order they were found. */
	public Map<String, List<String>> details() {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		this.byField.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
		return copy;
	}

	/**
	 * The full messages joined with {@code ", "}:
	 * {@code Name can't be blank, Amount is not a number}.
	 */
	public String message() {
		List<String> full = new ArrayList<>();
		this.byField.forEach((field, messages) -> messages.forEach((message) -> full.add(fullMessage(field, message))));
		return String.join(", ", full);
	}

	/** Throws {@link InvalidRecord} when any error was recorded. */
	public void throwIfAny() {
		if (!isEmpty()) {
			throw new InvalidRecord(this);
		}
	}

	/** A single-error failure, for rules checked one at a time. */
	public static InvalidRecord of(String field, String message) {
		return new InvalidRecord(new Errors().add(field, message));
	}

	static String fullMessage(String field, String message) {
		if (field.equals("base")) {
			return message;
		}
		return humanize(field) + " " + message;
	}

	/**
	 * {@code availableSupportEmail} → {@code Available support email}; {@code seo.title}
	 * → {@code Seo title}.
	 */
	static String humanize(String field) {
		StringBuilder words = new StringBuilder();
		for (char c : field.toCharArray()) {
			if (c == '.' || c == '_') {
				words.append(' ');
			}
			else if (Character.isUpperCase(c)) {
				words.append(' ').append(Character.toLowerCase(c));
			}
			else {
				words.append(c);
			}
		}
		String text = words.toString().replaceAll("\\[\\d+]", "").replaceAll(" +", " ").trim();
		if (text.endsWith(" id") && text.length() > 3) {
			text = text.substring(0, text.length() - 3);
		}
		if (text.isEmpty()) {
			return text;
		}
		return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

}
