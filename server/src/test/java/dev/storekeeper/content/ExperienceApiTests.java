package dev.storekeeper.content;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

class ExperienceApiTests extends ApiTest {

	private static final String WRITTEN = """
			{"experience":{"name":"My Course","itemType":"written","content":{"bodyHtml":"<p>Hi</p>"}}}
			""";

	@Test
	void createsAWrittenExperienceAndFindsItByPrefixIdSlugAndId() {
		Http seller = this.http.as(this.sellers.create().test());
		Response created = seller.post("/v1/experiences", WRITTEN);
		assertThat(created.status()).isEqualTo(201);
		String prefixId = created.at("/prefixId");
		assertThat(prefixId).startsWith("exp_");
		assertThat(created.header("Location")).isEqualTo("/v1/experiences/" + prefixId);
		assertThat(created.at("/slug")).isEqualTo("my-course");
		assertThat(created.at("/accessType")).isEqualTo("secret");
		assertThat(created.at("/itemType")).isEqualTo("written");
		assertThat(created.at("/typeForDisplay")).isEqualTo("Written");
		assertThat(created.json().get("livemode").asBoolean()).isFalse();
		assertThat(created.at("/content/bodyHtml")).isEqualTo("<p>Hi</p>");
		assertThat(created.json().get("content").has("url")).isFalse();

		assertThat(seller.get("/v1/experiences/" + prefixId).at("/name")).isEqualTo("My Course");
		assertThat(seller.get("/v1/experiences/my-course").at("/prefixId")).isEqualTo(prefixId);
		assertThat(seller.get("/v1/experiences/" + created.at("/id")).at("/prefixId")).isEqualTo(prefixId);
	}

