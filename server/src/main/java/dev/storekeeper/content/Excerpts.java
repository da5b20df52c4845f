package dev.storekeeper.content;

/**
 * Excerpts derived from HTML content: the text without tags, at most 200 characters. One
 * pass over the content, so any content costs time in proportion to its length (an
 * unclosed comment or script runs to the end, as in a browser); it is derived when a post
 * is saved, not when it is shown.
 */
final class Excerpts {

	static final int LENGTH = 200;

	private Excerpts() {
	}

	/** The first 200 characters of the text of {@code html}, whitespace collapsed. */
	static String derive(String html) {
		StringBuilder text = new StringBuilder();
		int i = 0;
		int n = html.length();
		int counted = 0;
		int visible = 0;
		// stops once it has more than 200 characters that are not spaces
		while (i < n && visible <= LENGTH) {
			char c = html.charAt(i);
			if (c == '<') {
				if (html.startsWith("<!--", i)) {
					i = after(html, "-->", i + 4);
				}
				else if (startsTag(html, i, "script") || startsTag(html, i, "style")) {
					String name = startsTag(html, i, "script") ? "script" : "style";
					int close = indexOf(html, "</" + name, i + 1 + name.length());
					i = (close < 0) ? n : after(html, ">", close);
				}
				else if (i + 1 < n && (Character.isLetter(html.charAt(i + 1)) || html.charAt(i + 1) == '/'
						|| html.charAt(i + 1) == '!' || html.charAt(i + 1) == '?')) {
					i = after(html, ">", i + 1);
				}
				else {
					text.append(c);
					i++;
					continue;
				}
				text.append(' ');
			}
			else if (c == '&') {
				int semicolon = html.indexOf(';', i);
				String entity = (semicolon > i && semicolon - i <= 7) ? html.substring(i, semicolon + 1) : "";
				String decoded = switch (entity) {
					case "&nbsp;" -> " ";
					case "&lt;" -> "<";
					case "&gt;" -> ">";
					case "&quot;" -> "\"";
					case "&#39;", "&apos;" -> "'";
					case "&amp;" -> "&";
					default -> null;
				};
				if (decoded != null) {
					text.append(decoded);
					i = semicolon + 1;
				}
				else {
					text.append(c);
					i++;
				}
			}
			else {
				text.append(c);
				i++;
			}
			for (; counted < text.length(); counted++) {
				visible += Character.isWhitespace(text.charAt(counted)) ? 0 : 1;
			}
		}
		String collapsed = collapse(text);
		if (collapsed.codePointCount(0, collapsed.length()) <= LENGTH) {
			return collapsed;
		}
		return collapsed.substring(0, collapsed.offsetByCodePoints(0, LENGTH)).trim();
	}

	private static boolean startsTag(String html, int at, String name) {
		int end = at + 1 + name.length();
		if (!html.regionMatches(true, at + 1, name, 0, name.length())) {
			return false;
		}
		return end >= html.length() || !Character.isLetterOrDigit(html.charAt(end));
	}

	/**
	 * Where {@code needle} (a few ASCII characters) next occurs from {@code from}, in any
	 * case; -1 when it does not.
	 */
	private static int indexOf(String html, String needle, int from) {
		for (int i = Math.max(0, from); i <= html.length() - needle.length(); i++) {
			if (html.regionMatches(true, i, needle, 0, needle.length())) {
				return i;
			}
		}
		return -1;
	}

	/** The index after the next {@code end} from {@code from}, or the end of the text. */
	private static int after(String html, String end, int from) {
		int found = indexOf(html, end, from);
		return (found < 0) ? html.length() : found + end.length();
	}

	private static String collapse(CharSequence text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				space = out.length() > 0;
			}
			else {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
			}
		}
		return out.toString();
	}

}
