package dev.storekeeper.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.PublicUrl;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.platform.Slugs;
import dev.storekeeper.platform.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The blog: categories, and posts that are drafts, published, scheduled (published by
 * {@link #publishDue} when due) or archived.
 */
@Service
class Blog {

	private static final int MAX_CONTENT = 500_000;

	private final BlogPostRepository posts;

	private final BlogCategoryRepository categories;

	private final Accounts accounts;

	private final Clock clock;

	private final PublicUrl publicUrl;

	Blog(BlogPostRepository posts, BlogCategoryRepository categories, Accounts accounts, Clock clock,
			PublicUrl publicUrl) {
		this.posts = posts;
		this.categories = categories;
		this.accounts = accounts;
		this.clock = clock;
		this.publicUrl = publicUrl;
	}

	/**
	 * Publishes every scheduled post whose time has come, in one conditional statement
	 * that is safe to run on several nodes at once; {@code publishedAt} becomes the
	 * scheduled time.
	 * @return how many posts were published
	 */
	@Transactional
	public int publishDue(Instant now) {
		return this.posts.publishDue(now);
	}

	@Transactional(readOnly = true)
	Page<BlogCategory> categories(Caller caller, PageQuery page) {
		long count = this.categories.count(caller.accountId(), caller.livemode());
		return Page.of(this.categories.page(caller.accountId(), caller.livemode(), page), page, count);
	}

	@Transactional(readOnly = true)
	BlogCategory category(Caller caller, String key) {
		return this.categories.find(caller.accountId(), caller.livemode(), key)
			.orElseThrow(() -> new NotFound("Blog category"));
	}

	@Transactional
	BlogCategory createCategory(Caller caller, Fields fields) {
		return saveCategory(caller, null, fields);
	}

	@Transactional
	BlogCategory updateCategory(Caller caller, String key, Fields fields) {
		return saveCategory(caller, category(caller, key), fields);
	}

	/** Deletes a category; its posts stay, without a category. */
	@Transactional
	void deleteCategory(Caller caller, String key) {
		this.categories.delete(category(caller, key).id());
	}

	private BlogCategory saveCategory(Caller caller, @Nullable BlogCategory current, Fields fields) {
		Errors errors = fields.errors();
		long id = (current != null) ? current.id() : -1;
		String name = (current == null || fields.has("name"))
				? Rules.required(errors, "name", fields.string("name"), 100) : current.name();
		String description = (current == null || fields.has("description"))
				? Rules.optional(errors, "description", fields.string("description"), 1000) : current.description();
		String slug = Slugs.chosen(fields, errors);
		if (name != null && this.categories.nameTaken(caller.accountId(), caller.livemode(), name, id)) {
			errors.add("name", "has already been taken");
		}
		if (slug != null && this.categories.slugTaken(caller.accountId(), caller.livemode(), slug, id)) {
			errors.add("slug", "has already been taken");
		}
		errors.throwIfAny();
		Instant now = Times.now(this.clock);
		try {
			if (current == null) {
				if (slug == null) {
					String base = Slugs.of(name, "category");
					slug = this.categories.freeSlug(caller.accountId(), caller.livemode(), base, -1);
				}
				String prefixId = Ids.next("bcat");
				this.categories.insert(prefixId, caller.accountId(), caller.livemode(), name, slug, description, now);
				return category(caller, prefixId);
			}
			this.categories.update(id, name, (slug != null) ? slug : current.slug(), description, now);
			return category(caller, current.prefixId());
		}
		catch (DuplicateKeyException ex) {
			// Another request took the same name or slug in the meantime.
			throw Errors.of("name", "has already been taken");
		}
	}

	@Transactional(readOnly = true)
	Page<Post> posts(Caller caller, PageQuery page, @Nullable String status, @Nullable String categorySlug) {
		long count = this.posts.count(caller.accountId(), caller.livemode(), status, categorySlug);
		List<BlogPost> items = this.posts.page(caller.accountId(), caller.livemode(), status, categorySlug, page);
		List<Long> categoryIds = items.stream().map(BlogPost::categoryId).filter(Objects::nonNull).distinct().toList();
		Map<Long, BlogCategory> categories = this.categories.byIds(caller.accountId(), caller.livemode(), categoryIds)
			.stream()
			.collect(Collectors.toMap(BlogCategory::id, Function.identity()));
		String base = blogUrl(caller);
		return Page.of(items, page, count)
			.map((post) -> new Post(post, (post.categoryId() != null) ? categories.get(post.categoryId()) : null,
					base + post.slug()));
	}

	@Transactional(readOnly = true)
	Post post(Caller caller, String key) {
		BlogPost post = findPost(caller, key);
		BlogCategory category = (post.categoryId() != null)
				? this.categories.byIds(caller.accountId(), caller.livemode(), List.of(post.categoryId()))
					.stream()
					.findFirst()
					.orElse(null)
				: null;
		return new Post(post, category, blogUrl(caller) + post.slug());
	}

	@Transactional
	Post createPost(Caller caller, Fields fields) {
		return savePost(caller, null, fields);
	}

	@Transactional
	Post updatePost(Caller caller, String key, Fields fields) {
		return savePost(caller, findPost(caller, key), fields);
	}

	@Transactional
	void deletePost(Caller caller, String key) {
		this.posts.delete(findPost(caller, key).id());
	}

	private Post savePost(Caller caller, @Nullable BlogPost current, Fields fields) {
		Errors errors = fields.errors();
		Instant now = Times.now(this.clock);
		boolean creating = current == null;
		String title = (creating || fields.has("title")) ? title(fields.string("title"), errors) : current.title();
		String content = (creating || fields.has("content")) ? Objects.requireNonNullElse(
				Rules.optional(errors, "content", fields.string("content"), MAX_CONTENT), "") : current.content();
		String excerpt = (creating || fields.has("excerpt"))
				? Rules.optional(errors, "excerpt", fields.string("excerpt"), 500) : current.excerpt();
		Boolean indexableGiven = fields.bool("indexable");
		boolean indexable = (indexableGiven != null) ? indexableGiven : creating || current.indexable();
		String statusGiven = fields.string("status");
		String status = (statusGiven != null) ? Rules.oneOf(errors, "status", statusGiven.trim(), BlogPost.STATUSES)
				: creating ? BlogPost.DRAFT : current.status();
		Long categoryId = (creating || fields.has("categoryId")) ? categoryId(caller, fields, errors)
				: current.categoryId();
		Fields seo = fields.object("seo");
		String seoTitle = seo(seo, "title", 60, errors, (current != null) ? current.seoTitle() : null);
		String seoDescription = seo(seo, "description", 160, errors,
				(current != null) ? current.seoDescription() : null);
		String seoKeywords = seo(seo, "keywords", 500, errors, (current != null) ? current.seoKeywords() : null);
		String slug = Slugs.chosen(fields, errors);
		if (slug != null && this.posts.slugTaken(caller.accountId(), caller.livemode(), slug,
				(current != null) ? current.id() : -1)) {
			errors.add("slug", "has already been taken");
		}
		Instant publishedAt = null;
		Instant scheduledAt = null;
		if (status != null) {
			boolean statusChanged = creating || !status.equals(current.status());
			switch (status) {
				case BlogPost.SCHEDULED -> {
					Instant given = fields.instant("scheduledAt");
					scheduledAt = (fields.has("scheduledAt") || creating) ? given : current.scheduledAt();
					if (scheduledAt == null && !errors.has("scheduledAt")) {
						errors.add("scheduledAt", "can't be blank");
					}
					else if (scheduledAt != null && !scheduledAt.isAfter(now)
							&& (statusChanged || fields.has("scheduledAt"))) {
						errors.add("scheduledAt", "must be in the future");
					}
				}
				case BlogPost.PUBLISHED -> {
					publishedAt = (statusChanged || current.publishedAt() == null) ? now : current.publishedAt();
					scheduledAt = statusChanged ? null : current.scheduledAt();
				}
				case BlogPost.ARCHIVED -> publishedAt = creating ? null : current.publishedAt();
				default -> {
					// A draft is not published, whatever it was before.
				}
			}
		}
		errors.throwIfAny();
		if (creating && slug == null) {
			String base = Slugs.of(title, "post");
			slug = this.posts.freeSlug(caller.accountId(), caller.livemode(), base, -1);
		}
		BlogPost post = new BlogPost((current != null) ? current.id() : 0,
				(current != null) ? current.prefixId() : Ids.next("post"), caller.accountId(), caller.livemode(), title,
				(slug != null) ? slug : current.slug(), content, excerpt, status, indexable, categoryId, seoTitle,
				seoDescription, seoKeywords, publishedAt, scheduledAt, now, now,
				(current != null && content.equals(current.content()) && current.derivedExcerpt() != null)
						? current.derivedExcerpt() : Excerpts.derive(content));
		try {
			if (creating) {
				this.posts.insert(post, now);
			}
			else {
				this.posts.update(post, now);
			}
		}
		catch (DuplicateKeyException ex) {
			// Another request took the same slug in the meantime.
			throw Errors.of("slug", "has already been taken");
		}
		return post(caller, post.prefixId());
	}

	private BlogPost findPost(Caller caller, String key) {
		return this.posts.find(caller.accountId(), caller.livemode(), key).orElseThrow(() -> new NotFound("Blog post"));
	}

	private String blogUrl(Caller caller) {
		return this.publicUrl.of(BlogPage.path(this.accounts.get(caller.accountId()).subdomain(), caller.livemode()));
	}

	private static @Nullable String title(@Nullable String given, Errors errors) {
		String title = Rules.required(errors, "title", given, 200);
		if (title != null && title.length() < 3) {
			errors.add("title", "is too short (minimum is 3 characters)");
			return null;
		}
		return title;
	}

	private @Nullable Long categoryId(Caller caller, Fields fields, Errors errors) {
		Ref ref = fields.ref("categoryId");
		if (ref == null) {
			return null;
		}
		return this.categories.find(caller.accountId(), caller.livemode(), ref.toString())
			.map(BlogCategory::id)
			.orElseGet(() -> {
				errors.add("categoryId", "must exist");
				return null;
			});
	}

	private static @Nullable String seo(@Nullable Fields seo, String field, int max, Errors errors,
			@Nullable String current) {
		if (seo == null || !seo.has(field)) {
			return current;
		}
		return Rules.optional(errors, seo.key(field), seo.string(field), max);
	}

	/** A post with its category and public address, as its JSON shows it. */
	record Post(BlogPost post, @Nullable BlogCategory category, String url) {

		/** The author's excerpt, or one derived from the content. */
		String excerpt() {
			return this.post.shownExcerpt();
		}

	}

}