	@Test
	void acceptsSnakeCaseAndUnwrappedBodies() {
		Http seller = this.http.as(this.sellers.create().test());
		Response created = seller.post("/v1/experiences",
				"{\"name\":\"Open link\",\"item_type\":\"link\",\"access_type\":\"open\","
						+ "\"content\":{\"url\":\"https://example.com/x\"}}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.at("/accessType")).isEqualTo("open");
		assertThat(created.at("/content/url")).isEqualTo("https://example.com/x");
	}

	@Test
	void slugsAreUniquePerAccountAndMode() {
		Seller owner = this.sellers.create();
		Http test = this.http.as(owner.test());
		assertThat(test.post("/v1/experiences", WRITTEN).at("/slug")).isEqualTo("my-course");
		assertThat(test.post("/v1/experiences", WRITTEN).at("/slug")).isEqualTo("my-course-1");
		assertThat(test.post("/v1/experiences", WRITTEN).at("/slug")).isEqualTo("my-course-2");
		assertThat(this.http.as(owner.live()).post("/v1/experiences", WRITTEN).at("/slug")).isEqualTo("my-course");
		assertThat(this.http.as(this.sellers.create().test()).post("/v1/experiences", WRITTEN).at("/slug"))
			.isEqualTo("my-course");

		Response taken = test.post("/v1/experiences",
				"{\"name\":\"Other\",\"slug\":\"my-course-1\",\"itemType\":\"download\"}");
		assertValidation(taken, "Slug has already been taken", "slug", "has already been taken");
		Response invalid = test.post("/v1/experiences",
				"{\"name\":\"Other\",\"slug\":\"Not A Slug\",\"itemType\":\"download\"}");
		assertValidation(invalid, "Slug must be lower-case letters, digits and hyphens, with at least one letter",
				"slug", "must be lower-case letters, digits and hyphens, with at least one letter");
		Response chosen = test.post("/v1/experiences",
				"{\"name\":\"Other\",\"slug\":\"chosen-1\",\"itemType\":\"download\"}");
		assertThat(chosen.status()).isEqualTo(201);
		assertThat(chosen.at("/slug")).isEqualTo("chosen-1");
	}

	@Test
	void nameIsRequiredAndAtMost100Characters() {
		Http seller = this.http.as(this.sellers.create().test());
		assertValidation(seller.post("/v1/experiences", "{\"name\":\" \",\"itemType\":\"download\"}"),
				"Name can't be blank", "name", "can't be blank");
		String tooLong = "n".repeat(101);
		assertValidation(seller.post("/v1/experiences", "{\"name\":\"" + tooLong + "\",\"itemType\":\"download\"}"),
				"Name is too long (maximum is 100 characters)", "name", "is too long (maximum is 100 characters)");
		Response longest = seller.post("/v1/experiences",
				"{\"name\":\"" + "n".repeat(100) + "\",\"itemType\":\"download\"}");
		assertThat(longest.status()).isEqualTo(201);
	}

	@Test
	void descriptionAndHtmlHaveLimits() {
		Http seller = this.http.as(this.sellers.create().test());
		assertValidation(
				seller.post("/v1/experiences",
						"{\"name\":\"X\",\"itemType\":\"download\",\"description\":\"" + "d".repeat(5001) + "\"}"),
				"Description is too long (maximum is 5000 characters)", "description",
				"is too long (maximum is 5000 characters)");
		assertThat(seller
			.post("/v1/experiences",
					"{\"name\":\"X\",\"itemType\":\"download\",\"description\":\"" + "d".repeat(5000) + "\"}")
			.status()).isEqualTo(201);
		assertValidation(
				seller.post("/v1/experiences",
						"{\"name\":\"W\",\"itemType\":\"written\",\"content\":{\"bodyHtml\":\"" + "b".repeat(500_001)
								+ "\"}}"),
				"Content body html is too long (maximum is 500000 characters)", "content.bodyHtml",
				"is too long (maximum is 500000 characters)");
	}

	@Test
	void itemTypeAndAccessTypeMustBeKnown() {
		Http seller = this.http.as(this.sellers.create().test());
		assertValidation(seller.post("/v1/experiences", "{\"name\":\"X\"}"), "Item type can't be blank", "itemType",
				"can't be blank");
		assertValidation(seller.post("/v1/experiences", "{\"name\":\"X\",\"itemType\":\"community\"}"),
				"Item type is not included in the list", "itemType", "is not included in the list");
		assertValidation(
				seller.post("/v1/experiences", "{\"name\":\"X\",\"itemType\":\"download\",\"accessType\":\"public\"}"),
				"Access type is not included in the list", "accessType", "is not included in the list");
		Response both = seller.post("/v1/experiences", "{\"name\":\"\",\"itemType\":\"nope\"}");
		assertThat(both.at("/error/message")).isEqualTo("Name can't be blank, Item type is not included in the list");
	}

	@Test
	void anEmptyBodyIsAMissingParameter() {
		Http seller = this.http.as(this.sellers.create().test());
		Response response = seller.send("POST", "/v1/experiences", null, "application/json");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/error/type")).isEqualTo("parameter_missing");
	}

	@Test
	void aLinkNeedsAnHttpUrl() {
		Http seller = this.http.as(this.sellers.create().test());
		assertValidation(seller.post("/v1/experiences", "{\"name\":\"L\",\"itemType\":\"link\"}"),
				"Content url can't be blank", "content.url", "can't be blank");
		assertValidation(
				seller.post("/v1/experiences",
						"{\"name\":\"L\",\"itemType\":\"link\",\"content\":{\"url\":\"ftp://example.com/f\"}}"),
				"Content url must be an http or https URL", "content.url", "must be an http or https URL");
		assertValidation(
				seller.post("/v1/experiences",
						"{\"name\":\"L\",\"itemType\":\"link\",\"content\":{\"url\":\"javascript:alert(1)\"}}"),
				"Content url must be an http or https URL", "content.url", "must be an http or https URL");
		Response ok = seller.post("/v1/experiences",
				"{\"name\":\"L\",\"itemType\":\"link\",\"content\":{\"url\":\"http://example.com/f\"}}");
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.at("/content/url")).isEqualTo("http://example.com/f");
	}

