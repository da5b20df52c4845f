package dev.storekeeper.platform.pages;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The former layout of the public pages, kept only for pages still written with it: new
 * pages are JTE templates in the one layout {@code src/main/jte/layout/page.jte},
 * rendered by {@link Pages}.
 */
public final class Html {

	private static final String LAYOUT = """
			<!doctype html>
			<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>%s</title>
			<style>
			body{font-family:system-ui,-apple-system,sans-serif;max-width:36rem;margin:2.5rem auto;padding:0 1rem;color:#1f2328;line-height:1.5}
			h1{font-size:1.6rem;margin-bottom:.25rem}.amount{font-size:2rem;font-weight:600}.muted{color:#666}
			dt{color:#666;margin-top:.5rem}dd{margin:0}.test{color:#9a6700;background:#fff8c5;padding:.25rem .5rem;border-radius:4px}
			label{display:block;margin-top:.75rem;font-weight:500}input{width:100%%;padding:.5rem;font-size:1rem;box-sizing:border-box}
			button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem;background:#1f6feb;color:#fff;border:0;border-radius:6px;cursor:pointer}
			.error{color:#b42318;background:#fef3f2;padding:.5rem .75rem;border-radius:6px}.row{display:flex;gap:.5rem}.row>*{flex:1}
			table{width:100%%;border-collapse:collapse}td{padding:.25rem 0}td.num{text-align:right}.prices li{margin:.5rem 0}
			</style>
			</head><body>
			%s
			</body></html>
			""";

	private Html() {
	}

	/** A whole page: {@code body} is trusted HTML, {@code title} is escaped. */
	public static String page(String title, String body) {
		return LAYOUT.formatted(escape(title), body);
	}

	/** Text made safe to place in HTML, attributes included. */
	public static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/** A page as a response with its status. */
	public static ResponseEntity<String> response(HttpStatus status, String title, String body) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(page(title, body));
	}

}
