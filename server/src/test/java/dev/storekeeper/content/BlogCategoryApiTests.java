package dev.storekeeper.content;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static dev.storekeeper.content.ExperienceApiTests.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

class BlogCategoryApiTests extends ApiTest {

	@Test
	void createsACategoryWithAGeneratedSlug() {
		Http seller = this.http.as(this.sellers.create().test());
		Response created = seller.post("/v1/blog_categories",
				"{\"blogCategory\":{\"name\":\"How-To Guides\",\"description\":\"Step by step\"}}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.at("/prefixId");
		assertThat(id).startsWith("bcat_");
		assertThat(created.header("Location")).isEqualTo("/v1/blog_categories/" + id);
		assertThat(created.at("/slug")).isEqualTo("how-to-guides");
		assertThat(created.at("/description")).isEqualTo("Step by step");
		assertThat(created.at("/blogPostsCount")).isEqualTo("0");
		assertThat(seller.get("/v1/blog_categories/" + id).at("/name")).isEqualTo("How-To Guides");
		assertThat(seller.get("/v1/blog_categories/how-to-guides").at("/prefixId")).isEqualTo(id);
		assertThat(seller.get("/v1/blog_categories").at("/items/0/prefixId")).isEqualTo(id);
	}

	@Test
	void nameIsRequiredAndUniquePerAccountAndModeIgnoringCase() {
		Seller owner = this.sellers.create();
		Http seller = this.http.as(owner.test());
		assertValidation(seller.post("/v1/blog_categories", "{\"description\":\"x\"}"), "Name can't be blank", "name",
				"can't be blank");
		assertValidation(seller.post("/v1/blog_categories", "{\"name\":\"" + "n".repeat(101) + "\"}"),
				"Name is too long (maximum is 100 characters)", "name", "is too long (maximum is 100 characters)");
		assertValidation(
				seller.post("/v1/blog_categories", "{\"name\":\"D\",\"description\":\"" + "d".repeat(1001) + "\"}"),
				"Description is too long (maximum is 1000 characters)", "description",
				"is too long (maximum is 1000 characters)");
		assertThat(
				seller.post("/v1/blog_categories", "{\"name\":\"News\",\"description\":\"" + "d".repeat(1000) + "\"}")
					.status())
			.isEqualTo(201);
		assertValidation(seller.post("/v1/blog_categories", "{\"name\":\"NEWS\"}"), "Name has already been taken",
				"name", "has already been taken");
		Response live = this.http.as(owner.live()).post("/v1/blog_categories", "{\"name\":\"News\"}");
		assertThat(live.status()).isEqualTo(201);
		assertThat(live.at("/slug")).isEqualTo("news");
		assertThat(
				this.http.as(this.sellers.create().test()).post("/v1/blog_categories", "{\"name\":\"News\"}").status())
			.isEqualTo(201);
		assertThat(seller.get("/v1/blog_categories").at("/pagination/count")).isEqualTo("1");
	}

	@Test
	void renamingKeepsTheSlugAndChecksUniqueness() {
		Http seller = this.http.as(this.sellers.create().test());
		String news = seller.post("/v1/blog_categories", "{\"name\":\"News\"}").at("/prefixId");
		seller.post("/v1/blog_categories", "{\"name\":\"Guides\"}");
		Response renamed = seller.patch("/v1/blog_categories/" + news, "{\"name\":\"Latest news\"}");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.at("/name")).isEqualTo("Latest news");
		assertThat(renamed.at("/slug")).isEqualTo("news");
		assertThat(seller.patch("/v1/blog_categories/" + news, "{\"name\":\"latest NEWS\"}").status()).isEqualTo(200);
		assertValidation(seller.patch("/v1/blog_categories/" + news, "{\"name\":\"guides\"}"),
				"Name has already been taken", "name", "has already been taken");
		assertValidation(seller.patch("/v1/blog_categories/" + news, "{\"slug\":\"guides\"}"),
				"Slug has already been taken", "slug", "has already been taken");
		assertValidation(seller.patch("/v1/blog_categories/" + news, "{\"name\":\"\"}"), "Name can't be blank", "name",
				"can't be blank");
	}

	@Test
	void countsPublishedPostsAndDeletingKeepsThePosts() {
		Http seller = this.http.as(this.sellers.create().test());
		String news = seller.post("/v1/blog_categories", "{\"name\":\"News\"}").at("/prefixId");
		String post = seller
			.post("/v1/blog_posts", "{\"title\":\"Published\",\"status\":\"published\",\"categoryId\":\"news\"}")
			.at("/prefixId");
		seller.post("/v1/blog_posts", "{\"title\":\"Draft\",\"categoryId\":\"news\"}");
		assertThat(seller.get("/v1/blog_categories/" + news).at("/blogPostsCount")).isEqualTo("1");
		assertThat(seller.delete("/v1/blog_categories/" + news).status()).isEqualTo(200);
		Response gone = seller.get("/v1/blog_categories/" + news);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.at("/error/message")).isEqualTo("Blog category not found");
		Response kept = seller.get("/v1/blog_posts/" + post);
		assertThat(kept.status()).isEqualTo(200);
		assertThat(kept.json().has("category")).isFalse();
	}

	@Test
	void anotherAccountsOrModesCategoriesAreNotFound() {
		Seller owner = this.sellers.create();
		Response created = this.http.as(owner.test()).post("/v1/blog_categories", "{\"name\":\"Private\"}");
		String id = created.at("/prefixId");
		for (String token : new String[] { owner.live(), this.sellers.create().test() }) {
			Http other = this.http.as(token);
			for (String key : new String[] { id, "private", created.at("/id") }) {
				assertNotFound(other.get("/v1/blog_categories/" + key));
				assertNotFound(other.patch("/v1/blog_categories/" + key, "{\"name\":\"Stolen\"}"));
				assertNotFound(
						other.send("PUT", "/v1/blog_categories/" + key, "{\"name\":\"Stolen\"}", "application/json"));
				assertNotFound(other.delete("/v1/blog_categories/" + key));
			}
			assertThat(other.get("/v1/blog_categories").at("/pagination/count")).isEqualTo("0");
		}
		assertThat(this.http.as(owner.test()).get("/v1/blog_categories/" + id).at("/name")).isEqualTo("Private");
	}

	private static void assertNotFound(Response response) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.at("/error/type")).isEqualTo("not_found");
		assertThat(response.at("/error/message")).isEqualTo("Blog category not found");
	}

}
