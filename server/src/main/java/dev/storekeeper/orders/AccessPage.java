package dev.storekeeper.orders;

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
import dev.storekeeper.files.Files;
import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.Pages;
import dev.storekeeper.platform.pages.SellerHtml;
import dev.storekeeper.platform.Times;
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

	private final Pages pages;

	AccessPage(OrderRepository orders, Catalog catalog, Experiences experiences, Files files, Pages pages,
			Clock clock) {
		this.pages = pages;
		this.orders = orders;
		this.catalog = catalog;
		this.experiences = experiences;
		this.files = files;
		this.clock = clock;
	}

	private ResponseEntity<String> message(HttpStatus status, boolean livemode, String heading, String text) {
		return this.pages.message(status, PageLayout.unindexed(heading, livemode), heading, text);
	}

	@GetMapping(path = "/access/{token}", produces = "text/html")
	@Transactional
	ResponseEntity<String> access(@PathVariable String token) {
		Optional<Order.Access> found = token.matches("[0-9A-Za-z]{32}") ? this.orders.accessByToken(token)
				: Optional.empty();
		if (found.isEmpty()) {
			return message(HttpStatus.NOT_FOUND, true, "Access not found",
					"This link does not lead to a purchase. Check the link in your receipt.");
		}
		Order.Access access = found.get();
		Instant now = Times.now(this.clock);
		if (access.revokedAt() != null) {
			return message(HttpStatus.GONE, access.livemode(), "Access revoked",
					"This purchase was refunded, so its access has ended.");
		}
		if (access.expiresAt() != null && !now.isBefore(access.expiresAt())) {
			return message(HttpStatus.GONE, access.livemode(), "Access expired",
					"Access to this purchase ended on " + access.expiresAt() + ".");
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
		String name = (product != null) ? product.name() : "Your purchase";
		List<AccessView.Content> shown = contents.stream().map(this::content).toList();
		AccessView view = new AccessView(PageLayout.unindexed(name, access.livemode()), name,
				(variant != null) ? variant.name() : null,
				(access.expiresAt() != null) ? access.expiresAt().toString() : null, shown);
		return Pages.builder(HttpStatus.OK, view.layout())
			.header("Content-Security-Policy", POLICY)
			.body(this.pages.html("orders/access.jte", view));
	}

	/**
	 * The experience's content; its HTML is the seller's own, shown to their buyer as
	 * written, each piece in its sandboxed frame (sandboxed without
	 * {@code allow-same-origin}, so it has an opaque origin and can neither reach this
	 * page, its cookies nor the server's API; the page's policy, which the frame
	 * inherits, runs no script and frames only HTTPS embeds). Each file of a download
	 * gets a fresh signed URL (none once access ends: refused above).
	 */
	private AccessView.Content content(ExperienceContent content) {
		String name = content.name();
		return new AccessView.Content(name,
				(content.bodyHtml() != null) ? SellerHtml.of(content.bodyHtml(), name) : null, content.url(),
				(content.embedHtml() != null) ? SellerHtml.of(content.embedHtml(), name) : null,
				content.chapters()
					.stream()
					.map((chapter) -> new AccessView.Chapter(chapter.title(), chapter.lessons()
						.stream()
						.map((lesson) -> new AccessView.Lesson(lesson.title(), lesson.videoUrl(),
								(lesson.bodyHtml() != null) ? SellerHtml.of(lesson.bodyHtml(), lesson.title()) : null))
						.toList()))
					.toList(),
				content.files()
					.stream()
					.map((file) -> new AccessView.Download(file.filename(), this.files.signedUrl(file)))
					.toList());
	}

}
