package dev.storekeeper.content;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.web.InvalidRecord;
import dev.storekeeper.platform.web.Ref;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public service other modules call: resolving references and showing content. */
class ExperiencesIntegrationTests extends ApiTest {

	@Autowired
	Experiences experiences;

	@Test
	void resolvesIdsAndPrefixIdsOfTheCallersExperiencesOnly() {
		Seller owner = this.sellers.create();
		Http seller = this.http.as(owner.test());
		Response written = seller.post("/v1/experiences",
				"{\"name\":\"Read\",\"itemType\":\"written\",\"content\":{\"bodyHtml\":\"<p>x</p>\"}}");
		Response link = seller.post("/v1/experiences",
				"{\"name\":\"Go\",\"itemType\":\"link\",\"content\":{\"url\":\"https://example.com\"}}");
		long writtenId = written.json().get("id").asLong();
		long linkId = link.json().get("id").asLong();
		long accountId = owner.account().id();

		assertThat(this.experiences.resolve(accountId, false,
				List.of(new Ref(null, link.at("/prefixId")), new Ref(writtenId, null), new Ref(linkId, null))))
			.containsExactly(linkId, writtenId);
		assertThat(this.experiences.resolve(accountId, false, List.of())).isEmpty();

		assertThatThrownBy(() -> this.experiences.resolve(accountId, true, List.of(new Ref(writtenId, null))))
			.isInstanceOf(InvalidRecord.class)
			.satisfies((ex) -> assertThat(((InvalidRecord) ex).errors().details()).containsEntry("experienceIds",
					List.of("contains an unknown experience")))
			.hasMessage("Experience ids contains an unknown experience");
		long strangerId = this.sellers.create().account().id();
		assertThatThrownBy(
				() -> this.experiences.resolve(strangerId, false, List.of(new Ref(null, written.at("/prefixId")))))
			.isInstanceOf(InvalidRecord.class);
		assertThatThrownBy(() -> this.experiences.resolve(accountId, false,
				List.of(new Ref(writtenId, null), new Ref(null, "exp_unknown"))))
			.isInstanceOf(InvalidRecord.class);
	}

	@Test
	void givesTheContentABuyerSeesInAFewStatements() {
		Seller owner = this.sellers.create();
		Http seller = this.http.as(owner.test());
		long course = seller.post("/v1/experiences", """
				{"name":"Course","itemType":"course","content":{"chapters":[
				  {"title":"One","lessons":[{"title":"L1","videoUrl":"https://v.example/1"},{"title":"L2"}]}]}}
				""").json().get("id").asLong();
		long embed = seller
			.post("/v1/experiences",
					"{\"name\":\"Video\",\"itemType\":\"embed\",\"content\":{\"embedHtml\":\"<iframe></iframe>\"}}")
			.json()
			.get("id")
			.asLong();
		long download = seller.post("/v1/experiences", "{\"name\":\"Files\",\"itemType\":\"download\"}")
			.json()
			.get("id")
			.asLong();
		long accountId = owner.account().id();

		var counted = this.sql
			.count(() -> this.experiences.contentFor(accountId, false, List.of(embed, course, download)));
		List<ExperienceContent> content = counted.result();
		// experiences, chapters, the files of downloads (and, when there are some, those
		// files)
		assertThat(counted.statements()).isEqualTo(3);
		assertThat(content).extracting(ExperienceContent::id).containsExactly(embed, course, download);
		assertThat(content.get(0).embedHtml()).isEqualTo("<iframe></iframe>");
		assertThat(content.get(1).itemType()).isEqualTo("course");
		assertThat(content.get(1).chapters()).singleElement().satisfies((chapter) -> {
			assertThat(chapter.title()).isEqualTo("One");
			assertThat(chapter.lessons()).extracting(ExperienceContent.Lesson::title).containsExactly("L1", "L2");
			assertThat(chapter.lessons().get(0).videoUrl()).isEqualTo("https://v.example/1");
		});
		assertThat(content.get(2).chapters()).isEmpty();

		assertThat(this.experiences.contentFor(accountId, true, List.of(embed, course))).isEmpty();
		assertThat(this.experiences.contentFor(this.sellers.create().account().id(), false, List.of(embed))).isEmpty();
	}

}
