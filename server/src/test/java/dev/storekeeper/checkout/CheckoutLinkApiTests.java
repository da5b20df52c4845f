package dev.storekeeper.checkout;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutLinkApiTests extends ApiTest {

	Seller seller;

	Http api;

	@BeforeEach
	void seller() {
		this.seller = this.sellers.create();
		this.api = this.http.as(this.seller.test());
	}

	private Response variant(String name, String extra) {
		String product = this.api.post("/v1/products", "{\"name\":\"" + name + "\"}").at("/prefixId");
		Response variant = this.api.post("/v1/price_variants", "{\"productId\":\"" + product
				+ "\",\"name\":\"Std\",\"amount\":1500,\"currency\":\"USD\"" + extra + "}");
		this.api.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		return variant;
	}

	@Test
	void aLinkOpensACheckoutAndRedirectsToItsHostedPage() throws Exception {
		Response variant = variant("Ebook", "");
		String discount = this.api.post("/v1/discounts", "{\"code\":\"LINK10\",\"percentOff\":10}").at("/prefixId");
		Response link = this.api.post("/v1/checkout_links", "{\"checkout_link\":{\"name\":\"Launch\",\"discountId\":\""
				+ discount + "\",\"priceVariantIds\":[\"" + variant.at("/prefixId") + "\"]}}");
		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		assertThat(link.at("/discount/code")).isEqualTo("LINK10");
		assertThat(link.at("/priceVariants/0/prefixId")).isEqualTo(variant.at("/prefixId"));
		assertThat(link.at("/products/0/name")).isEqualTo("Ebook");
		String url = link.at("/url");
		String path = url.substring(url.indexOf("/l/"));

		Response opened = this.http.get(path);
		assertThat(opened.status()).isEqualTo(303);
		String location = opened.header("Location");
		assertThat(location).contains("/checkout/cs_");
		String secret = location.substring(location.indexOf("/checkout/") + "/checkout/".length());
		Response checkout = this.http.get("/v1/client/checkouts/" + secret);
		assertThat(checkout.at("/total")).isEqualTo("1350");
		assertThat(this.http.get(location.substring(location.indexOf("/checkout/"))).body()).contains("Ebook");

		HttpResponse<byte[]> png = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.http.base() + path + "/qr.png")).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(png.statusCode()).isEqualTo(200);
		assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
		var image = ImageIO.read(new ByteArrayInputStream(png.body()));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		String decoded = new QRCodeReader()
			.decode(new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
		assertThat(decoded).isEqualTo(url);
		assertThat(this.http.get("/l/unknownunknownunknown12").status()).isEqualTo(404);
	}

	@Test
	void linksFollowTheirRules() {
		Response a = variant("A", "");
		Response a2 = this.api.post("/v1/price_variants", "{\"productId\":\"" + a.at("/productId")
				+ "\",\"name\":\"Deluxe\",\"amount\":3000,\"currency\":\"USD\"}");
		Response club = variant("Club", ",\"billingType\":\"recurring\",\"recurringInterval\":\"month\"");
		Response club2 = variant("Club 2", ",\"billingType\":\"recurring\",\"recurringInterval\":\"year\"");
		assertRefused("{\"name\":\"Empty\"}", "Price variant ids must name at least one price variant");
		assertRefused("{\"priceVariantIds\":[\"" + a.at("/prefixId") + "\",\"" + a2.at("/prefixId") + "\"]}",
				"Price variant ids can hold at most one price variant per product");
		assertRefused("{\"priceVariantIds\":[\"" + a.at("/prefixId") + "\",\"" + club.at("/prefixId") + "\"]}",
				"Price variant ids cannot mix subscription and one-time price variants");
		assertRefused("{\"priceVariantIds\":[\"" + club.at("/prefixId") + "\",\"" + club2.at("/prefixId") + "\"]}",
				"Price variant ids can hold at most one subscription price variant");
		String expired = this.api.post("/v1/discounts", "{\"code\":\"OLD\",\"percentOff\":10,\"maxRedemptions\":1}")
			.at("/prefixId");
		this.api.post("/v1/discounts", "{}");
		String later = this.api
			.post("/v1/discounts", "{\"code\":\"LATER\",\"percentOff\":10,\"startsAt\":\"2999-01-01T00:00:00Z\"}")
			.at("/prefixId");
		assertRefused("{\"discountId\":\"" + later + "\",\"priceVariantIds\":[\"" + a.at("/prefixId") + "\"]}",
				"Discount must be an active discount");
		assertThat(expired).startsWith("disc_");
		assertRefused("{\"priceVariantIds\":[\"pv_nope\"]}", "Price variant ids contains an unknown price variant");

		Response link = this.api.post("/v1/checkout_links", "{\"priceVariantIds\":[" + a.at("/id") + "]}");
		assertThat(link.status()).isEqualTo(201);
		Response updated = this.api.patch("/v1/checkout_links/" + link.at("/prefixId"),
				"{\"name\":\"Renamed\",\"allowDiscountCodes\":false}");
		assertThat(updated.at("/name")).isEqualTo("Renamed");
		assertThat(updated.at("/allowDiscountCodes")).isEqualTo("false");
		assertThat(this.api.get("/v1/checkout_links").at("/pagination/count")).isEqualTo("1");
		assertThat(this.http.as(this.seller.live()).get("/v1/checkout_links/" + link.at("/prefixId")).status())
			.isEqualTo(404);
		assertThat(this.http.as(this.sellers.create().test())
			.delete("/v1/checkout_links/" + link.at("/prefixId"))
			.status()).isEqualTo(404);
		assertThat(this.api.delete("/v1/checkout_links/" + link.at("/prefixId")).status()).isEqualTo(200);
		assertThat(this.api.get("/v1/checkout_links/" + link.at("/prefixId")).status()).isEqualTo(404);
	}

	private void assertRefused(String body, String message) {
		Response response = this.api.post("/v1/checkout_links", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.at("/error/message")).isEqualTo(message);
	}

}