	@Test
	void anEmbedNeedsItsHtmlAndWrittenItsBody() {
		Http seller = this.http.as(this.sellers.create().test());
		assertValidation(seller.post("/v1/experiences", "{\"name\":\"E\",\"itemType\":\"embed\",\"content\":{}}"),
				"Content embed html can't be blank", "content.embedHtml", "can't be blank");
		Response embed = seller.post("/v1/experiences",
				"{\"name\":\"E\",\"itemType\":\"embed\",\"content\":{\"embedHtml\":\"<iframe src=x></iframe>\"}}");
		assertThat(embed.status()).isEqualTo(201);
		assertThat(embed.at("/content/embedHtml")).isEqualTo("<iframe src=x></iframe>");
		assertValidation(seller.post("/v1/experiences", "{\"name\":\"W\",\"itemType\":\"written\"}"),
				"Content body html can't be blank", "content.bodyHtml", "can't be blank");
	}

	@Test
	void aCourseKeepsItsChaptersAndLessonsInOrder() {
		Http seller = this.http.as(this.sellers.create().test());
		Response course = seller.post("/v1/experiences",
				"""
						{"name":"Course","itemType":"course","content":{"chapters":[
						  {"title":"Start","lessons":[{"title":"Welcome","bodyHtml":"<p>Hi</p>","videoUrl":"https://v.example/1"},
						                              {"title":"Setup"}]},
						  {"title":"Next","lessons":[]}]}}
						""");
		assertThat(course.status()).isEqualTo(201);
		assertThat(course.at("/content/chapters/0/title")).isEqualTo("Start");
		assertThat(course.at("/content/chapters/0/position")).isEqualTo("1");
		assertThat(course.at("/content/chapters/0/lessons/0/title")).isEqualTo("Welcome");
		assertThat(course.at("/content/chapters/0/lessons/0/videoUrl")).isEqualTo("https://v.example/1");
		assertThat(course.at("/content/chapters/0/lessons/1/title")).isEqualTo("Setup");
		assertThat(course.at("/content/chapters/0/lessons/1/position")).isEqualTo("2");
		assertThat(course.at("/content/chapters/1/title")).isEqualTo("Next");
		assertThat(course.json().at("/content/chapters/1/lessons").size()).isZero();
		assertThat(seller.get("/v1/experiences/" + course.at("/prefixId")).json().get("content"))
			.isEqualTo(course.json().get("content"));

		Response replaced = seller.patch("/v1/experiences/" + course.at("/prefixId"),
				"{\"content\":{\"chapters\":[{\"title\":\"Only\",\"lessons\":[{\"title\":\"One\"}]}]}}");
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.json().at("/content/chapters").size()).isEqualTo(1);
		assertThat(replaced.at("/content/chapters/0/lessons/0/title")).isEqualTo("One");
	}

	@Test
	void courseLessonsNeedTitlesAndHttpVideoUrls() {
		Http seller = this.http.as(this.sellers.create().test());
		Response response = seller.post("/v1/experiences", """
				{"name":"Course","itemType":"course","content":{"chapters":[
				  {"title":"Start","lessons":[{"title":"Ok"},{"title":"","videoUrl":"ftp://v.example/1"}]}]}}
				""");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.at("/error/type")).isEqualTo("validation_error");
		assertThat(response.at("/error/message")).isEqualTo(
				"Content chapters lessons title can't be blank, Content chapters lessons video url must be an http or https URL");
		assertThat(response.json().at("/error/details").get("content.chapters[0].lessons[1].title").get(0).asString())
			.isEqualTo("can't be blank");
		assertThat(
				response.json().at("/error/details").get("content.chapters[0].lessons[1].videoUrl").get(0).asString())
			.isEqualTo("must be an http or https URL");

		Response untitled = seller.post("/v1/experiences",
				"{\"name\":\"Course\",\"itemType\":\"course\",\"content\":{\"chapters\":[{\"title\":\" \"}]}}");
		assertValidation(untitled, "Content chapters title can't be blank", "content.chapters[0].title",
				"can't be blank");
		assertThat(seller.get("/v1/experiences").at("/pagination/count")).isEqualTo("0");
	}

	@Test
	void aDownloadTakesFileIdsOnly() {
		Http seller = this.http.as(this.sellers.create().test());
		Response download = seller.post("/v1/experiences",
				"{\"name\":\"Files\",\"itemType\":\"download\",\"content\":{\"files\":[]}}");
		assertThat(download.status()).isEqualTo(201);
		assertThat(download.json().at("/content/files").isArray()).isTrue();
		assertThat(download.json().at("/content/files").size()).isZero();
		assertValidation(seller.post("/v1/experiences",
				"{\"name\":\"Files\",\"itemType\":\"download\",\"content\":{\"files\":[{\"name\":\"a.pdf\"}]}}"),
				"Content files must be an array of ids", "content.files", "must be an array of ids");
		assertValidation(
				seller.post("/v1/experiences",
						"{\"name\":\"Files\",\"itemType\":\"download\",\"content\":{\"files\":[\"file_unknown\"]}}"),
				"Content files contains an unknown file", "content.files", "contains an unknown file");
	}

	@Test
	void updatesOnlyWhatIsGivenAndKeepsTheSlug() {
		Http seller = this.http.as(this.sellers.create().test());
		String id = seller.post("/v1/experiences", WRITTEN).at("/prefixId");
		Response renamed = seller.patch("/v1/experiences/" + id,
				"{\"experience\":{\"name\":\"Renamed\",\"description\":\"About it\",\"accessType\":\"open\"}}");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.at("/name")).isEqualTo("Renamed");
		assertThat(renamed.at("/slug")).isEqualTo("my-course");
		assertThat(renamed.at("/description")).isEqualTo("About it");
		assertThat(renamed.at("/accessType")).isEqualTo("open");
		assertThat(renamed.at("/content/bodyHtml")).isEqualTo("<p>Hi</p>");

		assertValidation(seller.patch("/v1/experiences/" + id, "{\"name\":\"\"}"), "Name can't be blank", "name",
				"can't be blank");
		assertValidation(seller.patch("/v1/experiences/" + id, "{\"itemType\":\"link\"}"), "Content url can't be blank",
				"content.url", "can't be blank");
		assertThat(seller.get("/v1/experiences/" + id).at("/itemType")).isEqualTo("written");

		Response link = seller.send("PUT", "/v1/experiences/" + id,
				"{\"itemType\":\"link\",\"content\":{\"url\":\"https://example.com\"}}", "application/json");
		assertThat(link.status()).isEqualTo(200);
		assertThat(link.at("/content/url")).isEqualTo("https://example.com");
		assertThat(link.json().get("content").has("bodyHtml")).isFalse();
	}

	@Test
	void deletesAnExperience() {
		Http seller = this.http.as(this.sellers.create().test());
		String id = seller.post("/v1/experiences", """
				{"name":"Course","itemType":"course","content":{"chapters":[{"title":"A","lessons":[{"title":"B"}]}]}}
				""").at("/prefixId");
		assertThat(seller.delete("/v1/experiences/" + id).status()).isEqualTo(200);
		Response gone = seller.get("/v1/experiences/" + id);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.at("/error/type")).isEqualTo("not_found");
		assertThat(gone.at("/error/message")).isEqualTo("Experience not found");
		assertThat(seller.delete("/v1/experiences/" + id).status()).isEqualTo(404);
	}

	@Test
	void listsNewestFirstFilteredByType() {
		Http seller = this.http.as(this.sellers.create().test());
		seller.post("/v1/experiences", WRITTEN);
		seller.post("/v1/experiences", "{\"name\":\"Files\",\"itemType\":\"download\"}");
		seller.post("/v1/experiences", "{\"name\":\"Course\",\"itemType\":\"course\"}");
		Response all = seller.get("/v1/experiences");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.at("/pagination/count")).isEqualTo("3");
		assertThat(all.at("/items/0/name")).isEqualTo("Course");
		assertThat(all.at("/items/2/name")).isEqualTo("My Course");
		Response courses = seller.get("/v1/experiences?type=course");
		assertThat(courses.at("/pagination/count")).isEqualTo("1");
		assertThat(courses.at("/items/0/itemType")).isEqualTo("course");
		assertThat(seller.get("/v1/experiences?type=Download").at("/items/0/name")).isEqualTo("Files");
		assertThat(seller.get("/v1/experiences?limit=1&page=2").at("/items/0/name")).isEqualTo("Files");

		Response unknown = seller.get("/v1/experiences?type=community");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.at("/error/type")).isEqualTo("parameter_invalid");
		assertThat(unknown.at("/error/message"))
			.isEqualTo("type must be one of: course, download, embed, link, written");
		Response badPage = seller.get("/v1/experiences?page=0");
		assertThat(badPage.status()).isEqualTo(400);
		assertThat(badPage.at("/error/type")).isEqualTo("parameter_invalid");
	}

	@Test
	void aListPageCostsTheSameStatementsWhateverItsSize() {
		Http small = this.http.as(this.sellers.create().test());
		Http large = this.http.as(this.sellers.create().test());
		String course = """
				{"name":"Course","itemType":"course","content":{"chapters":[{"title":"A","lessons":[{"title":"B"}]},
				  {"title":"C","lessons":[{"title":"D"},{"title":"E"}]}]}}
				""";
		small.post("/v1/experiences", course);
		IntStream.range(0, 6).forEach((i) -> large.post("/v1/experiences", course));
		large.post("/v1/experiences", WRITTEN);
		small.get("/v1/experiences");
		large.get("/v1/experiences");
		long one = this.sql.count(() -> small.get("/v1/experiences")).statements();
		var many = this.sql.count(() -> large.get("/v1/experiences"));
		assertThat(many.result().json().get("items").size()).isEqualTo(7);
		assertThat(many.result().at("/items/6/content/chapters/1/lessons/1/title")).isEqualTo("E");
		assertThat(many.statements()).isEqualTo(one);
	}

	@Test
	void anotherAccountsOrModesExperiencesAreNotFound() {
		Seller owner = this.sellers.create();
		Response created = this.http.as(owner.test()).post("/v1/experiences", WRITTEN);
		String id = created.at("/prefixId");
		for (String token : new String[] { owner.live(), this.sellers.create().test() }) {
			Http other = this.http.as(token);
			for (String key : new String[] { id, "my-course", created.at("/id") }) {
				assertNotFound(other.get("/v1/experiences/" + key));
				assertNotFound(other.patch("/v1/experiences/" + key, "{\"name\":\"Stolen\"}"));
				assertNotFound(
						other.send("PUT", "/v1/experiences/" + key, "{\"name\":\"Stolen\"}", "application/json"));
				assertNotFound(other.delete("/v1/experiences/" + key));
			}
			assertThat(other.get("/v1/experiences").at("/pagination/count")).isEqualTo("0");
		}
		assertThat(this.http.as(owner.test()).get("/v1/experiences/" + id).at("/name")).isEqualTo("My Course");
	}

	@Test
	void readTokensCannotChangeExperiences() {
		Seller owner = this.sellers.create();
		Http reader = this.http.as(owner.token(false, Access.READ));
		Response refused = reader.post("/v1/experiences", WRITTEN);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.at("/error/type")).isEqualTo("forbidden");
		assertThat(reader.get("/v1/experiences").status()).isEqualTo(200);
	}

	private static void assertNotFound(Response response) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.at("/error/type")).isEqualTo("not_found");
		assertThat(response.at("/error/message")).isEqualTo("Experience not found");
	}

	static void assertValidation(Response response, String message, String field, String detail) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.at("/error/type")).isEqualTo("validation_error");
		assertThat(response.at("/error/message")).isEqualTo(message);
		assertThat(response.json().at("/error/details").size()).isEqualTo(1);
		assertThat(response.json().at("/error/details").get(field).get(0).asString()).isEqualTo(detail);
		assertThat(response.json().at("/error/details").get(field).size()).isEqualTo(1);
	}

}
