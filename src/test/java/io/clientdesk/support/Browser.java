package io.clientdesk.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the distribution ({@code /usr/bin/chromium} driven by
 * {@code /usr/bin/chromedriver}; nothing is downloaded), for browser tests. Where they
 * are missing, the tests are skipped with a message, except in CI ({@code CI=true}),
 * where that is a failure.
 * <p>
 * Every screenshot is also an accessibility check: axe-core runs on the page as shot and
 * the test fails on any serious or critical violation ({@link #assertAccessible}), so
 * each page a browser test shows is checked.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("clientdesk.test.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path
		.of(System.getProperty("clientdesk.test.chromedriver", "/usr/bin/chromedriver"));

	/** The impacts of an axe-core violation that fail a test. */
	static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

	/** Long enough for a busy shared machine; every wait ends as soon as it can. */
	public static final Duration WAIT = Duration.ofSeconds(15);

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private final Path screenshots;

	private final HttpClient http = HttpClient.newHttpClient();

	private Browser(ChromeDriver driver, Path profile, String base, Path screenshots) {
		this.driver = driver;
		this.profile = profile;
		this.base = base;
		this.screenshots = screenshots;
	}

	/**
	 * Starts Chromium for the application on the given port; screenshots go to
	 * {@code target/screenshots/<database>/<suite>/}.
	 */
	public static Browser start(int port, String suite) {
		requireChromium();
		try {
			Path profile = Files.createTempDirectory("clientdesk-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			// the console's messages, where Chromium reports what the page's policy
			// refused
			options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1366,900", "--lang=en-GB",
					// the languages pages see (navigator.languages, Accept-Language):
					// headless
					// Chromium takes them from this, not from --lang
					"--accept-lang=en-GB", "--user-data-dir=" + profile);
			// the driver is given, so Selenium Manager never looks for (or downloads) one
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().window().setSize(new Dimension(1366, 900));
			// axe-core checks a large page (a grid of 1 000 rows, the Users page's scope
			// lists) in tens of seconds on a busy 2-core machine: past WebDriver's
			// default
			// 30 s
			driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(180));
			Path screenshots = Path.of("target", "screenshots", TestDatabase.isPostgres() ? "postgresql" : "h2", suite);
			Files.createDirectories(screenshots);
			return new Browser(driver, profile, "http://127.0.0.1:" + port, screenshots);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireChromium() {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (present) {
			return;
		}
		String reason = "Chromium (" + CHROMIUM + ") or ChromeDriver (" + CHROMEDRIVER
				+ ") is missing: install the Debian packages chromium and chromium-driver";
		if ("true".equals(System.getenv("CI"))) {
			Assertions.fail(reason + " (browser tests are required in CI)");
		}
		System.err.println("[clientdesk] " + reason + "; browser tests skipped");
		Assumptions.abort(reason + "; browser tests skipped");
	}

	public WebDriver driver() {
		return this.driver;
	}

	public void open(String path) {
		this.driver.get(this.base + path);
	}

	/**
	 * Logs in afresh, whoever was logged in before: the cookies are dropped on the login
	 * page, which polls nothing, so that no request of the page before (the bell's)
	 * starts an anonymous session that the login would then continue to.
	 */
	/**
	 * Logs out as a user does: the user menu (the name, top right), then "Log out".
	 */
	public void logOut() {
		clickable(By.id("user-menu-button")).click();
		clickable(By.cssSelector("#user-menu form.logout button")).click();
		until(ExpectedConditions.urlContains("/login?logout"));
	}

	public void logIn(String username, String password) {
		open("/login");
		this.driver.manage().deleteAllCookies();
		open("/login");
		find(By.id("username")).sendKeys(username);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("form button[type=submit]")).click();
		until(ExpectedConditions.urlContains("/clients"));
		waitForHtmx();
	}

	public WebElement find(By by) {
		return until(ExpectedConditions.presenceOfElementLocated(by));
	}

	public WebElement visible(By by) {
		return until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public WebElement clickable(By by) {
		return until(ExpectedConditions.elementToBeClickable(by));
	}

	/**
	 * Clicks what the locator finds, found again if htmx replaced it meanwhile (the bell
	 * is polled).
	 */
	public void click(By by) {
		until((d) -> {
			d.findElement(by).click();
			return true;
		});
	}

	public <T> T until(Function<? super WebDriver, T> condition) {
		// htmx replaces what it polls: an element found a moment ago may be gone
		return new WebDriverWait(this.driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** Waits until htmx has no request in flight. */
	public void waitForHtmx() {
		until((d) -> Boolean.TRUE.equals(script("return document.readyState === 'complete' && !!window.htmx"
				+ " && document.querySelectorAll('.htmx-request').length === 0")));
	}

	/**
	 * Saves a screenshot of the viewport, or of the whole page (the window grown to its
	 * height for the shot), then checks the page as shot with axe-core
	 * ({@link #assertAccessible}).
	 */
	public Path screenshot(String name, boolean fullPage) {
		Path shot = screenshotOnly(name, fullPage);
		assertAccessible(name);
		return shot;
	}

	/**
	 * Runs axe-core on the current page (its script injected by WebDriver, which the
	 * page's Content-Security-Policy does not govern) and fails on any serious or
	 * critical violation, listing each with its rule, the elements and what is wrong. The
	 * API reference's Swagger UI is checked too: its contrast and labels are ours to fix
	 * (its index.css and settings).
	 */
	public void assertAccessible(String where) {
		List<String> failures = seriousViolations(new AxeBuilder(), where);
		if (!failures.isEmpty()) {
			Assertions.fail("Accessibility violations (axe-core, serious or critical) on " + where + " ("
					+ this.driver.getCurrentUrl() + "):\n" + String.join("\n", failures));
		}
	}

	private List<String> seriousViolations(AxeBuilder axe, String where) {
		Results results = axe.analyze(this.driver);
		if (results.isErrored()) {
			Assertions.fail("axe-core failed on " + where + ": " + results.getErrorMessage());
		}
		return results.getViolations()
			.stream()
			.filter((rule) -> FAILING_IMPACTS.contains(rule.getImpact()))
			.map(Browser::describe)
			.toList();
	}

	private static String describe(Rule rule) {
		String nodes = rule.getNodes()
			.stream()
			.map((CheckedNode node) -> "    " + node.getTarget() + ": "
					+ String.valueOf(node.getFailureSummary()).replace("\n", " "))
			.collect(Collectors.joining("\n"));
		return "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n" + nodes;
	}

	/** A screenshot without the accessibility check: a page caught between two states. */
	public Path screenshotOnly(String name, boolean fullPage) {
		Dimension size = this.driver.manage().window().getSize();
		try {
			if (fullPage) {
				Number height = (Number) script("return document.documentElement.scrollHeight");
				this.driver.manage()
					.window()
					.setSize(new Dimension(size.getWidth(), Math.max(size.getHeight(), height.intValue() + 140)));
			}
			File shot = this.driver.getScreenshotAs(OutputType.FILE);
			Path target = this.screenshots.resolve(name + ".png");
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (fullPage) {
				this.driver.manage().window().setSize(size);
			}
		}
	}

	/**
	 * What Chromium refused under the pages' Content-Security-Policy since the last call,
	 * on every page visited since (its console messages saying so, which it reads once).
	 */
	public List<String> contentSecurityPolicyViolations() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
	}

	/** A GET of a page's link, with the browser's session cookie, as a download would. */
	public HttpResponse<String> fetch(String href) {
		Cookie session = this.driver.manage().getCookieNamed(WebSession.COOKIE);
		URI uri = URI.create(this.base).resolve(href);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
		if (session != null) {
			request.header("Cookie", WebSession.COOKIE + "=" + session.getValue());
		}
		return Api.exchange(this.http, request.build());
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
			catch (IOException ex) {
				// a temporary directory left behind
			}
		}
	}

}
