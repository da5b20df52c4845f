package dev.storekeeper.orders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.storekeeper.catalog.Catalog;
import dev.storekeeper.catalog.ProductSummary;
import dev.storekeeper.catalog.VariantForSale;
import dev.storekeeper.content.ExperienceContent;
import dev.storekeeper.content.Experiences;
import dev.storekeeper.files.FileSummary;
import dev.storekeeper.files.Files;
import dev.storekeeper.platform.Html;
import dev.storekeeper.platform.Times;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /access/{token}}: the buyer's page, with the content of the experiences
 * their purchase grants; {@code 410} once the access is revoked (a full refund) or
 * expired ({@code revokeAfterDays}).
 */
@RestController
class AccessPage {

	/**
	 * No script at all, styles and HTTPS images, media and embeds; never framed. The
	 * seller's frames (srcdoc) inherit it.
	 */
	static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; "
			+ "media-src https:; frame-src https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final OrderRepository orders;

	private final Catalog catalog;

	private final Experiences experiences;

	private final Clock clock;

	private final Files files;

	AccessPage(OrderRepository orders, Catalog catalog, Experiences experiences, Files files, Clock clock) {
		this.orders = orders;
		this.catalog = catalog;
		this.experiences = experiences;
		this.files = files;
		this.clock = clock;
	}

	@GetMapping(path = "/access/{token}", produces = "text/html")
	@Transactional
	ResponseEntity<String> access(@PathVariable String token) {
		Optional<Order.Access> found = token.matches("[0-9A-Za-z]{32}") ? this.orders.accessByToken(token)
				: Optional.empty();
		if (found.isEmpty()) {
			return Html.response(HttpStatus.NOT_FOUND, "Access not found",
					"<h1>Access not found</h1><p>This link does not lead to a purchase. Check the link in your receipt.</p>");
		}
		Order.Access access = found.get();
		Instant now = Times.now(this.clock);
		if (access.revokedAt() != null) {
			return Html.response(HttpStatus.GONE, "Access revoked",
					"<h1>Access revoked</h1><p>This purchase was refunded, so its access has ended.</p>");
		}
		if (access.expiresAt() != null && !now.isBefore(access.expiresAt())) {
			return Html.response(HttpStatus.GONE, "Access expired",
					"<h1>Access expired</h1><p>Access to this purchase ended on " + access.expiresAt() + ".</p>");
		}
		this.orders.viewed(access.id(), now);
		ProductSummary product = this.catalog
			.products(access.accountId(), access.livemode(), List.of(access.productId()))
			.get(access.productId());
		Map<Long, VariantForSale> variants = this.catalog.variantsForSale(access.accountId(), access.livemode(),
				List.of(access.priceVariantId()));
		VariantForSale variant = variants.get(access.priceVariantId());
		List<ExperienceContent> contents = (variant != null)
				? this.experiences.contentFor(access.accountId(), access.livemode(), variant.experienceIds())
				: List.of();
		StringBuilder body = new StringBuilder();
		String name = (product != null) ? product.name() : "Your purchase";
		body.append("<h1>").append(Html.escape(name)).append("</h1>");
		if (variant != null) {
			body.append("<p class=\"muted\">").append(Html.escape(variant.name())).append("</p>");
		}
		if (access.expiresAt() != null) {
			body.append("<p class=\"muted\">Access until ").append(access.expiresAt()).append(".</p>");
		}
		if (contents.isEmpty()) {
			body.append("<p>Thank you for your purchase. The seller has not attached content to it yet.</p>");
		}
		for (ExperienceContent content : contents) {
			body.append("<section><h2>").append(Html.escape(content.name())).append("</h2>");
			body.append(render(content));
			// each file of a download: a fresh signed URL (none once access ends: refused
			// above)
			for (FileSummary file : content.files()) {
				body.append("<p><a class=\"file\" href=\"").append(Html.escape(this.files.signedUrl(file)));
				body.append("\">").append(Html.escape(file.filename())).append("</a></p>");
			}
			body.append("</section>");
		}
		return ResponseEntity.status(HttpStatus.OK)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", POLICY)
			.body(Html.page(name, body.toString()));
	}

	/**
	 * The seller's HTML in a frame of its own: sandboxed without
	 * {@code allow-same-origin}, so it has an opaque origin and can neither reach this
	 * page, its cookies nor the server's API; the page's policy (which the frame
	 * inherits) runs no script and frames only HTTPS embeds.
	 */
	private static String framed(String sellerHtml, String title) {
		return "<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" class=\"seller\" "
				+ "style=\"width:100%;min-height:20rem;border:0\" title=\"" + Html.escape(title) + "\" srcdoc=\""
				+ Html.escape(sellerHtml) + "\"></iframe>";
	}

	/**
	 * The experience's content; its HTML is the seller's own, shown to their buyer as
	 * written, each piece in its sandboxed frame.
	 */
	private static String render(ExperienceContent content) {
		String name = content.name();
		StringBuilder html = new StringBuilder();
		if (content.bodyHtml() != null) {
			html.append("<div class=\"written\">").append(framed(content.bodyHtml(), name)).append("</div>");
		}
		if (content.url() != null) {
			html.append("<p><a href=\"")
				.append(Html.escape(content.url()))
				.append("\" rel=\"noopener\">")
				.append(Html.escape(content.url()))
				.append("</a></p>");
		}
		if (content.embedHtml() != null) {
			html.append("<div class=\"embed\">").append(framed(content.embedHtml(), name)).append("</div>");
		}
		for (ExperienceContent.Chapter chapter : content.chapters()) {
			html.append("<h3>").append(Html.escape(chapter.title())).append("</h3><ol>");
			for (ExperienceContent.Lesson lesson : chapter.lessons()) {
				html.append("<li><strong>").append(Html.escape(lesson.title())).append("</strong>");
				if (lesson.videoUrl() != null) {
					html.append(" · <a href=\"").append(Html.escape(lesson.videoUrl())).append("\">video</a>");
				}
				if (lesson.bodyHtml() != null) {
					html.append("<div>").append(framed(lesson.bodyHtml(), lesson.title())).append("</div>");
				}
				html.append("</li>");
			}
			html.append("</ol>");
		}
		return html.toString();
	}

}
