package dev.storekeeper.support;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's headless Chromium driven through its own chromedriver (Selenium Manager cannot
 * download drivers here), for the browser tests.
 */
public final class Chromium {

	private static final String BINARY = "/usr/bin/chromium";

	private static final String DRIVER = "/usr/bin/chromedriver";

	private Chromium() {
	}

	/**
	 * A new headless browser with a fresh profile, its arguments after the usual ones;
	 * fails the test with the command that installs Chromium when it is missing.
	 */
	public static WebDriver start(String... arguments) throws Exception {
		if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
			fail("This test needs Debian's chromium and chromium-driver (" + BINARY + ", " + DRIVER
					+ "): apt-get install -y chromium chromium-driver (.ci/run does)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
				"--user-data-dir=" + Files.createTempDirectory("storekeeper-chromium"));
		options.addArguments(arguments);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return browser;
	}

}
