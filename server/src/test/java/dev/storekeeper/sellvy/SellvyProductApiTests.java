package dev.storekeeper.sellvy;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storekeeper.platform.web.Access;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Sellers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /sellvy/v1/products} and categories, the seed's examples, and one product seen
 * by both dialects.
 */
class SellvyProductApiTests extends ApiTest {

	private Sellers.Seller seller;

	private String token;

	private SellvyHttp sellvy;

	@BeforeEach
	void seller() {
		this.seller = this.sellers.create();
		this.token = this.seller.live();
		this.sellvy = new SellvyHttp(this.http.base(), this.token);
		this.http = this.http.as(this.token);
	}

	private String base() {
		return this.http.base() + "/sellvy/v1";
	}

	@Test
	void theSeedsPythonExamplesRunAsWritten() throws Exception {
		SellvyExamples.Result created = SellvyExamples.run("python3",
				SellvyExamples.against("create_product.py", base(), this.token), ".py");
		assertThat(created.exit()).as(created.output()).isZero();
		assertThat(created.output()).matches("Created product: prod_\\w+");
		String id = created.output().substring("Created product: ".length());
		SellvyExamples.Result listed = SellvyExamples.run("python3",
				SellvyExamples.against("list_products.py", base(), this.token), ".py");
		assertThat(listed.output()).isEqualTo("Found 1 products");
		Http.Response product = this.sellvy.get("/products/" + id);
		assertThat(product.status()).isEqualTo(200);
		assertThat(product.body()).contains("\"price\":29.99");
		assertThat(product.at("/data/title")).isEqualTo("Premium Icon Pack");
		assertThat(product.at("/data/is_visible")).isEqualTo("true");
		assertThat(product.at("/data/currency")).isEqualTo("USD");
	}

	@Test
	void theSeedsJavaScriptExamplesRunAsWritten() throws Exception {
		SellvyExamples.Result created = SellvyExamples.run("node",
				SellvyExamples.against("create_product.mjs", base(), this.token), ".mjs");
		assertThat(created.exit()).as(created.output()).isZero();
		assertThat(created.output()).matches("Created product: prod_\\w+");
		SellvyExamples.run("node", SellvyExamples.against("create_product.mjs", base(), this.token), ".mjs");
		SellvyExamples.Result listed = SellvyExamples.run("node",
				SellvyExamples.against("list_products.mjs", base(), this.token), ".mjs");
		assertThat(listed.output()).isEqualTo("Found 2 products");
	}

	@Test
	void theSeedsCreateBodyWithCurl() throws Exception {
		Http.Response category = this.sellvy.post("/categories",
				"{\"name\": \"Templates\", \"description\": \"Website and app templates\"}");
		assertThat(category.status()).isEqualTo(201);
		String categoryId = category.at("/data/id");
		assertThat(categoryId).startsWith("cat_");
		String body = """
				{"title": "Premium Icon Pack", "type": "digital_download", "price": 29.99, "currency": "USD",
				 "description": "500+ hand-crafted icons in SVG and PNG formats.", "category_id": "%s",
				 "is_visible": true, "images": ["https://example.com/icon.png"], "file_url": "https://example.com/f.zip"}
				"""
			.formatted(categoryId);
		Process curl = new ProcessBuilder("curl", "-s", "-i", "-X", "POST", base() + "/products", "-H",
				"Authorization: Bearer " + this.token, "-H", "Content-Type: application/json", "-d", body)
			.redirectErrorStream(true)
			.start();
		String output = new String(curl.getInputStream().readAllBytes());
		assertThat(curl.waitFor()).isZero();
		assertThat(output).startsWith("HTTP/1.1 201").contains("Location: /sellvy/v1/products/prod_");
		assertThat(output).contains("\"category\":{\"id\":\"" + categoryId + "\",\"name\":\"Templates\"}")
			.contains("\"images\":[\"https://example.com/icon.png\"]")
			.contains("\"price\":29.99");
		assertThat(output).contains("\"file_url\":\"https://example.com/f.zip\"");
		String id = output.substring(output.indexOf("prod_"), output.indexOf("\r\n", output.indexOf("prod_")));
		Http.Response crevio = this.http.get("/v1/products/" + id);
		assertThat(crevio.at("/priceVariants/0/experienceIds/0")).startsWith("exp_");
		Http.Response link = this.http.get("/v1/experiences/" + crevio.at("/priceVariants/0/experienceIds/0"));
		assertThat(link.at("/itemType")).isEqualTo("link");
		Http.Response moved = this.sellvy.patch("/products/" + id, "{\"file_url\": \"https://example.com/v2.zip\"}");
		assertThat(moved.at("/data/file_url")).isEqualTo("https://example.com/v2.zip");
		assertThat(this.http.get("/v1/products/" + id).json().at("/priceVariants/0/experienceIds")).hasSize(1);
		assertThat(this.sellvy.patch("/products/" + id, "{\"file_url\": 7}").at("/error/details/file_url/0"))
			.isEqualTo("must be an http or https URL");
		Http.Response categories = this.sellvy.get("/categories");
		assertThat(categories.at("/data/0/products_count")).isEqualTo("1");
		assertThat(this.sellvy.get("/products?category_id=" + categoryId).at("/meta/total")).isEqualTo("1");
		assertThat(this.sellvy.get("/products?category_id=cat_unknown").at("/meta/total")).isEqualTo("0");
	}

