package dev.storekeeper.checkout;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Chromium;
import dev.storekeeper.support.Http;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted checkout page driven by a real headless Chromium: a discount code, a
 * declined card, then a sale.
 */
class HostedCheckoutBrowserTests extends ApiTest {

	private WebDriver browser;

	@BeforeEach
	void browser() throws Exception {
		this.browser = Chromium.start();
	}

	@AfterEach
	void close() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	/** Form posts load a new page: wait for it rather than read the old one. */
	private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(15)).until(condition);
	}

	@Test
	void aBuyerPaysOnTheHostedPage() {
		Seller seller = this.sellers.create();
		Http api = this.http.as(seller.test());
		String guide = api.post("/v1/experiences",
				"{\"name\":\"Field notes\",\"itemType\":\"written\",\"content\":{\"bodyHtml\":\"<p>Welcome aboard</p>\"}}")
			.at("/prefixId");
		String product = api.post("/v1/products", "{\"name\":\"Birding course\"}").at("/prefixId");
		String variant = api
			.post("/v1/price_variants",
					"{\"productId\":\"" + product
							+ "\",\"name\":\"Lifetime\",\"amount\":6000,\"currency\":\"USD\",\"experienceIds\":[\""
							+ guide + "\"]}")
			.at("/prefixId");
		api.patch("/v1/products/" + product, "{\"status\":\"active\"}");
		api.post("/v1/discounts", "{\"code\":\"BIRDS\",\"percentOff\":50}");
		String url = api.post("/v1/checkouts", "{\"priceVariantId\":\"" + variant + "\"}").at("/url");
		String page = this.http.base() + url.substring(url.indexOf("/checkout/"));

		this.browser.get(page);
		assertThat(this.browser.getPageSource()).contains("Birding course").contains("USD 60.00");
		this.browser.findElement(By.id("email")).sendKeys("robin@example.com");
		this.browser.findElement(By.id("name")).sendKeys("Robin");
		this.browser.findElement(By.id("discountCode")).sendKeys("birds");
		this.browser.findElement(By.id("apply")).click();
		waitFor(ExpectedConditions.textToBe(By.id("total"), "USD 30.00"));

		this.browser.findElement(By.id("cardNumber")).sendKeys("4000 0000 0000 0002");
		this.browser.findElement(By.id("expiry")).sendKeys("12/40");
		this.browser.findElement(By.id("cvc")).sendKeys("123");
		this.browser.findElement(By.id("pay")).click();
		waitFor(ExpectedConditions.textToBe(By.id("error"), "Your card was declined."));
		assertThat(api.get("/v1/orders").at("/pagination/count")).isEqualTo("0");

		this.browser.findElement(By.id("cardNumber")).clear();
		this.browser.findElement(By.id("cardNumber")).sendKeys("4242 4242 4242 4242");
		this.browser.findElement(By.id("cvc")).sendKeys("123");
		this.browser.findElement(By.id("pay")).click();
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you!"));
		String order = this.browser.findElement(By.id("order")).getText();
		assertThat(api.get("/v1/orders/" + order).at("/amount")).isEqualTo("3000");

		String access = this.browser.findElement(By.className("access")).getAttribute("href");
		// links carry PUBLIC_URL; the test server listens on a random port
		this.browser.get(this.http.base() + access.substring(access.indexOf("/access/")));
		// the seller's HTML is shown in its sandboxed frame, not on the page itself
		waitFor(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe.seller")));
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Welcome aboard"));
	}

}
