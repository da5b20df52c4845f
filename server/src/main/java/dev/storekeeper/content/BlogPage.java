package dev.storekeeper.content;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.Account;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.platform.Html;
import dev.storekeeper.platform.web.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /blog/{subdomain}/}: the seller's public blog, the live mode's published posts
 * (drafts, scheduled posts and test mode never show). A post's HTML is shown in a
 * sandboxed frame, so it can format but never run code on the page; posts not
 * {@code indexable} ask search engines not to index them.
 */
@Controller
class BlogPage {

	private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; "
			+ "frame-src 'self'";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final BlogPostRepository posts;

	private final Accounts accounts;

	BlogPage(BlogPostRepository posts, Accounts accounts) {
		this.posts = posts;
		this.accounts = accounts;
	}

	@GetMapping(path = { "/blog/{subdomain}", "/blog/{subdomain}/" })
	ResponseEntity<String> index(@PathVariable String subdomain) {
		Account account = account(subdomain);
		if (account == null) {
			return notFound();
		}
		List<BlogPost> published = this.posts.published(account.id(), 50);
		StringBuilder body = new StringBuilder("<h1>").append(Html.escape(account.name())).append("</h1>");
		if (published.isEmpty()) {
			body.append("<p>No posts yet.</p>");
		}
		body.append("<ul class=\"posts\">");
		for (BlogPost post : published) {
			body.append("<li><a href=\"")
				.append(Html.escape(post.slug()))
				.append("\">")
				.append(Html.escape(post.title()))
				.append("</a> <span class=\"muted\">")
				.append((post.publishedAt() != null) ? DATE.format(post.publishedAt()) : "")
				.append("</span>");
			String excerpt = post.shownExcerpt();
			if (!excerpt.isBlank()) {
				body.append("<p>").append(Html.escape(excerpt)).append("</p>");
			}
			body.append("</li>");
		}
		body.append("</ul>");
		return page(HttpStatus.OK, account.name() + " — blog", body.toString(), true);
	}

	@GetMapping(path = "/blog/{subdomain}/{slug}")
	ResponseEntity<String> post(@PathVariable String subdomain, @PathVariable String slug) {
		Account account = account(subdomain);
		BlogPost post = (account != null) ? this.posts.findPublished(account.id(), slug).orElse(null) : null;
		if (account == null || post == null) {
			return notFound();
		}
		StringBuilder body = new StringBuilder("<p class=\"muted\"><a href=\"./\">").append(Html.escape(account.name()))
			.append("</a></p><article><h1>")
			.append(Html.escape(post.title()))
			.append("</h1>");
		if (post.publishedAt() != null) {
			body.append("<p class=\"muted\">").append(DATE.format(post.publishedAt())).append("</p>");
		}
		body.append("<iframe sandbox style=\"width:100%;min-height:30rem;border:0\" title=\"")
			.append(Html.escape(post.title()))
			.append("\" srcdoc=\"")
			.append(Html.escape(post.content()))
			.append("\"></iframe></article>");
		String title = (post.seoTitle() != null && !post.seoTitle().isBlank()) ? post.seoTitle() : post.title();
		return page(HttpStatus.OK, title, body.toString(), post.indexable());
	}

	private @Nullable Account account(String subdomain) {
		try {
			return this.accounts.bySubdomain(subdomain);
		}
		catch (NotFound ex) {
			return null;
		}
	}

	private static ResponseEntity<String> notFound() {
		return page(HttpStatus.NOT_FOUND, "Not found", "<h1>Not found</h1><p>There is no such post.</p>", false);
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body, boolean indexable) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", POLICY)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache");
		if (!indexable) {
			builder.header("X-Robots-Tag", "noindex");
		}
		return builder.body(Html.page(title, body));
	}

}
