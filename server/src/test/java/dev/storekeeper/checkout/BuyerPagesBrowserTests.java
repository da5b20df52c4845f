package dev.storekeeper.checkout;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Chromium;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer in a real headless Chromium buys from a test-mode product page: the button, the
 * hosted checkout, the payment, the thank-you page, the receipt and the access page; and
 * reads the seller's blog. Every public page is checked by axe-core (no serious or
 * critical violation) and reached by keyboard; each is photographed at 375 and 1280 px,
 * into {@code docs/screenshots} when the build is run with {@code -Dscreenshots=docs} (so
 * a test run leaves the work tree alone), else into {@code target/screenshots}.
 */
class BuyerPagesBrowserTests extends ApiTest {

	private static final boolean INTO_DOCS = "docs".equals(System.getProperty("screenshots"));

	private static final String BOUNDARY = "----storekeeper-pages-boundary";

	private WebDriver browser;

	private final List<String> violations = new ArrayList<>();

	@BeforeEach
	void browser() throws Exception {
		this.browser = Chromium.start("--hide-scrollbars", "--force-device-scale-factor=1");
		this.browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@AfterEach
	void close() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aBuyerBuysFromTheProductPageAndEveryPageIsAccessible() throws Exception {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		api.patch("/v1/account", "{\"name\":\"Hedgerow Press\",\"availableSupportEmail\":\"help@hedgerow.example\","
				+ "\"brandColor\":\"#1a7f37\"}");
		String guide = api
			.post("/v1/experiences",
					"{\"name\":\"Field notes\",\"itemType\":\"written\",\"content\":{\"bodyHtml\":"
							+ "\"<h2>Welcome aboard</h2><p>Start with chapter one: the hedge in winter.</p>\"}}")
			.at("/prefixId");
		String cover = image(api);
		String product = api
			.post("/v1/products", "{\"name\":\"Birding course\",\"description\":"
					+ "\"Twelve weeks of birdsong, from the first robin to the last swift.\",\"bodyHtml\":"
					+ "\"<h2>What you get</h2><ul><li>12 video lessons</li><li>Printable field cards</li>"
					+ "<li>A private forum</li></ul><p>Made for beginners: no binoculars needed to start.</p>\","
					+ "\"buttonCta\":\"Start birding\",\"mediaItems\":[{\"sourceType\":\"url\",\"url\":\"" + cover
					+ "\"}]}")
			.at("/prefixId");
		String variant = api
			.post("/v1/price_variants",
					"{\"productId\":\"" + product + "\",\"name\":\"Lifetime access\","
							+ "\"amount\":6000,\"discountedFromAmount\":8000,\"currency\":\"USD\",\"benefits\":"
							+ "[\"Every lesson, forever\",\"Future updates\"],\"experienceIds\":[\"" + guide + "\"]}")
			.at("/prefixId");
		api.post("/v1/price_variants", "{\"productId\":\"" + product + "\",\"name\":\"Pay what you can\","
				+ "\"amountType\":\"pay_what_you_want\",\"amount\":0,\"presetAmount\":2000,\"minimumAmount\":500,"
				+ "\"currency\":\"USD\",\"experienceIds\":[\"" + guide + "\"]}");
		api.post("/v1/price_variants", "{\"productId\":\"" + product + "\",\"name\":\"Guided walk\","
				+ "\"amount\":4500,\"currency\":\"USD\",\"quantityAvailable\":0}");
		String url = api.patch("/v1/products/" + product, "{\"status\":\"active\"}").at("/url");
		assertThat(url).contains("/p/test/");

		// the product page: the test-mode preview at the product's url
		open(url.substring(url.indexOf("/p/")));
		assertThat(this.browser.findElement(By.className("test-banner")).getText()).contains("Test mode");
		assertThat(this.browser.findElement(By.cssSelector("img.cover")).getAttribute("naturalWidth"))
			.isNotEqualTo("0");
		check("product");
		// by keyboard: the first offer's button takes focus and buys
		WebElement buy = this.browser.findElement(By.id("buy-" + variant));
		assertThat(buy.getText()).isEqualTo("Start birding");
		buy.sendKeys(Keys.ENTER);
		waitFor(ExpectedConditions.urlContains("/checkout/cs_"));

		// the hosted checkout
		assertThat(this.browser.getPageSource()).contains("Birding course", "USD 60.00");
		check("checkout");
		this.browser.findElement(By.id("email")).sendKeys("robin@example.com");
		this.browser.findElement(By.id("name")).sendKeys("Robin");
		this.browser.findElement(By.id("cardNumber")).sendKeys("4242 4242 4242 4242");
		this.browser.findElement(By.id("expiry")).sendKeys("12/40");
		this.browser.findElement(By.id("cvc")).sendKeys("123");
		this.browser.findElement(By.id("pay")).click();
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you!"));
		check("thank-you");
		String order = this.browser.findElement(By.id("order")).getText();
		assertThat(api.get("/v1/orders/" + order).at("/amount")).isEqualTo("6000");

		// the access page
		String access = this.browser.findElement(By.className("access")).getAttribute("href");
		open(access.substring(access.indexOf("/access/")));
		check("access");
		waitFor(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe.seller")));
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Welcome aboard"));
		this.browser.switchTo().defaultContent();

		// the receipt
		String receipt = api.get("/v1/orders/" + order + "?expand=charge").at("/charge/receiptUrl");
		open(receipt.substring(receipt.indexOf("/receipts/")));
		assertThat(this.browser.findElement(By.className("amount")).getText()).isEqualTo("USD 60.00");
		check("receipt");

		// an invoice the seller sends, paid from its hosted page
		String invoicePage = api
			.post("/v1/invoices",
					"{\"invoice\":{\"priceVariant\":\"" + variant + "\",\"customerName\":\"Robin\","
							+ "\"emailAddress\":\"robin@example.com\",\"dueAt\":\"2099-12-31T00:00:00Z\"}}")
			.at("/hostedInvoiceUrl");
		open(invoicePage.substring(invoicePage.indexOf("/invoice/")));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).startsWith("Invoice #");
		check("invoice");
		this.browser.findElement(By.id("pay")).sendKeys(Keys.ENTER);
		waitFor(ExpectedConditions.urlContains("/checkout/cs_"));

		// the blog (live mode) and a page that is not there
		Http live = this.http.as(seller.live());
		live.post("/v1/blog_posts", "{\"title\":\"The first swift\",\"status\":\"published\",\"content\":"
				+ "\"<p>They came back on a Tuesday, screaming over the rooftops.</p>\"}");
		open("/blog/" + seller.account().subdomain() + "/");
		check("blog");
		this.browser.findElement(By.linkText("The first swift")).click();
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "The first swift"));
		check("blog-post");
		open("/l/nosuchlink");
		check("not-found");

