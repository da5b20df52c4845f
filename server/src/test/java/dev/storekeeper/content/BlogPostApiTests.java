package dev.storekeeper.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.storekeeper.accounts.Accounts;
import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.storekeeper.content.ExperienceApiTests.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlogPostApiTests extends ApiTest {

	@Autowired
	Blog blog;

	@Autowired
	Accounts accounts;

	@Test
	void createsADraftWithDefaultsAndFindsItByPrefixIdSlugAndId() {
		Seller owner = this.sellers.create();
		Http seller = this.http.as(owner.test());
		Response created = seller.post("/v1/blog_posts",
				"{\"blogPost\":{\"title\":\"Hello World\",\"content\":\"<p>Hi <b>there</b></p>\"}}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.at("/prefixId");
		assertThat(id).startsWith("post_");
		assertThat(created.header("Location")).isEqualTo("/v1/blog_posts/" + id);
		assertThat(created.at("/status")).isEqualTo("draft");
		assertThat(created.at("/slug")).isEqualTo("hello-world");
		assertThat(created.json().get("indexable").asBoolean()).isTrue();
		assertThat(created.json().get("publishedAt").isNull()).isTrue();
		assertThat(created.json().get("scheduledAt").isNull()).isTrue();
		assertThat(created.json().has("category")).isFalse();
		assertThat(created.json().get("seo").get("title").isNull()).isTrue();
		assertThat(created.at("/excerpt")).isEqualTo("Hi there");
		// a test-mode post's url is its preview
		assertThat(created.at("/url")).endsWith("/blog/test/" + owner.account().subdomain() + "/hello-world");

		assertThat(seller.get("/v1/blog_posts/" + id).at("/title")).isEqualTo("Hello World");
		assertThat(seller.get("/v1/blog_posts/hello-world").at("/prefixId")).isEqualTo(id);
		assertThat(seller.get("/v1/blog_posts/" + created.at("/id")).at("/prefixId")).isEqualTo(id);
		assertThat(seller.post("/v1/blog_posts", "{\"title\":\"Hello World\"}").at("/slug")).isEqualTo("hello-world-1");
	}

	@Test
	void testModePostsHaveAPreviewUnderABannerNeverIndexedAndApartFromTheLiveBlog() {
		Seller owner = this.sellers.create();
		String subdomain = owner.account().subdomain();
		this.http.as(owner.live()).post("/v1/blog_posts", "{\"title\":\"Live news\",\"status\":\"published\"}");
		Response draft = this.http.as(owner.test())
			.post("/v1/blog_posts", "{\"title\":\"Glaze trials\",\"status\":\"published\",\"content\":\"<p>Hi</p>\"}");
		String url = java.net.URI.create(draft.at("/url")).getPath();
		assertThat(url).isEqualTo("/blog/test/" + subdomain + "/glaze-trials");

		Response post = this.http.send("GET", url, null, null);
		assertThat(post.status()).isEqualTo(200);
		assertThat(post.body()).contains("<h1>Glaze trials</h1>", "Test mode", "name=\"robots\" content=\"noindex\"");
		assertThat(post.header("X-Robots-Tag")).isEqualTo("noindex");
		Response index = this.http.send("GET", "/blog/test/" + subdomain + "/", null, null);
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("Glaze trials", "Test mode").doesNotContain("Live news");
		// each mode sees its own posts only
		assertThat(this.http.send("GET", "/blog/" + subdomain + "/glaze-trials", null, null).status()).isEqualTo(404);
		assertThat(this.http.send("GET", "/blog/test/" + subdomain + "/live-news", null, null).status()).isEqualTo(404);
		assertThat(this.http.send("GET", "/blog/" + subdomain + "/", null, null).body()).contains("Live news")
			.doesNotContain("Glaze trials", "Test mode");
		// no account may take the subdomain the previews use
		assertThatThrownBy(() -> this.accounts.create("Tester", "test", null)).isInstanceOf(InvalidRecord.class)
			.hasMessageContaining("reserved");
	}

	@Test
	void thePublicBlogShowsLivePublishedPostsOnly() {
		Seller owner = this.sellers.create();
		Http live = this.http.as(owner.live());
		String blog = "/blog/" + owner.account().subdomain() + "/";
		Response published = live.post("/v1/blog_posts", "{\"title\":\"Kiln notes\",\"status\":\"published\","
				+ "\"content\":\"<p>Cone 6 <script>alert(1)</script></p>\",\"indexable\":false}");
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		live.post("/v1/blog_posts", "{\"title\":\"Unfinished draft\"}");
		this.http.as(owner.test()).post("/v1/blog_posts", "{\"title\":\"Test mode post\",\"status\":\"published\"}");

		Response page = this.http.send("GET", java.net.URI.create(published.at("/url")).getPath(), null, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.header("X-Robots-Tag")).isEqualTo("noindex");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
		// The post's HTML goes into a sandboxed frame, escaped: nothing of it runs on the
		// page.
		assertThat(page.body())
			.contains("<h1>Kiln notes</h1>", "<iframe sandbox",
					"srcdoc=\"&lt;p&gt;Cone 6 &lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;")
			.doesNotContain("<script>alert");

		Response index = this.http.send("GET", blog, null, null);
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("Kiln notes").doesNotContain("Unfinished draft", "Test mode post");
		assertThat(this.http.send("GET", blog + "unfinished-draft", null, null).status()).isEqualTo(404);
		assertThat(this.http.send("GET", blog + "test-mode-post", null, null).status()).isEqualTo(404);
		assertThat(this.http.send("GET", "/blog/no-such-store-here/kiln-notes", null, null).status()).isEqualTo(404);
	}

	@Test
	void titleIsRequiredAndBetween3And200Characters() {
		Http seller = this.http.as(this.sellers.create().test());
		assertValidation(seller.post("/v1/blog_posts", "{\"blog_post\":{\"content\":\"x\"}}"), "Title can't be blank",
				"title", "can't be blank");
		assertValidation(seller.post("/v1/blog_posts", "{\"title\":\"ab\"}"),
				"Title is too short (minimum is 3 characters)", "title", "is too short (minimum is 3 characters)");
		assertValidation(seller.post("/v1/blog_posts", "{\"title\":\"" + "t".repeat(201) + "\"}"),
				"Title is too long (maximum is 200 characters)", "title", "is too long (maximum is 200 characters)");
		assertThat(seller.post("/v1/blog_posts", "{\"title\":\"abc\"}").status()).isEqualTo(201);
		assertThat(seller.post("/v1/blog_posts", "{\"title\":\"" + "t".repeat(200) + "\"}").status()).isEqualTo(201);
		assertThat(seller.get("/v1/blog_posts?status=all").at("/pagination/count")).isEqualTo("2");
	}

	@Test
	void statusMustBeKnownAndPublishingSetsPublishedAt() {
		Http seller = this.http.as(this.sellers.create().test());
		assertValidation(seller.post("/v1/blog_posts", "{\"title\":\"Post\",\"status\":\"live\"}"),
				"Status is not included in the list", "status", "is not included in the list");
		Response published = seller.post("/v1/blog_posts", "{\"title\":\"Post\",\"status\":\"published\"}");
		assertThat(published.status()).isEqualTo(201);
		assertThat(published.at("/status")).isEqualTo("published");
		assertThat(Instant.parse(published.at("/publishedAt"))).isCloseTo(Instant.now(), within());

		String draft = seller.post("/v1/blog_posts", "{\"title\":\"Draft\"}").at("/prefixId");
		Response later = seller.patch("/v1/blog_posts/" + draft, "{\"status\":\"published\"}");
		assertThat(later.at("/status")).isEqualTo("published");
		assertThat(later.at("/publishedAt")).isNotEmpty();
		Response archived = seller.patch("/v1/blog_posts/" + draft, "{\"status\":\"archived\"}");
		assertThat(archived.at("/status")).as("the reference knows no archived").isEqualTo("draft");
		assertThat(archived.at("/archived")).isEqualTo("true");
		assertThat(archived.at("/publishedAt")).isEqualTo(later.at("/publishedAt"));
		Response unpublished = seller.patch("/v1/blog_posts/" + draft, "{\"status\":\"draft\"}");
		assertThat(unpublished.json().get("publishedAt").isNull()).isTrue();
	}

	@Test
	void aScheduledPostNeedsATimeInTheFuture() {
		Http seller = this.http.as(this.sellers.create().test());
		assertValidation(seller.post("/v1/blog_posts", "{\"title\":\"Soon\",\"status\":\"scheduled\"}"),
				"Scheduled at can't be blank", "scheduledAt", "can't be blank");
		assertValidation(
				seller.post("/v1/blog_posts",
						"{\"title\":\"Soon\",\"status\":\"scheduled\",\"scheduledAt\":\"2020-01-01T00:00:00Z\"}"),
				"Scheduled at must be in the future", "scheduledAt", "must be in the future");
		assertValidation(
				seller.post("/v1/blog_posts", "{\"title\":\"Soon\",\"status\":\"scheduled\",\"scheduledAt\":\"soon\"}"),
				"Scheduled at is not a valid time (ISO 8601, such as 2026-11-22T05:31:56Z)", "scheduledAt",
				"is not a valid time (ISO 8601, such as 2026-11-22T05:31:56Z)");
		Instant when = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Response scheduled = seller.post("/v1/blog_posts",
				"{\"title\":\"Soon\",\"status\":\"scheduled\",\"scheduled_at\":\"" + when + "\"}");
		assertThat(scheduled.status()).isEqualTo(201);
		assertThat(scheduled.at("/status")).isEqualTo("scheduled");
		assertThat(scheduled.at("/scheduledAt")).isEqualTo(when.toString());
		assertThat(scheduled.json().get("publishedAt").isNull()).isTrue();
		assertThat(seller.get("/v1/blog_posts").at("/pagination/count")).isEqualTo("0");
		assertThat(seller.get("/v1/blog_posts?status=scheduled").at("/items/0/title")).isEqualTo("Soon");

		assertValidation(
				seller.patch("/v1/blog_posts/" + scheduled.at("/prefixId"),
						"{\"scheduledAt\":\"2020-01-01T00:00:00Z\"}"),
				"Scheduled at must be in the future", "scheduledAt", "must be in the future");
		assertThat(seller.patch("/v1/blog_posts/" + scheduled.at("/prefixId"), "{\"title\":\"Renamed\"}").status())
			.isEqualTo(200);
	}

	@Test
	void scheduledPostsArePublishedWhenDue() {
		Http seller = this.http.as(this.sellers.create().test());
		Instant due = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Instant later = due.plus(300, ChronoUnit.DAYS);
		String first = seller
			.post("/v1/blog_posts", "{\"title\":\"First\",\"status\":\"scheduled\",\"scheduledAt\":\"" + due + "\"}")
			.at("/prefixId");
		String second = seller
			.post("/v1/blog_posts", "{\"title\":\"Second\",\"status\":\"scheduled\",\"scheduledAt\":\"" + later + "\"}")
			.at("/prefixId");

		this.blog.publishDue(due.minusSeconds(1));
		assertThat(seller.get("/v1/blog_posts/" + first).at("/status")).isEqualTo("scheduled");

		assertThat(this.blog.publishDue(due)).isGreaterThanOrEqualTo(1);
		Response published = seller.get("/v1/blog_posts/" + first);
		assertThat(published.at("/status")).isEqualTo("published");
		assertThat(published.at("/publishedAt")).isEqualTo(due.toString());
		assertThat(seller.get("/v1/blog_posts/" + second).at("/status")).isEqualTo("scheduled");

		Response list = seller.get("/v1/blog_posts");
		assertThat(list.at("/pagination/count")).isEqualTo("1");
		assertThat(list.at("/items/0/prefixId")).isEqualTo(first);
		assertThat(this.blog.publishDue(due)).isZero();
	}

	@Test
	void theExcerptIsDerivedFromTheContentWhenEmpty() {
		Http seller = this.http.as(this.sellers.create().test());
		Response derived = seller.post("/v1/blog_posts",
				"{\"title\":\"Post\",\"content\":\"<h1>Title</h1><p>Fish &amp; chips<script>x()</script></p>\"}");
		assertThat(derived.at("/excerpt")).isEqualTo("Title Fish & chips");
		String id = derived.at("/prefixId");
		assertThat(seller.patch("/v1/blog_posts/" + id, "{\"content\":\"<p>" + "abcdef ".repeat(60) + "</p>\"}")
			.at("/excerpt")).hasSize(200).startsWith("abcdef abcdef");
		assertThat(seller.patch("/v1/blog_posts/" + id, "{\"excerpt\":\"Mine\"}").at("/excerpt")).isEqualTo("Mine");
		assertThat(seller.patch("/v1/blog_posts/" + id, "{\"excerpt\":\"\"}").at("/excerpt"))
			.startsWith("abcdef abcdef");
		assertValidation(seller.patch("/v1/blog_posts/" + id, "{\"excerpt\":\"" + "e".repeat(501) + "\"}"),
				"Excerpt is too long (maximum is 500 characters)", "excerpt",
				"is too long (maximum is 500 characters)");
	}

	@Test
	void indexableIsTrueByDefaultAndMustBeABoolean() {
		Http seller = this.http.as(this.sellers.create().test());
		Response hidden = seller.post("/v1/blog_posts", "{\"title\":\"Post\",\"indexable\":false}");
		assertThat(hidden.json().get("indexable").asBoolean()).isFalse();
		assertThat(seller.patch("/v1/blog_posts/" + hidden.at("/prefixId"), "{\"title\":\"Again\"}")
			.json()
			.get("indexable")
			.asBoolean()).isFalse();
		assertValidation(seller.post("/v1/blog_posts", "{\"title\":\"Post\",\"indexable\":\"maybe\"}"),
				"Indexable must be true or false", "indexable", "must be true or false");
	}

	@Test
	void seoFieldsHaveLimits() {
		Http seller = this.http.as(this.sellers.create().test());
		Response post = seller.post("/v1/blog_posts",
				"{\"title\":\"Post\",\"seo\":{\"title\":\"Seo\",\"description\":\"About\",\"keywords\":\"a,b\"}}");
		assertThat(post.at("/seo/title")).isEqualTo("Seo");
		assertThat(post.at("/seo/keywords")).isEqualTo("a,b");
		assertValidation(
				seller.patch("/v1/blog_posts/" + post.at("/prefixId"),
						"{\"seo\":{\"title\":\"" + "s".repeat(61) + "\"}}"),
				"Seo title is too long (maximum is 60 characters)", "seo.title",
				"is too long (maximum is 60 characters)");
		assertValidation(
				seller.post("/v1/blog_posts",
						"{\"title\":\"Post\",\"seo\":{\"description\":\"" + "s".repeat(161) + "\"}}"),
				"Seo description is too long (maximum is 160 characters)", "seo.description",
				"is too long (maximum is 160 characters)");
		assertValidation(
				seller.post("/v1/blog_posts",
						"{\"title\":\"Post\",\"seo\":{\"keywords\":\"" + "k".repeat(501) + "\"}}"),
				"Seo keywords is too long (maximum is 500 characters)", "seo.keywords",
				"is too long (maximum is 500 characters)");
		Response partial = seller.patch("/v1/blog_posts/" + post.at("/prefixId"), "{\"seo\":{\"title\":\"New\"}}");
		assertThat(partial.at("/seo/title")).isEqualTo("New");
		assertThat(partial.at("/seo/description")).isEqualTo("About");
	}

	@Test
	void aPostsCategoryIsTheCallersOwn() {
		Seller owner = this.sellers.create();
		Http seller = this.http.as(owner.test());
		Response category = seller.post("/v1/blog_categories", "{\"name\":\"Tutorials\"}");
		Response post = seller.post("/v1/blog_posts",
				"{\"title\":\"Post\",\"status\":\"published\",\"categoryId\":\"" + category.at("/prefixId") + "\"}");
		assertThat(post.status()).isEqualTo(201);
		assertThat(post.at("/category/slug")).isEqualTo("tutorials");
		assertThat(post.at("/category/blogPostsCount")).isEqualTo("1");
		Response bySlug = seller.post("/v1/blog_posts", "{\"title\":\"Other\",\"category_id\":\"tutorials\"}");
		assertThat(bySlug.at("/category/prefixId")).isEqualTo(category.at("/prefixId"));
		Response byId = seller.post("/v1/blog_posts",
				"{\"title\":\"Third\",\"categoryId\":" + category.at("/id") + "}");
		assertThat(byId.at("/category/name")).isEqualTo("Tutorials");
		Response cleared = seller.patch("/v1/blog_posts/" + byId.at("/prefixId"), "{\"categoryId\":null}");
		assertThat(cleared.json().has("category")).isFalse();

		assertValidation(seller.post("/v1/blog_posts", "{\"title\":\"Post\",\"categoryId\":\"bcat_nope\"}"),
				"Category must exist", "categoryId", "must exist");
		String foreign = this.http.as(owner.live())
			.post("/v1/blog_categories", "{\"name\":\"Live only\"}")
			.at("/prefixId");
		assertValidation(seller.post("/v1/blog_posts", "{\"title\":\"Post\",\"categoryId\":\"" + foreign + "\"}"),
				"Category must exist", "categoryId", "must exist");
	}

	@Test
	void listsFilterByStatusAndCategorySlug() {
		Http seller = this.http.as(this.sellers.create().test());
		seller.post("/v1/blog_categories", "{\"name\":\"News\"}");
		seller.post("/v1/blog_categories", "{\"name\":\"Guides\"}");
		seller.post("/v1/blog_posts", "{\"title\":\"Old news\",\"status\":\"published\",\"categoryId\":\"news\"}");
		seller.post("/v1/blog_posts", "{\"title\":\"A guide\",\"status\":\"published\",\"categoryId\":\"guides\"}");
		seller.post("/v1/blog_posts", "{\"title\":\"Draft news\",\"categoryId\":\"news\"}");
		seller.post("/v1/blog_posts", "{\"title\":\"Gone\",\"status\":\"archived\"}");

		Response published = seller.get("/v1/blog_posts");
		assertThat(published.at("/pagination/count")).isEqualTo("2");
		assertThat(published.at("/items/0/title")).isEqualTo("A guide");
		Response news = seller.get("/v1/blog_posts?category_id=news");
		assertThat(news.at("/pagination/count")).isEqualTo("1");
		assertThat(news.at("/items/0/title")).isEqualTo("Old news");
		assertThat(seller.get("/v1/blog_posts?category_id=news&status=draft").at("/items/0/title"))
			.isEqualTo("Draft news");
		assertThat(seller.get("/v1/blog_posts?status=archived").at("/items/0/title")).isEqualTo("Gone");
		assertThat(seller.get("/v1/blog_posts?status=all").at("/pagination/count")).isEqualTo("4");
		assertThat(seller.get("/v1/blog_posts?category_id=unknown").at("/pagination/count")).isEqualTo("0");

		Response invalid = seller.get("/v1/blog_posts?status=live");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.at("/error/type")).isEqualTo("parameter_invalid");
		assertThat(invalid.at("/error/message"))
			.isEqualTo("status must be one of: all, archived, draft, published, scheduled");
	}

	@Test
	void aListPageCostsTheSameStatementsWhateverItsSize() {
		Http small = this.http.as(this.sellers.create().test());
		Http large = this.http.as(this.sellers.create().test());
		small.post("/v1/blog_categories", "{\"name\":\"News\"}");
		large.post("/v1/blog_categories", "{\"name\":\"News\"}");
		large.post("/v1/blog_categories", "{\"name\":\"Guides\"}");
		small.post("/v1/blog_posts", "{\"title\":\"Post\",\"status\":\"published\",\"categoryId\":\"news\"}");
		IntStream.range(0, 6)
			.forEach(
					(i) -> large.post("/v1/blog_posts", "{\"title\":\"Post\",\"status\":\"published\",\"categoryId\":\""
							+ ((i % 2 == 0) ? "news" : "guides") + "\"}"));
		small.get("/v1/blog_posts");
		large.get("/v1/blog_posts");
		long one = this.sql.count(() -> small.get("/v1/blog_posts")).statements();
		var many = this.sql.count(() -> large.get("/v1/blog_posts"));
		assertThat(many.result().json().get("items").size()).isEqualTo(6);
		assertThat(many.result().at("/items/0/category/blogPostsCount")).isEqualTo("3");
		assertThat(many.statements()).isEqualTo(one);
	}

	@Test
	void slugsCanBeChosenOnceFree() {
		Http seller = this.http.as(this.sellers.create().test());
		Response chosen = seller.post("/v1/blog_posts", "{\"title\":\"Post\",\"slug\":\"my-post\"}");
		assertThat(chosen.at("/slug")).isEqualTo("my-post");
		assertValidation(seller.post("/v1/blog_posts", "{\"title\":\"Other\",\"slug\":\"my-post\"}"),
				"Slug has already been taken", "slug", "has already been taken");
		assertValidation(seller.post("/v1/blog_posts", "{\"title\":\"Other\",\"slug\":\"2024\"}"),
				"Slug must be lower-case letters, digits and hyphens, with at least one letter", "slug",
				"must be lower-case letters, digits and hyphens, with at least one letter");
		assertThat(seller.post("/v1/blog_posts", "{\"title\":\"2024\"}").at("/slug")).isEqualTo("post-2024");
		Response renamed = seller.patch("/v1/blog_posts/my-post", "{\"slug\":\"renamed\",\"title\":\"New title\"}");
		assertThat(renamed.at("/slug")).isEqualTo("renamed");
		assertThat(seller.get("/v1/blog_posts/my-post").status()).isEqualTo(404);
	}

	@Test
	void contentIsAtMost500000Characters() {
		Http seller = this.http.as(this.sellers.create().test());
		assertValidation(
				seller.post("/v1/blog_posts", "{\"title\":\"Post\",\"content\":\"" + "c".repeat(500_001) + "\"}"),
				"Content is too long (maximum is 500000 characters)", "content",
				"is too long (maximum is 500000 characters)");
		assertThat(seller.post("/v1/blog_posts", "{\"title\":\"Post\",\"content\":\"" + "c".repeat(500_000) + "\"}")
			.status()).isEqualTo(201);
	}

	@Test
	void deletesAPost() {
		Http seller = this.http.as(this.sellers.create().test());
		String id = seller.post("/v1/blog_posts", "{\"title\":\"Post\"}").at("/prefixId");
		assertThat(seller.delete("/v1/blog_posts/" + id).status()).isEqualTo(200);
		assertNotFound(seller.get("/v1/blog_posts/" + id));
	}

	@Test
	void anotherAccountsOrModesPostsAreNotFound() {
		Seller owner = this.sellers.create();
		Response created = this.http.as(owner.test())
			.post("/v1/blog_posts", "{\"title\":\"Secret plans\",\"status\":\"published\"}");
		String id = created.at("/prefixId");
		for (String token : new String[] { owner.live(), this.sellers.create().test() }) {
			Http other = this.http.as(token);
			for (String key : new String[] { id, "secret-plans", created.at("/id") }) {
				assertNotFound(other.get("/v1/blog_posts/" + key));
				assertNotFound(other.patch("/v1/blog_posts/" + key, "{\"title\":\"Stolen\"}"));
				assertNotFound(
						other.send("PUT", "/v1/blog_posts/" + key, "{\"title\":\"Stolen\"}", "application/json"));
				assertNotFound(other.delete("/v1/blog_posts/" + key));
			}
			assertThat(other.get("/v1/blog_posts?status=all").at("/pagination/count")).isEqualTo("0");
		}
		assertThat(this.http.as(owner.test()).get("/v1/blog_posts/" + id).at("/title")).isEqualTo("Secret plans");
	}

	private static void assertNotFound(Response response) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.at("/error/type")).isEqualTo("not_found");
		assertThat(response.at("/error/message")).isEqualTo("Blog post not found");
	}

	private static org.assertj.core.data.TemporalUnitOffset within() {
		return org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES);
	}

}
