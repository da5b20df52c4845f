package dev.storekeeper.content;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.Slugs;

import static org.assertj.core.api.Assertions.assertThat;

class ContentUnitTests {

	@Test
	void slugsAreKebabCaseWithoutAccents() {
		assertThat(Slugs.of("  My Course!  ", "x")).isEqualTo("my-course");
		assertThat(Slugs.of("Crème brûlée 101", "x")).isEqualTo("creme-brulee-101");
		assertThat(Slugs.of("!!!", "post")).isEqualTo("post");
		assertThat(Slugs.of("2024", "post")).isEqualTo("post-2024");
		assertThat(Slugs.of("a".repeat(150), "x")).hasSize(Slugs.MAX_BASE);
	}

	@Test
	void theFirstFreeSlugGetsTheNextSuffix() {
		assertThat(Slugs.free("my-course", List.of())).isEqualTo("my-course");
		assertThat(Slugs.free("my-course", List.of("my-course"))).isEqualTo("my-course-1");
		assertThat(Slugs.free("my-course", List.of("my-course", "my-course-1", "my-course-3")))
			.isEqualTo("my-course-2");
	}

	@Test
	void excerptsAreTheTextOfTheFirst200Characters() {
		assertThat(Excerpts.derive("<p>Hello <b>world</b></p>\n<p>again&nbsp;&lt;3</p>"))
			.isEqualTo("Hello world again <3");
		assertThat(Excerpts.derive("<style>p{}</style><!-- hidden --><p>Shown</p>")).isEqualTo("Shown");
		assertThat(Excerpts.derive("x".repeat(250))).hasSize(200);
		assertThat(Excerpts.derive("")).isEmpty();
	}

	@Test
	void onlyHttpUrlsWithAHostAreAccepted() {
		assertThat(Rules.isHttpUrl("https://example.com/a?b=c")).isTrue();
		assertThat(Rules.isHttpUrl("HTTP://example.com")).isTrue();
		assertThat(Rules.isHttpUrl("ftp://example.com")).isFalse();
		assertThat(Rules.isHttpUrl("javascript:alert(1)")).isFalse();
		assertThat(Rules.isHttpUrl("https:///path")).isFalse();
		assertThat(Rules.isHttpUrl("not a url")).isFalse();
	}

}