		assertThat(this.violations).as("axe-core: serious or critical violations").isEmpty();
	}

	private void open(String path) {
		this.browser.get(this.http.base() + path);
	}

	/**
	 * axe-core on the page (not in the seller's frames, whose HTML is theirs), a
	 * focusable first control, and the page at 375 and 1280 px.
	 */
	private void check(String name) throws IOException {
		Results results = new AxeBuilder().disableIframeTesting().analyze(this.browser);
		for (Rule rule : results.getViolations()) {
			if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
				this.violations.add(name + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " "
						+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList());
			}
		}
		screenshot(name, 375);
		screenshot(name, 1280);
		this.browser.manage().window().setSize(new Dimension(1280, 900));
	}

	private void screenshot(String name, int width) throws IOException {
		this.browser.manage().window().setSize(new Dimension(width, 900));
		long height = (Long) ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollHeight");
		this.browser.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 2400)));
		byte[] png = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
		Path folder = INTO_DOCS ? Path.of("..", "docs", "screenshots") : Path.of("target", "screenshots");
		Files.createDirectories(folder);
		Files.write(folder.resolve(name + "-" + width + ".png"), png);
	}

	/** A cover picture uploaded to the seller's files, at an address of this server. */
	private String image(Http api) throws IOException {
		BufferedImage picture = new BufferedImage(960, 600, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = picture.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(0x2f6f4f), 960, 600, new Color(0xe3c16f)));
		g.fillRect(0, 0, 960, 600);
		g.setColor(new Color(255, 255, 255, 200));
		g.fillOval(560, 120, 220, 220);
		g.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(picture, "png", png);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cover.png\""
				+ "\r\nContent-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(png.toByteArray());
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		String file = api
			.sendBytes("POST", "/v1/files", body.toByteArray(), "multipart/form-data; boundary=" + BOUNDARY)
			.at("/prefixId");
		String signed = api.post("/v1/files/" + file + "/download_url", "{\"expiresIn\":86400}").at("/url");
		// links carry PUBLIC_URL; the test server listens on a random port
		return this.http.base() + signed.substring(signed.indexOf("/files/"));
	}

	private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(15)).until(condition);
	}

}
