package dev.storekeeper.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import dev.storekeeper.support.SqlStatements.Counted;

import static org.assertj.core.api.Assertions.assertThat;

class ProductApiTests extends CatalogApiTest {

	@Test
	void createsADraftWithEverythingEmbedded() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		Response created = client.post("/v1/products",
				"{\"product\":{\"name\":\"My Product\",\"description\":\"Short\",\"body_html\":\"<p>Long</p>\","
						+ "\"seo\":{\"title\":\"T\",\"description\":\"D\",\"keywords\":\"a,b\"}}}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.at("/prefixId");
		assertThat(id).startsWith("prod_");
		assertThat(created.header("Location")).isEqualTo("/v1/products/" + id);
		assertThat(created.at("/status")).isEqualTo("draft");
		assertThat(created.at("/slug")).isEqualTo("my-product");
		assertThat(created.at("/bodyHtml")).isEqualTo("<p>Long</p>");
		assertThat(created.at("/buttonCta")).isEqualTo("Get Started");
		assertThat(created.at("/seo/title")).isEqualTo("T");
		assertThat(created.at("/seo/keywords")).isEqualTo("a,b");
		assertThat(created.at("/livemode")).isEqualTo("false");
		// a test-mode product's page is its preview, beside the live address
		assertThat(created.at("/url")).endsWith("/p/test/" + seller.account().subdomain() + "/my-product");
		assertThat(created.json().get("priceVariants").size()).isZero();
		assertThat(created.json().get("mediaItems").size()).isZero();
		assertThat(created.at("/hasMedia")).isEqualTo("false");
		assertThat(created.at("/sellerAccount/prefixId")).isEqualTo(seller.account().prefixId());
		assertThat(created.json().get("sellerAccount")).isEqualTo(client.get("/v1/account").json());

		assertThat(client.get("/v1/products/" + id).json()).isEqualTo(created.json());
		assertThat(client.get("/v1/products/my-product").at("/prefixId")).isEqualTo(id);
		assertThat(client.get("/v1/products/" + created.at("/id")).at("/prefixId")).isEqualTo(id);
		assertThat(events(seller.account().id())).containsExactly("product.created");
		assertThat(lastEvent(seller.account().id(), "product.created")).contains(id);
	}

	@Test
	void aCachedProductIsServedWithoutStatementsAndAChangeShowsAtOnce() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		String id = product(client, "{\"name\":\"Cached\"}").at("/prefixId");
		Response first = client.get("/v1/products/" + id);
		Counted<Response> again = this.sql.count(() -> client.get("/v1/products/" + id));
		assertThat(again.statements()).isZero();
		assertThat(again.result().body()).isEqualTo(first.body());
		assertThat(again.result().header("Content-Type")).isEqualTo("application/json");

		client.patch("/v1/products/" + id, "{\"name\":\"Renamed\"}");
		assertThat(client.get("/v1/products/" + id).at("/name")).isEqualTo("Renamed");
		client.patch("/v1/account", "{\"name\":\"New seller name\"}");
		assertThat(client.get("/v1/products/" + id).at("/sellerAccount/name")).isEqualTo("New seller name");
		assertThat(client.get("/v1/products/" + id).json().get("sellerAccount"))
			.isEqualTo(client.get("/v1/account").json());

