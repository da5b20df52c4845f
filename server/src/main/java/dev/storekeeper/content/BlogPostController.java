package dev.storekeeper.content;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Deleted;
import dev.storekeeper.content.BlogCategoryController.BlogCategoryJson;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.QueryParams;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.storekeeper.platform.web.WireSchema;

/** {@code /v1/blog_posts}: the caller's blog posts in its mode. */
@RestController
@RequestMapping(path = "/v1/blog_posts", produces = "application/json")
class BlogPostController {

	private static final Set<String> STATUS_FILTERS = Set.of("draft", "published", "scheduled", "archived", "all");

	private final Blog blog;

	BlogPostController(Blog blog) {
		this.blog = blog;
	}

	/**
	 * Published posts unless {@code status} says otherwise; {@code category_id} is a
	 * category's slug.
	 */
	@GetMapping
	Page<BlogPostJson> list(Caller caller, PageQuery page, @RequestParam(required = false) @Nullable String status,
			@RequestParam(name = "category_id", required = false) @Nullable String categoryId) {
		String filter = QueryParams.oneOf("status", status, STATUS_FILTERS, BlogPost.PUBLISHED);
		String category = (categoryId != null && !categoryId.isBlank()) ? categoryId.trim() : null;
		return this.blog.posts(caller, page, "all".equals(filter) ? null : filter, category).map(BlogPostJson::of);
	}

	@GetMapping("/{id}")
	BlogPostJson get(Caller caller, @PathVariable String id) {
		return BlogPostJson.of(this.blog.post(caller, id));
	}

	@PostMapping
	ResponseEntity<BlogPostJson> create(Caller caller, JsonBody body) {
		BlogPostJson created = BlogPostJson.of(this.blog.createPost(caller, body.unwrap("blogPost")));
		return ResponseEntity.created(URI.create("/v1/blog_posts/" + created.prefixId())).body(created);
	}

	@PatchMapping("/{id}")
	BlogPostJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return BlogPostJson.of(this.blog.updatePost(caller, id, body.unwrap("blogPost")));
	}

	@PutMapping("/{id}")
	BlogPostJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@DeleteMapping("/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = get(caller, id);
		this.blog.deletePost(caller, id);
		return Deleted.of("blog_post", before);
	}

	/**
	 * A blog post on the wire, as the reference's {@code BlogPost}.
	 *
	 * @param featuredImage always null: images need file storage, which does not exist
	 * yet
	 * @param socialMediaImage always null, for the same reason
	 * @param archived (ext) whether the post is archived: the reference's {@code status}
	 * knows no {@code archived}, so an archived post answers {@code draft} (it is not
	 * shown) with {@code archived: true}
	 */
	@WireSchema("BlogPost")
	record BlogPostJson(long id, String prefixId, boolean livemode, String title, String slug, String content,
			String status, boolean archived, boolean indexable, String excerpt, String url,
			@Nullable Instant publishedAt, @Nullable Instant scheduledAt, @Nullable BlogCategoryJson category,
			SeoJson seo, @Nullable Object featuredImage, @Nullable Object socialMediaImage, Instant createdAt,
			Instant updatedAt) {

		static BlogPostJson of(Blog.Post view) {
			BlogPost post = view.post();
			boolean archived = BlogPost.ARCHIVED.equals(post.status());
			return new BlogPostJson(post.id(), post.prefixId(), post.livemode(), post.title(), post.slug(),
					post.content(), archived ? BlogPost.DRAFT : post.status(), archived, post.indexable(),
					view.excerpt(), view.url(), post.publishedAt(), post.scheduledAt(),
					(view.category() != null) ? BlogCategoryJson.of(view.category()) : null,
					new SeoJson(post.seoTitle(), post.seoDescription(), post.seoKeywords()), null, null,
					post.createdAt(), post.updatedAt());
		}

	}

	/** Search-engine fields of a post. */
	@WireSchema("Seo")
	record SeoJson(@Nullable String title, @Nullable String description, @Nullable String keywords) {
	}

}
