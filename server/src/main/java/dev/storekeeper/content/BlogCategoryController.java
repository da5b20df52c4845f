package dev.storekeeper.content;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Deleted;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.storekeeper.platform.web.WireSchema;

/** {@code /v1/blog_categories}: the caller's blog categories in its mode. */
@RestController
@RequestMapping(path = "/v1/blog_categories", produces = "application/json")
class BlogCategoryController {

	private final Blog blog;

	BlogCategoryController(Blog blog) {
		this.blog = blog;
	}

	@GetMapping
	Page<BlogCategoryJson> list(Caller caller, PageQuery page) {
		return this.blog.categories(caller, page).map(BlogCategoryJson::of);
	}

	@GetMapping("/{id}")
	BlogCategoryJson get(Caller caller, @PathVariable String id) {
		return BlogCategoryJson.of(this.blog.category(caller, id));
	}

	@PostMapping
	ResponseEntity<BlogCategoryJson> create(Caller caller, JsonBody body) {
		BlogCategoryJson created = BlogCategoryJson.of(this.blog.createCategory(caller, body.unwrap("blogCategory")));
		return ResponseEntity.created(URI.create("/v1/blog_categories/" + created.prefixId())).body(created);
	}

	@PatchMapping("/{id}")
	BlogCategoryJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return BlogCategoryJson.of(this.blog.updateCategory(caller, id, body.unwrap("blogCategory")));
	}

	@PutMapping("/{id}")
	BlogCategoryJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@DeleteMapping("/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = get(caller, id);
		this.blog.deleteCategory(caller, id);
		return Deleted.of("blog_category", before);
	}

	/**
	 * A blog category on the wire, as the reference's {@code BlogCategory}.
	 *
	 * @param blogPostsCount the number of published posts in it
	 */
	@WireSchema("BlogCategory")
	record BlogCategoryJson(long id, String prefixId, boolean livemode, String name, String slug,
			@Nullable String description, long blogPostsCount, Instant createdAt, Instant updatedAt) {

		static BlogCategoryJson of(BlogCategory category) {
			return new BlogCategoryJson(category.id(), category.prefixId(), category.livemode(), category.name(),
					category.slug(), category.description(), category.publishedPosts(), category.createdAt(),
					category.updatedAt());
		}

	}

}
