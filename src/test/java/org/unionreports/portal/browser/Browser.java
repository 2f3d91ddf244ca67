package org.unionreports.portal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's chromium driven by Selenium, as a person would use the portal: headless, a fresh profile, the
 * driver given explicitly (Selenium Manager would try to download one), explicit waits, a screenshot
 * after every step under {@code target/browser-screenshots/}, and axe-core's accessibility rules.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	/** axe-core's impacts that fail a test. */
	private static final Set<String> FAILING = Set.of("serious", "critical");

	private final ChromeDriver driver;

	private final String base;

	private int shot;

	/** Skips the calling test, saying why, when chromium or its driver is not installed. */
	static void assumeInstalled() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
						+ "(apt-get install chromium chromium-driver; .ci/run does this).");
	}

	Browser(String base) {
		this.base = base;
		try {
			Files.createDirectories(SCREENSHOTS);
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--lang=zh-CN",
					"--user-data-dir=" + Files.createTempDirectory("chromium-profile-").toAbsolutePath());
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			this.driver = new ChromeDriver(service, options);
			this.driver.manage().window().setSize(new Dimension(1280, 1000));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void open(String path) {
		this.driver.get(this.base + path);
		waitFor(By.tagName("main"));
	}

	WebElement waitFor(By by) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	void waitForText(By by, String text) {
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	WebElement find(By by) {
		return this.driver.findElement(by);
	}

	/** Clicks the element once it is scrolled to the middle of the window (nothing sticky in the way). */
	void click(By by) {
		WebElement element = waitFor(by);
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(element));
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException ex) {
			// Headless chromium sometimes reports a click on a long page as intercepted by nothing at all.
			((JavascriptExecutor) this.driver).executeScript("arguments[0].click();", element);
		}
	}

	void type(By by, String text) {
		WebElement field = waitFor(by);
		field.clear();
		field.sendKeys(text);
	}

	String path() {
		return this.driver.getCurrentUrl().substring(this.base.length());
	}

	String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	void signIn(String username, String password) {
		this.driver.manage().deleteAllCookies();
		open("/login");
		type(By.name("username"), username);
		type(By.name("password"), password);
		click(By.cssSelector("main form button[type=submit]"));
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	void signOut() {
		this.driver.manage().deleteAllCookies();
	}

	/** Saves the page as it looks now: target/browser-screenshots/NN-name.png. */
	Path screenshot(String name) {
		try {
			Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++this.shot, name));
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs axe-core in the page; fails on any serious or critical violation, naming each. */
	void assertAccessible() {
		Results results = new AxeBuilder().analyze(this.driver);
		List<Rule> failing = results.getViolations().stream().filter(rule -> FAILING.contains(rule.getImpact())).toList();
		assertThat(failing).as("axe-core violations on %s: %s", path(), failing.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes()
				.stream()
				.limit(3)
				.map(node -> node.getTarget().toString())
				.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("; "))).isEmpty();
	}

	/** Whether the page is wider than the window (something a phone would have to scroll sideways for). */
	boolean overflowsSideways() {
		Object overflow = ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
		return Boolean.TRUE.equals(overflow);
	}

	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
