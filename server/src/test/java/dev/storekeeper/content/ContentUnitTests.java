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
	void excerptsOfUnclosedMarkupStopWhereABrowserWould() {
		assertThat(Excerpts.derive("<p>Before</p><!-- never closed <p>after</p>")).isEqualTo("Before");
		assertThat(Excerpts.derive("<p>Before</p><SCRIPT src=x>never closed</p>")).isEqualTo("Before");
		assertThat(Excerpts.derive("<p>Before</p><style>p{} </STYLE >After")).isEqualTo("Before After");
		assertThat(Excerpts.derive("1 < 2 and 3 > 2 &copy; &amp")).isEqualTo("1 < 2 and 3 > 2 &copy; &amp");
		assertThat(Excerpts.derive("<p>tag never closed <a href='x'")).isEqualTo("tag never closed");
		assertThat(Excerpts.derive("<scripts>kept</scripts>")).isEqualTo("kept");
	}

	@Test
	void excerptsOfHugeAdversarialContentAreRightAndStopEarly() {
		// each of these made the former regexes backtrack over the whole content for
		// every opening: one pass reads each character once
		String many = "<script>".repeat(60_000);
		assertThat(Excerpts.derive("Start " + many)).isEqualTo("Start");
		assertThat(Excerpts.derive("Start " + "<!--".repeat(60_000))).isEqualTo("Start");
		assertThat(Excerpts.derive("Start " + "<a".repeat(100_000))).isEqualTo("Start");
		assertThat(Excerpts.derive("word ".repeat(100_000))).isEqualTo("word ".repeat(40).trim());
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
