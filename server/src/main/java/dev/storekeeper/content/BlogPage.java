package dev.storekeeper.content;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.Account;
import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.platform.web.NotFound;
import org.springframework.http.HttpHeaders;
import dev.storekeeper.platform.pages.PageLayout;
import dev.storekeeper.platform.pages.Pages;
import dev.storekeeper.platform.pages.SellerHtml;
import org.springframework.http.HttpStatus;
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

	private final Pages pages;

	BlogPage(BlogPostRepository posts, Accounts accounts, Pages pages) {
		this.pages = pages;
		this.posts = posts;
		this.accounts = accounts;
	}

	@GetMapping(path = { "/blog/{subdomain}", "/blog/{subdomain}/" })
	ResponseEntity<String> index(@PathVariable String subdomain) {
		return index(subdomain, true);
	}

	/** The test-mode preview of the blog: its test-mode posts, under a banner. */
	@GetMapping(path = { "/blog/test/{subdomain}", "/blog/test/{subdomain}/" })
	ResponseEntity<String> testIndex(@PathVariable String subdomain) {
		return index(subdomain, false);
	}

	@GetMapping(path = "/blog/{subdomain}/{slug}")
	ResponseEntity<String> post(@PathVariable String subdomain, @PathVariable String slug) {
		return post(subdomain, slug, true);
	}

	/** A test-mode post's preview. */
	@GetMapping(path = "/blog/test/{subdomain}/{slug}")
	ResponseEntity<String> testPost(@PathVariable String subdomain, @PathVariable String slug) {
		return post(subdomain, slug, false);
	}

	private ResponseEntity<String> index(String subdomain, boolean livemode) {
		Account account = account(subdomain);
		if (account == null) {
			return notFound();
		}
		List<BlogView.Entry> entries = this.posts.published(account.id(), livemode, 50)
			.stream()
			.map((post) -> new BlogView.Entry(post.title(), post.slug(),
					(post.publishedAt() != null) ? DATE.format(post.publishedAt()) : "", post.shownExcerpt()))
			.toList();
		String title = account.name() + " — blog";
		return page(HttpStatus.OK, new BlogView(layout(title, true, livemode, account), account.name(), entries, null));
	}

	private ResponseEntity<String> post(String subdomain, String slug, boolean livemode) {
		Account account = account(subdomain);
		BlogPost post = (account != null) ? this.posts.findPublished(account.id(), livemode, slug).orElse(null) : null;
		if (account == null || post == null) {
			return notFound();
		}
		String title = (post.seoTitle() != null && !post.seoTitle().isBlank()) ? post.seoTitle() : post.title();
		return page(HttpStatus.OK,
				new BlogView(layout(title, post.indexable(), livemode, account), account.name(), List.of(),
						new BlogView.Post(post.title(),
								(post.publishedAt() != null) ? DATE.format(post.publishedAt()) : "",
								SellerHtml.of(post.content(), post.title()))));
	}

	/**
	 * Where the blog of {@code subdomain} is: its test-mode preview under
	 * {@code /blog/test/}.
	 */
	static String path(String subdomain, boolean livemode) {
		return livemode ? "/blog/" + subdomain + "/" : "/blog/test/" + subdomain + "/";
	}

	private static PageLayout layout(String title, boolean indexable, boolean livemode, Account account) {
		return new PageLayout(title, livemode, indexable, new PageLayout.Seller(account.name(), account.avatarUrl(),
				account.availableSupportEmail(), path(account.subdomain(), livemode), account.brandColor()));
	}

	private @Nullable Account account(String subdomain) {
		try {
			return this.accounts.bySubdomain(subdomain);
		}
		catch (NotFound ex) {
			return null;
		}
	}

	private ResponseEntity<String> notFound() {
		PageLayout layout = PageLayout.unindexed("Not found", true);
		return Pages.builder(HttpStatus.NOT_FOUND, layout)
			.header("Content-Security-Policy", POLICY)
			.body(this.pages.html("layout/message.jte",
					Map.of("layout", layout, "heading", "Not found", "text", "There is no such post.")));
	}

	private ResponseEntity<String> page(HttpStatus status, BlogView view) {
		return Pages.builder(status, view.layout())
			.header("Content-Security-Policy", POLICY)
			.body(this.pages.html("content/blog.jte", view));
	}

}