		Response html = client.header("Accept", "text/html").get("/v1/products/" + id);
		assertThat(html.status()).isEqualTo(406);
		assertThat(html.at("/error/type")).isEqualTo("not_acceptable");
		assertThat(client.get("/v1/products/prod_missing").status()).isEqualTo(404);
	}

	@Test
	void slugsAreMadeFromTheNameAndKeptUnique() {
		Http client = this.http.as(this.sellers.create().test());
		assertThat(product(client, "{\"name\":\"My Product\"}").at("/slug")).isEqualTo("my-product");
		assertThat(product(client, "{\"name\":\"My  product!\"}").at("/slug")).isEqualTo("my-product-1");
		assertThat(product(client, "{\"name\":\"Mý Prödüct\"}").at("/slug")).isEqualTo("my-product-2");
		assertThat(product(client, "{\"name\":\"Other\",\"slug\":\"chosen-one\"}").at("/slug")).isEqualTo("chosen-one");

		assertInvalid(client.post("/v1/products", "{\"name\":\"Again\",\"slug\":\"chosen-one\"}"),
				"Slug has already been taken", Map.of("slug", List.of("has already been taken")));
		assertInvalid(client.post("/v1/products", "{\"name\":\"Bad\",\"slug\":\"Not A Slug\"}"),
				"Slug is invalid (use lower-case letters, digits and single hyphens)",
				Map.of("slug", List.of("is invalid (use lower-case letters, digits and single hyphens)")));

		// the same slug in the other mode or another account is free
		assertThat(product(this.http.as(this.sellers.create().test()), "{\"name\":\"My Product\"}").at("/slug"))
			.isEqualTo("my-product");
	}

	@Test
	void nameAndSeoLengthsAreChecked() {
		Http client = this.http.as(this.sellers.create().test());
		assertInvalid(client.post("/v1/products", "{\"product\":{\"description\":\"x\"}}"), "Name can't be blank",
				Map.of("name", List.of("can't be blank")));
		String name100 = "n".repeat(100);
		assertThat(product(client, "{\"name\":\"" + name100 + "\"}").at("/name")).isEqualTo(name100);
		assertInvalid(client.post("/v1/products", "{\"name\":\"" + name100 + "x\"}"),
				"Name is too long (maximum is 100 characters)",
				Map.of("name", List.of("is too long (maximum is 100 characters)")));

		Response fits = product(client, "{\"name\":\"Seo\",\"seo\":{\"title\":\"" + "t".repeat(60)
				+ "\",\"description\":\"" + "d".repeat(160) + "\"}}");
		assertThat(fits.at("/seo/title")).hasSize(60);
		Response tooLong = client.post("/v1/products", "{\"name\":\"Seo\",\"seo\":{\"title\":\"" + "t".repeat(61)
				+ "\",\"description\":\"" + "d".repeat(161) + "\"}}");
		assertInvalid(tooLong,
				"Seo title is too long (maximum is 60 characters), "
						+ "Seo description is too long (maximum is 160 characters)",
				Map.of("seo.title", List.of("is too long (maximum is 60 characters)"), "seo.description",
						List.of("is too long (maximum is 160 characters)")));
		assertInvalid(client.post("/v1/products", "{\"name\":\"S\",\"status\":\"published\"}"),
				"Status is not included in the list", Map.of("status", List.of("is not included in the list")));
	}

	@Test
	void activationNeedsALivePriceVariant() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		assertInvalid(client.post("/v1/products", "{\"name\":\"Now\",\"status\":\"active\"}"),
				"Status can't be active without a price variant that is not archived",
				Map.of("status", List.of("can't be active without a price variant that is not archived")));
		String id = product(client).at("/prefixId");
		assertInvalid(client.patch("/v1/products/" + id, "{\"status\":\"active\"}"),
				"Status can't be active without a price variant that is not archived",
				Map.of("status", List.of("can't be active without a price variant that is not archived")));

		String archived = variant(client, id, ",\"archived\":true").at("/prefixId");
		assertThat(client.patch("/v1/products/" + id, "{\"status\":\"active\"}").status()).isEqualTo(422);
		client.patch("/v1/price_variants/" + archived, "{\"archived\":false}");
		Response active = client.patch("/v1/products/" + id, "{\"status\":\"active\"}");
		assertThat(active.status()).isEqualTo(200);
		assertThat(active.at("/status")).isEqualTo("active");
		assertThat(events(seller.account().id())).containsExactly("product.created", "product.updated");
	}

	@Test
	void embedsLivePriceVariantsByPosition() {
		Http client = this.http.as(this.sellers.create().test());
		String id = product(client).at("/prefixId");
		String second = variant(client, id, ",\"position\":5,\"name\":\"Second\"").at("/prefixId");
		String first = variant(client, id, ",\"position\":2,\"name\":\"First\"").at("/prefixId");
		String archived = variant(client, id, ",\"position\":1,\"archived\":true").at("/prefixId");
		Response product = client.get("/v1/products/" + id);
		assertThat(product.json().get("priceVariants").valueStream().map((v) -> v.get("prefixId").asString()))
			.containsExactly(first, second);
		assertThat(product.at("/priceVariants/0/isDefault")).isEqualTo("true");
		assertThat(product.at("/priceVariants/1/isDefault")).isEqualTo("false");
		assertThat(client.get("/v1/price_variants/" + archived).at("/isDefault")).isEqualTo("false");
	}

	@Test
	void mediaItemsAreReplacedAndChecked() {
		Http client = this.http.as(this.sellers.create().test());
		String id = product(client, "{\"name\":\"Media\",\"mediaItems\":[{\"sourceType\":\"url\","
				+ "\"url\":\"https://cdn.example.com/a.png\"},{\"source_type\":\"embed\","
				+ "\"embed_html\":\"<iframe src='https://youtube.com/embed/x'></iframe>\",\"provider\":\"youtube\"}]}")
			.at("/prefixId");
		Response product = client.get("/v1/products/" + id);
		assertThat(product.at("/hasMedia")).isEqualTo("true");
		assertThat(product.at("/mediaItems/0/sourceType")).isEqualTo("url");
		assertThat(product.at("/mediaItems/0/contentType")).isEqualTo("image");
		assertThat(product.at("/mediaItems/1/provider")).isEqualTo("youtube");
		assertThat(product.at("/mediaItems/1/contentType")).isEqualTo("video");

		Response replaced = client.patch("/v1/products/" + id,
				"{\"mediaItems\":[{\"sourceType\":\"url\",\"url\":\"https://cdn.example.com/b.mp4\","
						+ "\"contentType\":\"video/mp4\"}]}");
		assertThat(replaced.json().get("mediaItems").size()).isEqualTo(1);
		assertThat(replaced.at("/mediaItems/0/contentType")).isEqualTo("video/mp4");

		assertInvalid(
				client.patch("/v1/products/" + id,
						"{\"mediaItems\":[{\"sourceType\":\"file\"},{\"sourceType\":\"url\",\"url\":\"ftp://x\"},"
								+ "{\"sourceType\":\"embed\"}]}"),
				"Media items source type is not included in the list, Media items url is invalid, "
						+ "Media items embed html can't be blank",
				Map.of("mediaItems[0].sourceType", List.of("is not included in the list"), "mediaItems[1].url",
						List.of("is invalid"), "mediaItems[2].embedHtml", List.of("can't be blank")));
		assertThat(client.get("/v1/products/" + id).json().get("mediaItems").size()).isEqualTo(1);
	}

	@Test
	void updatesKeepTheSlugUnlessAskedAndDeletesRecordEvents() {
		Seller seller = this.sellers.create();
		Http client = this.http.as(seller.test());
		String id = product(client, "{\"name\":\"Old name\"}").at("/prefixId");
		Response renamed = client.patch("/v1/products/" + id, "{\"product\":{\"name\":\"New name\"}}");
		assertThat(renamed.at("/name")).isEqualTo("New name");
		assertThat(renamed.at("/slug")).isEqualTo("old-name");
		assertThat(client.patch("/v1/products/" + id, "{\"slug\":null}").at("/slug")).isEqualTo("new-name");
		assertThat(client.send("PUT", "/v1/products/" + id, "{\"buttonCta\":\"Buy\"}", "application/json")
			.at("/buttonCta")).isEqualTo("Buy");

		assertThat(client.delete("/v1/products/" + id).status()).isEqualTo(200);
		assertThat(client.get("/v1/products/" + id).status()).isEqualTo(404);
		assertThat(client.get("/v1/products/" + id).at("/error/message")).isEqualTo("Product not found");
		assertThat(events(seller.account().id())).containsExactly("product.created", "product.updated",
				"product.updated", "product.updated", "product.deleted");
	}

	@Test
	void deletingAProductTakesItsVariantsReviewsAndMediaWithIt() {
		Http client = this.http.as(this.sellers.create().test());
		String id = product(client,
				"{\"name\":\"Gone\",\"mediaItems\":[{\"sourceType\":\"url\",\"url\":\"https://x.example/a.png\"}]}")
			.at("/prefixId");
		String variant = variant(client, id,
				",\"experienceIds\":[\"" + experience(client, "Kept").at("/prefixId") + "\"]")
			.at("/prefixId");
		String review = client.post("/v1/reviews", "{\"productId\":\"" + id + "\",\"rating\":2}").at("/prefixId");
		assertThat(client.delete("/v1/products/" + id).status()).isEqualTo(200);
		assertThat(client.get("/v1/price_variants/" + variant).status()).isEqualTo(404);
		assertThat(client.get("/v1/reviews/" + review).status()).isEqualTo(404);
		assertThat(client.delete("/v1/products/" + id).status()).isEqualTo(404);
	}

	@Test
	void aProductWithOrdersIsArchivedNotDeleted() {
		Http client = this.http.as(this.sellers.create().test());
		Response product = activeProduct(client, "Sold");
		String id = product.at("/prefixId");
		this.catalog.recordSale(product.json().at("/priceVariants/0/id").asLong());
		Response refused = client.delete("/v1/products/" + id);
		assertInvalid(refused, "Product cannot be deleted once it has orders; archive it instead",
				Map.of("base", List.of("Product cannot be deleted once it has orders; archive it instead")));
		assertThat(client.patch("/v1/products/" + id, "{\"status\":\"archived\"}").at("/status")).isEqualTo("archived");
		assertThat(client.get("/v1/products/" + id).status()).isEqualTo(200);
	}

	@Test
	void listsActiveByDefaultNewestFirstWithFilters() {
		Http client = this.http.as(this.sellers.create().test());
		String draft = product(client, "{\"name\":\"Draft thing\"}").at("/prefixId");
		String older = activeProduct(client, "Alpha course").at("/prefixId");
		String newer = activeProduct(client, "Beta 100% course").at("/prefixId");
		Response page = client.get("/v1/products");
		assertThat(page.json().get("items").valueStream().map((p) -> p.get("prefixId").asString()))
			.containsExactly(newer, older);
		assertThat(page.at("/pagination/count")).isEqualTo("2");
		assertThat(client.get("/v1/products?status=draft").at("/items/0/prefixId")).isEqualTo(draft);
		assertThat(client.get("/v1/products?status=all").at("/pagination/count")).isEqualTo("3");
		assertThat(client.get("/v1/products?status=archived").at("/pagination/count")).isEqualTo("0");
		assertThat(client.get("/v1/products?query=ALPHA").at("/items/0/prefixId")).isEqualTo(older);
		assertThat(client.get("/v1/products?query=100%25").at("/items/0/prefixId")).isEqualTo(newer);
		assertThat(client.get("/v1/products?query=100%25").at("/pagination/count")).isEqualTo("1");
		assertThat(client.get("/v1/products?status=all&limit=2&page=2").at("/items/0/prefixId")).isEqualTo(draft);
		Response bad = client.get("/v1/products?status=published");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.at("/error/type")).isEqualTo("parameter_invalid");
		assertThat(client.get("/v1/products?limit=101").status()).isEqualTo(400);
	}

	@Test
	void aPageCostsTheSameStatementsForFiveOrAHundredProducts() {
		Http small = this.http.as(this.sellers.create().test());
		Http large = this.http.as(this.sellers.create().test());
		seed(small, 5);
		seed(large, 100);
		small.get("/v1/products?status=all&limit=100");
		large.get("/v1/products?status=all&limit=100");
		Counted<Response> five = this.sql.count(() -> small.get("/v1/products?status=all&limit=100"));
		Counted<Response> hundred = this.sql.count(() -> large.get("/v1/products?status=all&limit=100"));
		assertThat(five.result().json().get("items").size()).isEqualTo(5);
		assertThat(hundred.result().json().get("items").size()).isEqualTo(100);
		assertThat(hundred.result().at("/items/99/priceVariants/1/name")).isEqualTo("Second");
		assertThat(hundred.statements()).isEqualTo(five.statements());
	}

	private void seed(Http client, int products) {
		String experience = experience(client, "Granted").at("/prefixId");
		for (int i = 0; i < products; i++) {
			String id = product(client, "{\"name\":\"P" + i + "\"}").at("/prefixId");
			variant(client, id, ",\"experienceIds\":[\"" + experience + "\"]");
			variant(client, id, ",\"name\":\"Second\",\"benefits\":[\"More\"]");
			client.post("/v1/reviews", "{\"productId\":\"" + id + "\",\"rating\":5}");
		}
	}

}
