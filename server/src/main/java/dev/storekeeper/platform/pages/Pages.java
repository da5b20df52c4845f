package dev.storekeeper.platform.pages;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders the public pages from their JTE templates ({@code src/main/jte}, compiled at
 * build time), every one inside the layout {@code layout/page.jte}: values are escaped
 * for where they land (text, attribute, URL) by the template engine, never by hand.
 */
@Component
public class Pages {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final TemplateEngine templates;

	Pages(TemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The HTML of {@code template} (such as {@code "catalog/product.jte"}) for its one
	 * parameter.
	 */
	public String html(String template, Object view) {
		StringOutput output = new StringOutput();
		this.templates.render(template, view, output);
		return output.toString();
	}

	/** The HTML of {@code template} for its named parameters. */
	public String html(String template, Map<String, Object> params) {
		StringOutput output = new StringOutput();
		this.templates.render(template, params, output);
		return output.toString();
	}

	/**
	 * A page as a response: {@code no-cache}, and {@code X-Robots-Tag: noindex} when its
	 * layout says so (test mode, errors, a buyer's own pages).
	 */
	public ResponseEntity<String> response(HttpStatus status, PageLayout layout, String template, Object view) {
		return builder(status, layout).body(html(template, view));
	}

	/** A short page of a heading and a sentence: errors, a checkout that has ended. */
	public ResponseEntity<String> message(HttpStatus status, PageLayout layout, String heading, String text) {
		return builder(status, layout)
			.body(html("layout/message.jte", Map.of("layout", layout, "heading", heading, "text", text)));
	}

	/** The start of a page's response, for a page that sets more headers. */
	public static ResponseEntity.BodyBuilder builder(HttpStatus status, PageLayout layout) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
			.contentType(HTML)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache");
		if (layout.noindex()) {
			builder.header("X-Robots-Tag", "noindex");
		}
		return builder;
	}

}