	@Test
	void oneProductInBothDialects() {
		Http.Response made = this.sellvy.post("/products",
				"{\"title\": \"Yen\", \"type\": \"course\", \"price\": 500, \"currency\": \"JPY\", \"stock\": 7}");
		assertThat(made.status()).isEqualTo(201);
		String id = made.at("/data/id");
		assertThat(made.body()).contains("\"price\":500,").contains("\"stock\":7");
		Http.Response crevio = this.http.get("/v1/products/" + id);
		assertThat(crevio.status()).isEqualTo(200);
		assertThat(crevio.at("/name")).isEqualTo("Yen");
		assertThat(crevio.at("/productType")).isEqualTo("course");
		assertThat(crevio.at("/status")).isEqualTo("active");
		assertThat(crevio.at("/priceVariants/0/amount")).isEqualTo("500");
		assertThat(crevio.at("/priceVariants/0/currency")).isEqualTo("JPY");
		Http.Response renamed = this.http.patch("/v1/products/" + id,
				Map.of("product", Map.of("name", "Renamed", "productType", "membership")));
		assertThat(renamed.status()).isEqualTo(200);
		Http.Response back = this.sellvy.get("/products/" + id);
		assertThat(back.at("/data/title")).isEqualTo("Renamed");
		assertThat(back.at("/data/type")).isEqualTo("membership");
		Http.Response hidden = this.sellvy.patch("/products/" + id, "{\"is_visible\": false, \"price\": 750}");
		assertThat(hidden.status()).isEqualTo(200);
		assertThat(hidden.body()).contains("\"price\":750,");
		assertThat(this.http.get("/v1/products/" + id).at("/status")).isEqualTo("draft");
		assertThat(this.sellvy.delete("/products/" + id).status()).isEqualTo(204);
		assertThat(this.http.get("/v1/products/" + id).status()).isEqualTo(404);
	}

	@Test
	void listFiltersSortAndPages() {
		for (String title : new String[] { "Bravo", "alpha", "Charlie" }) {
			this.sellvy.post("/products", "{\"title\": \"" + title + "\", \"type\": \"other\", \"price\": 1}");
		}
		this.sellvy.post("/products",
				"{\"title\": \"Hidden\", \"type\": \"service\", \"price\": 2, \"is_visible\": false}");
		Http.Response all = this.sellvy.get("/products?sort=title&order=asc&per_page=2");
		assertThat(all.at("/meta/total")).isEqualTo("4");
		assertThat(all.at("/meta/per_page")).isEqualTo("2");
		assertThat(all.at("/data/0/title")).isEqualTo("alpha");
		assertThat(all.at("/data/1/title")).isEqualTo("Bravo");
		assertThat(this.sellvy.get("/products?per_page=500").at("/meta/per_page")).isEqualTo("100");
		assertThat(this.sellvy.get("/products?visible=false").at("/data/0/title")).isEqualTo("Hidden");
		assertThat(this.sellvy.get("/products?type=service").at("/meta/total")).isEqualTo("1");
		assertThat(this.sellvy.get("/products?search=ALPH").at("/meta/total")).isEqualTo("1");
		assertThat(this.sellvy.get("/products?sort=price&order=desc").at("/data/0/title")).isEqualTo("Hidden");
		assertThat(this.sellvy.get("/products?page=9").body()).contains("\"data\":[]");
		assertThat(this.sellvy.get("/products?per_page=0").status()).isEqualTo(400);
		assertThat(this.sellvy.get("/products?sort=rating").status()).isEqualTo(400);
	}

