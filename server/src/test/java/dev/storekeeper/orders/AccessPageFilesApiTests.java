package dev.storekeeper.orders;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.storekeeper.customers.Customers;
import dev.storekeeper.payments.Payments;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The buyer's page links each file of a download experience with a fresh signed URL. */
class AccessPageFilesApiTests extends ApiTest {

	private static final String BOUNDARY = "----access-page-files";

	@Autowired
	OrderBook orders;

	@Autowired
	Customers customers;

	@Autowired
	Payments payments;

	@Autowired
	dev.storekeeper.catalog.Catalog catalog;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void linksEachFileWithASignedUrlUntilAccessIsRevoked() {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		OrderFixtures fixtures = new OrderFixtures(api, seller, false, this.orders, this.customers, this.payments,
				this.catalog, this.transactions);
		String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pattern.pdf\""
				+ "\r\nContent-Type: application/pdf\r\n\r\n%PDF pattern\r\n--" + BOUNDARY + "--\r\n";
		Response file = api.sendBytes("POST", "/v1/files", body.getBytes(StandardCharsets.UTF_8),
				"multipart/form-data; boundary=" + BOUNDARY);
		assertThat(file.status()).isEqualTo(201);
		Response downloads = api.post("/v1/experiences", "{\"name\":\"Patterns\",\"itemType\":\"download\","
				+ "\"content\":{\"files\":[\"" + file.at("/prefixId") + "\"]}}");
		assertThat(downloads.status()).isEqualTo(201);
		Response variant = fixtures.variant("Sewing patterns", 900,
				",\"experienceIds\":[\"" + downloads.at("/prefixId") + "\"]");
		PlacedOrder placed = fixtures.buy(variant, "sewer@example.com", 1, 0);
		String url = api.get("/v1/orders/" + placed.prefixId() + "?expand=access_tokens").at("/accessTokens/0/url");
		String path = url.substring(url.indexOf("/access/"));

		Response page = this.http.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Patterns", "pattern.pdf");
		String link = page.body().replaceAll("(?s).*<a class=\"file\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
		assertThat(link).contains("/files/" + file.at("/prefixId") + "/pattern.pdf?expires=");
		Response download = this.http.get(link.substring(link.indexOf("/files/")));
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("%PDF pattern");

		api.post("/v1/orders/" + placed.prefixId() + "/refund", "{}");
		Response revoked = this.http.get(path);
		assertThat(revoked.status()).isEqualTo(410);
		assertThat(revoked.body()).doesNotContain("/files/");
	}

}
