package dev.storekeeper.content;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post's excerpt is derived in one pass when it is saved and stored; the public blog
 * shows the stored excerpt and never derives it again.
 */
class BlogExcerptApiTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnclosedCommentOrScriptInAHugePostEndsTheExcerptAndIsDerivedOnceAtSave() {
		Seller owner = this.sellers.create();
		Http live = this.http.as(owner.live());
		// 80,000 characters that the former regexes took seconds of a core to scan
		String comment = "<p>Opening words</p><!--" + "<a ".repeat(26_000);
		String script = "<p>Other words</p><script" + " <x".repeat(26_000);
		Response first = live.post("/v1/blog_posts",
				java.util.Map.of("title", "Unclosed comment", "status", "published", "content", comment));
		Response second = live.post("/v1/blog_posts",
				java.util.Map.of("title", "Unclosed script", "status", "published", "content", script));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		assertThat(first.at("/excerpt")).isEqualTo("Opening words");
		assertThat(second.at("/excerpt")).isEqualTo("Other words");

		String stored = this.jdbc.sql("select derived_excerpt from blog_posts where prefix_id = :id")
			.param("id", first.at("/prefixId"))
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo("Opening words");

		// what the page shows is what was stored when the post was saved
		this.jdbc.sql("update blog_posts set derived_excerpt = 'Kept at save' where prefix_id = :id")
			.param("id", first.at("/prefixId"))
			.update();
		Response index = this.http.send("GET", "/blog/" + owner.account().subdomain() + "/", null, null);
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("<p>Kept at save</p>", "<p>Other words</p>").doesNotContain("&lt;a");
		assertThat(live.get("/v1/blog_posts/" + first.at("/prefixId")).at("/excerpt")).isEqualTo("Kept at save");

		// a new content derives a new excerpt; the author's own excerpt wins
		String id = first.at("/prefixId");
		assertThat(live.patch("/v1/blog_posts/" + id, "{\"content\":\"<p>Fresh &amp; new</p>\"}").at("/excerpt"))
			.isEqualTo("Fresh & new");
		assertThat(live.patch("/v1/blog_posts/" + id, "{\"excerpt\":\"Mine\"}").at("/excerpt")).isEqualTo("Mine");
	}

}
