package dev.storekeeper.content;

/** Excerpts derived from HTML content: the text without tags, at most 200 characters. */
final class Excerpts {

	static final int LENGTH = 200;

	private Excerpts() {
	}

	/** The first 200 characters of the text of {@code html}, whitespace collapsed. */
	static String derive(String html) {
		String text = html.replaceAll("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>", " ")
			.replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("(?s)<[^>]*>", " ")
			.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&apos;", "'")
			.replace("&amp;", "&")
			.replaceAll("\\s+", " ")
			.trim();
		if (text.codePointCount(0, text.length()) <= LENGTH) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, LENGTH)).trim();
	}

}
