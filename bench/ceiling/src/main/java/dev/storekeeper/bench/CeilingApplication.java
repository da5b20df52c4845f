package dev.storekeeper.bench;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Spring Boot and Spring MVC alone cost per request on this machine: one GET answering a constant object the
 * size and shape of Storekeeper's product (about 1 KiB of JSON, written by Jackson on each request), no database, no
 * filters of its own. bench/run.sh loads it beside Storekeeper's {@code GET /v1/products/{id}} and prints the ratio.
 */
@SpringBootApplication
@RestController
public class CeilingApplication {

	record Seller(long id, String prefixId, String name, String subdomain, String plan, String availableSupportEmail,
			List<String> socialLinks, boolean livemode, Instant createdAt) {
	}

	record Variant(long id, String prefixId, String name, long amount, String currency, String kind, int position,
			boolean archived, Instant createdAt) {
	}

	record Seo(String title, String description, String keywords) {
	}

	record Product(long id, String prefixId, String name, String slug, String status, String description,
			String bodyHtml, String buttonCta, Seller sellerAccount, List<Object> mediaItems, List<Object> reviews,
			Seo seo, List<Variant> priceVariants, String url, boolean hasMedia, boolean livemode, Instant createdAt,
			Instant updatedAt) {
	}

	private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");

	private static final Product PRODUCT = new Product(1, "prod_3kTMd9Qw1xYb7ZpL", "Bench course", "bench-course",
			"active", "A course to measure with", "<p>What the course teaches, in a paragraph or two.</p>",
			"Get Started",
			new Seller(1, "acct_8Zq2LmN4pR6sT1vW", "Bench seller", "bench", "free", "help@example.com", List.of(),
					false, AT),
			List.of(), List.of(), new Seo("Bench course", "A course to measure with", "bench,course"),
			List.of(new Variant(1, "pv_5GhJ7kL9mN2pQ4rS", "Std", 1900, "USD", "one_time", 0, false, AT)),
			"http://localhost:8090/p/bench/bench-course", false, false, AT, AT);

	@GetMapping("/v1/products/{id}")
	Product product(@PathVariable String id) {
		return PRODUCT;
	}

	public static void main(String[] args) {
		SpringApplication.run(CeilingApplication.class, args);
	}

}
