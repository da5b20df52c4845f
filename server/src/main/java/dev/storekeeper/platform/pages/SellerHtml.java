package dev.storekeeper.platform.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * A seller's HTML as a sandboxed frame shows it ({@code layout/seller-frame.jte}): in the
 * page's typography, and as tall as its content is estimated to be on a phone and on a
 * wider screen. A page without scripts cannot measure its frames, so the height is
 * estimated from the text and the blocks of the HTML; a frame too short scrolls.
 *
 * @param srcdoc the frame's document: the seller's HTML, then the page's type styles (of
 * no specificity, {@code :where}, so any rule of the seller's wins)
 */
public record SellerHtml(String title, String srcdoc, int narrowRem, int wideRem) {

	/** The page's typography, given to the seller's document. */
	static final String TYPOGRAPHY = "<style>:where(html){color-scheme:light}:where(body){margin:0;font:16px/1.6 "
			+ "system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",sans-serif;color:#1f2328;"
			+ "overflow-wrap:anywhere}:where(h1,h2,h3){line-height:1.25;margin:1rem 0 .5rem}:where(p,ul,ol){margin:.5rem 0}"
			+ ":where(img,video){max-width:100%;height:auto}:where(a){color:#0a58ca}</style>";

	private static final Pattern TAG = Pattern.compile("<\\s*(/?)\\s*([a-zA-Z0-9]+)[^>]*>");

	private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6",
			"br", "tr", "blockquote", "pre", "hr", "div", "ul", "ol", "section", "article", "figure", "table");

	private static final java.util.Set<String> MEDIA = java.util.Set.of("img", "video", "iframe", "svg", "picture");

	private static final int MIN_REM = 3;

	private static final int MAX_REM = 60;

	/** The frame of {@code html}, titled {@code title} for screen readers. */
	public static SellerHtml of(String html, String title) {
		List<Block> blocks = new ArrayList<>();
		int images = 0;
		boolean heading = false;
		StringBuilder text = new StringBuilder();
		Matcher tag = TAG.matcher(html);
		int at = 0;
		while (tag.find()) {
			text.append(html, at, tag.start());
			at = tag.end();
			String name = tag.group(2).toLowerCase(Locale.ROOT);
			if (BLOCKS.contains(name)) {
				blocks.add(new Block(text.toString(), heading));
				text.setLength(0);
				heading = name.matches("h[1-6]") && tag.group(1).isEmpty();
			}
			else if (tag.group(1).isEmpty() && MEDIA.contains(name)) {
				images++;
			}
		}
		text.append(html, at, html.length());
		blocks.add(new Block(text.toString(), heading));
		return new SellerHtml(title, html + TYPOGRAPHY, height(blocks, images, 36), height(blocks, images, 70));
	}

	/** The text between two block boundaries, and whether it is a heading. */
	private record Block(String text, boolean heading) {

		/** Its lines at {@code perLine} characters, and half a line of margin. */
		double lines(int perLine) {
			int chars = this.text.replaceAll("\\s+", " ").strip().length();
			if (chars == 0) {
				return 0;
			}
			double lines = Math.ceil((double) chars / (this.heading ? perLine * 0.7 : perLine));
			return (this.heading ? lines * 1.3 + 1 : lines) + 0.5;
		}

	}

	/** The blocks' lines at 1.6rem, 12rem per picture, and a line of slack. */
	private static int height(List<Block> blocks, int images, int perLine) {
		double lines = 1;
		for (Block block : blocks) {
			lines += block.lines(perLine);
		}
		int rem = (int) Math.ceil(lines * 1.6 + images * 12);
		return Math.max(MIN_REM, Math.min(MAX_REM, rem));
	}

	/**
	 * The document escaped for the {@code srcdoc} attribute: the one value of the pages
	 * escaped here rather than by the template engine, whose policy leaves a
	 * {@code srcdoc} empty (the frame is what makes this HTML safe: sandboxed, without
	 * scripts or the page's origin).
	 */
	public String escapedSrcdoc() {
		return HtmlUtils.htmlEscape(this.srcdoc, "UTF-8");
	}

	/** The frame's two heights, for the layout's stylesheet. */
	public String heightStyle() {
		return "--h-narrow:" + this.narrowRem + "rem;--h-wide:" + this.wideRem + "rem";
	}

}