	@Test
	void refusalsInTheSeedsErrorShape() {
		Http.Response blank = this.sellvy.post("/products", "{\"type\": \"digital_download\", \"price\": 1}");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.at("/error/code")).isEqualTo("validation_error");
		assertThat(blank.at("/error/status")).isEqualTo("422");
		assertThat(blank.at("/error/message")).isEqualTo("Title can't be blank");
		assertThat(blank.at("/error/details/title/0")).isEqualTo("can't be blank");
		Http.Response cents = this.sellvy.post("/products",
				"{\"title\": \"x\", \"type\": \"digital_download\", \"price\": 1.001}");
		assertThat(cents.status()).isEqualTo(422);
		assertThat(cents.at("/error/details/price/0")).contains("decimal places");
		Http.Response missing = this.sellvy.get("/products/prod_missing");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body())
			.isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"Product not found\",\"status\":404}}");
		Http.Response route = this.sellvy.get("/nowhere");
		assertThat(route.status()).isEqualTo(404);
		assertThat(route.at("/error/code")).isEqualTo("not_found");
		Http.Response anonymous = new SellvyHttp(this.http.base(), null).get("/products");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.at("/error/code")).isEqualTo("unauthorized");
		assertThat(anonymous.at("/error/status")).isEqualTo("401");
		Http.Response readOnly = new SellvyHttp(this.http.base(), this.seller.token(true, Access.READ))
			.post("/products", "{\"title\": \"x\", \"type\": \"other\", \"price\": 1}");
		assertThat(readOnly.status()).isEqualTo(403);
		assertThat(readOnly.at("/error/code")).isEqualTo("forbidden");
		Http.Response form = this.sellvy.send("POST", "/products", "title=x", "application/x-www-form-urlencoded");
		assertThat(form.status()).isEqualTo(415);
		assertThat(form.at("/error/status")).isEqualTo("415");
		Http.Response json = this.sellvy.post("/products", "{not json");
		assertThat(json.status()).isEqualTo(400);
		assertThat(json.at("/error/code")).isEqualTo("invalid_json");
		Http.Response method = this.sellvy.send("DELETE", "/products", null, null);
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.at("/error/code")).isEqualTo("method_not_allowed");
		assertThat(method.header("Allow")).contains("GET", "POST");
		Http.Response large = this.sellvy.post("/products",
				"{\"title\": \"" + "x".repeat(1_100_000) + "\", \"type\": \"other\", \"price\": 1}");
		assertThat(large.status()).isEqualTo(413);
		assertThat(large.at("/error/status")).isEqualTo("413");
		Http.Response nowhere = new SellvyHttp(this.http.base(), null).get("/nowhere");
		assertThat(nowhere.status()).isEqualTo(401);
		Http.Response duplicate = this.sellvy.post("/categories", "{\"name\": \"Dup\"}");
		assertThat(this.sellvy.post("/categories", "{\"name\": \"dup\"}").at("/error/details/name/0"))
			.isEqualTo("has already been taken");
		assertThat(this.sellvy.delete("/categories/" + duplicate.at("/data/id")).status()).isEqualTo(204);
		assertThat(this.sellvy.get("/categories/" + duplicate.at("/data/id")).at("/error/message"))
			.isEqualTo("Category not found");
		// the /v1 shape is unchanged
		assertThat(this.http.get("/v1/products/prod_missing").body())
			.isEqualTo("{\"error\":{\"type\":\"not_found\",\"message\":\"Product not found\"}}");
	}

	@Test
	void testKeysSeeASeparateStore() {
		this.sellvy.post("/products", "{\"title\": \"Live\", \"type\": \"other\", \"price\": 1}");
		SellvyHttp test = new SellvyHttp(this.http.base(), this.seller.test());
		assertThat(test.get("/products").at("/meta/total")).isEqualTo("0");
	}

}
