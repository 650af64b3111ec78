package io.clientdesk.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Browser;
import io.clientdesk.support.BrowserSuite;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestClients;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a person sees, in headless Chromium: its title, its keyboard use, its times,
 * and an accessibility check with axe-core on each screenshot ({@link Browser#screenshot}
 * fails on a serious or critical violation). Screenshots go to
 * {@code target/screenshots/h2/pages/}.
 *
 * <p>
 * A context (and so a database) of its own, so that the first test sees no client at all.
 * H2 only, as {@link ImportFlowBrowserIT}.
 */
@IntegrationTest
@TestPropertySource(properties = "clientdesk.test.context=pages-browser")
@DisabledIfSystemProperty(named = "clientdesk.test.database", matches = "postgresql",
		disabledReason = "browser tests run on H2 only")
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserIT extends BrowserSuite {

	static final Instant CREATED = Instant.parse("2026-01-15T23:30:00Z");

	@Autowired
	TestClients clients;

	@Autowired
	Imports imports;

	PagesBrowserIT() {
		super("pages");
	}

	@Test
	@Order(1)
	void an_empty_clients_list_tells_a_manager_how_to_import_and_an_agent_whom_to_ask() {
		logInAsNew("mia", "MANAGER");
		WebElement empty = this.browser.visible(By.id("no-clients"));
		assertThat(empty.getText()).contains("No clients yet", "import a file", "file format", "Imports");
		assertThat(empty.findElement(By.linkText("file format")).getAttribute("href")).endsWith("/imports/format");
		assertThat(empty.findElement(By.linkText("Imports")).getAttribute("href")).endsWith("/imports");
		this.browser.screenshot("01-clients-empty-manager", false);
		// the button in the empty list opens the import dialog, from the keyboard too
		this.browser.waitForHtmx();
		this.browser.clickable(By.id("empty-import-button")).sendKeys(Keys.ENTER);
		this.browser.until((d) -> isOpen("import-dialog"));
		this.browser.visible(By.id("attach-button"));
		this.browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
		this.browser.until((d) -> !isOpen("import-dialog"));

		logInAsNew("abe", "AGENT");
		empty = this.browser.visible(By.id("no-clients"));
		assertThat(empty.getText()).contains("No clients yet", "by a manager", "file format")
			.doesNotContain("import a file");
		assertThat(this.browser.driver().findElements(By.id("import-button"))).isEmpty();
		this.browser.screenshot("02-clients-empty-agent", false);
	}

	@Test
	@Order(2)
	void the_login_page_and_a_failed_login_are_accessible_and_say_so_in_their_title() {
		this.browser.driver().manage().deleteAllCookies();
		this.browser.open("/login");
		assertThat(this.browser.driver().getTitle()).isEqualTo("Log in · ClientDesk");
		this.browser.screenshot("03-login", false);
		this.browser.find(By.id("username")).sendKeys("nobody-" + this.run);
		this.browser.find(By.id("password")).sendKeys("wrong-password");
		this.browser.find(By.cssSelector("form button[type=submit]")).click();
		this.browser.visible(By.cssSelector(".alert.error"));
		assertThat(this.browser.driver().getTitle()).isEqualTo("Log in failed · ClientDesk");
		this.browser.screenshot("04-login-failed", false);
	}

	@Test
	@Order(3)
	void the_clients_list_and_a_filter_matching_none_which_offers_to_clear_it() {
		String project = this.clients.defaultProject();
		String desk = this.clients.defaultDesk();
		for (String name : List.of("Ada", "Bea", "Cyd")) {
			this.clients.insert(name, "Lovelace", name.toLowerCase() + "." + this.run + "@example.com", project, desk,
					true, "Personal", CREATED);
		}
		logInAsNew("cal", "MANAGER");
		assertThat(this.browser.driver().getTitle()).isEqualTo("Clients · ClientDesk");
		assertThat(this.browser.find(By.id("results")).getText()).contains("ada." + this.run + "@example.com");
		this.browser.screenshot("05-clients", false);

		WebElement search = this.browser.find(By.name("q"));
		search.sendKeys("nobody-is-called-this");
		WebElement noMatch = this.browser.visible(By.id("no-match"));
		assertThat(noMatch.getText()).contains("No clients match these filters");
		assertThat(this.browser.driver().findElements(By.id("no-clients"))).isEmpty();
		this.browser.screenshot("06-clients-no-match", false);
		this.browser.find(By.id("clear-filters")).click();
		this.browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"),
				"ada." + this.run + "@example.com"));
		assertThat(this.browser.find(By.name("q")).getAttribute("value")).isEmpty();

		// a narrow window: the table scrolls inside its box, the page does not
		this.browser.driver().manage().window().setSize(new Dimension(400, 800));
		try {
			this.browser.screenshot("07-clients-400px", false);
		}
		finally {
			this.browser.driver().manage().window().setSize(new Dimension(1366, 900));
		}
	}

	@Test
	@Order(4)
	void times_are_shown_in_the_browsers_language_and_time_zone_with_utc_on_hover() {
		this.clients.insert("Tomo", "Kato", "tomo." + this.run + "@example.com", this.clients.defaultProject(),
				this.clients.defaultDesk(), true, "Personal", CREATED);
		logInAsNew("dan", "MANAGER");
		ChromeDriver chrome = (ChromeDriver) this.browser.driver();
		String row = "//tr[td[text()='tomo." + this.run + "@example.com']]//time";
		String userAgent = (String) this.browser.script("return navigator.userAgent");
		try {
			// the browser's language (en-GB, Browser's --accept-lang), in UTC
			chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "UTC"));
			this.browser.open("/clients?q=tomo." + this.run);
			assertThat(this.browser.visible(By.xpath(row)).getText()).isEqualTo("15/01/2026, 23:30");

			chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
			chrome.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "de-DE"));
			chrome.executeCdpCommand("Emulation.setUserAgentOverride",
					Map.of("userAgent", userAgent, "acceptLanguage", "de-DE"));
			this.browser.open("/clients?q=tomo." + this.run);
			this.browser.waitForHtmx();
			WebElement created = this.browser.visible(By.xpath(row));
			// 23:30 UTC on 15 January is 08:30 on 16 January in Tokyo, written the German
			// way; the server's UTC text on hover
			assertThat(created.getText()).isEqualTo("16.01.2026, 08:30");
			assertThat(created.getAttribute("title")).isEqualTo("2026-01-15 23:30 UTC");
			assertThat(created.getAttribute("datetime")).isEqualTo("2026-01-15T23:30:00.000Z");
			new Select(this.browser.find(By.cssSelector("select[name=active]"))).selectByValue("true");
			// the results come again from the server, in UTC, and are rewritten again
			this.browser.until((d) -> Boolean.TRUE
				.equals(this.browser.script("return new URL(location.href).searchParams.get('active') === 'true'")));
			this.browser.waitForHtmx();
			assertThat(this.browser.find(By.xpath(row)).getText()).isEqualTo("16.01.2026, 08:30");
			assertThat(this.browser.find(By.cssSelector("#results thead")).getText()).doesNotContainIgnoringCase("UTC");
			this.browser.screenshot("08-clients-in-tokyo-in-german", false);
		}
		finally {
			chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
			chrome.executeCdpCommand("Emulation.setLocaleOverride", Map.of());
			chrome.executeCdpCommand("Emulation.setUserAgentOverride",
					Map.of("userAgent", userAgent, "acceptLanguage", "en-GB"));
		}
	}

	@Test
	@Order(5)
	void the_user_menu_opens_from_the_keyboard_and_escape_closes_it_and_gives_the_focus_back() {
		logInAsNew("eve", "ADMIN");
		WebElement button = this.browser.find(By.id("user-menu-button"));
		assertThat(button.getText()).contains("eve" + this.run, "Admin");
		assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(this.browser.driver().findElements(By.linkText("Users"))).hasSize(1);

		focus(button);
		active().sendKeys(Keys.ENTER);
		WebElement menu = this.browser.visible(By.id("user-menu"));
		this.browser.until((d) -> "true".equals(button.getAttribute("aria-expanded")));
		assertThat(menu.getText()).contains("Account", "Log out");
		assertThat(menu.findElement(By.linkText("Account")).getAttribute("href")).endsWith("/account");
		this.browser.screenshot("09-user-menu-open", false);
		active().sendKeys(Keys.TAB);
		assertThat(active().getText()).isEqualTo("Account");
		active().sendKeys(Keys.TAB);
		assertThat(active().getText()).isEqualTo("Log out");
		active().sendKeys(Keys.ESCAPE);
		this.browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("user-menu")));
		assertThat(active().getAttribute("id")).isEqualTo("user-menu-button");
		assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");

		// Space opens it too; Tab past its last entry closes it
		active().sendKeys(Keys.SPACE);
		this.browser.visible(By.id("user-menu"));
		active().sendKeys(Keys.TAB);
		active().sendKeys(Keys.TAB);
		active().sendKeys(Keys.TAB);
		this.browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("user-menu")));

		// Log out from the menu, with the keyboard
		focus(button);
		active().sendKeys(Keys.ENTER);
		this.browser.visible(By.id("user-menu"));
		active().sendKeys(Keys.TAB);
		active().sendKeys(Keys.TAB);
		active().sendKeys(Keys.ENTER);
		this.browser.until(ExpectedConditions.urlContains("/login?logout"));
	}

	@Test
	@Order(6)
	void the_keyboard_reaches_every_control_first_the_skip_link_and_each_shows_where_the_focus_is() {
		logInAsNew("fin", "ADMIN");
		this.browser.open("/imports/format");
		this.browser.waitForHtmx();
		WebElement body = this.browser.find(By.tagName("body"));
		body.sendKeys(Keys.TAB);
		WebElement skip = active();
		assertThat(skip.getText()).isEqualTo("Skip to content");
		assertThat(skip.isDisplayed()).isTrue();
		this.browser.screenshot("10-skip-link", false);
		skip.sendKeys(Keys.ENTER);
		assertThat(active().getAttribute("id")).isEqualTo("content");

		// from the top, Tab through each page: each control it stops on has a visible
		// outline
		List<String> format = tabThrough("/imports/format", "11-focus-on-a-control");
		assertThat(format).as("the Tab stops")
			.contains("a Skip to content", "a Clients", "a Users", "a API reference", "a Error codes", "button Copy");
		assertThat(format).anySatisfy((stop) -> assertThat(stop).startsWith("button fin" + this.run));
		List<String> clients = tabThrough("/clients", null);
		assertThat(clients).as("the Tab stops")
			.anySatisfy((stop) -> assertThat(stop).startsWith("select"))
			.anySatisfy((stop) -> assertThat(stop).startsWith("div ID"));
	}

	/** Tabs once round the page; the stops, after checking that each shows its focus. */
	private List<String> tabThrough(String path, String screenshotAtTwelve) {
		this.browser.open(path);
		this.browser.waitForHtmx();
		List<String> stops = new ArrayList<>();
		List<String> unmarked = new ArrayList<>();
		this.browser.find(By.tagName("body")).sendKeys(Keys.TAB);
		for (int i = 0; i < 80; i++) {
			WebElement focused = active();
			String name = focused.getTagName() + " " + focused.getText().strip().replace('\n', ' ');
			if (!stops.isEmpty() && stops.get(0).equals(name) || "body".equals(focused.getTagName())) {
				break; // round the page once: back to the first stop, or out to the
						// browser's own
			}
			stops.add(name);
			Object outline = this.browser.script("const s = getComputedStyle(document.activeElement);"
					+ " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2");
			if (!Boolean.TRUE.equals(outline)) {
				unmarked.add(name);
			}
			if (i == 12 && screenshotAtTwelve != null) {
				this.browser.screenshot(screenshotAtTwelve, false);
			}
			new Actions(this.browser.driver()).sendKeys(Keys.TAB).perform();
		}
		assertThat(unmarked).as("controls on %s focused without a visible outline", path).isEmpty();
		return stops;
	}

	@Test
	@Order(7)
	void the_import_dialog_keeps_the_focus_and_gives_it_back_and_its_results_are_accessible() {
		Login manager = logInAsNew("gia", "MANAGER");
		WebElement importButton = this.browser.clickable(By.id("import-button"));
		importButton.click();
		this.browser.until((d) -> isOpen("import-dialog"));
		this.browser.visible(By.id("attach-button"));
		this.browser.screenshot("12-import-dialog", false);
		// Tab goes round inside the dialog
		for (int i = 0; i < 12; i++) {
			active().sendKeys(Keys.TAB);
			assertThat(this.browser
				.script("return document.getElementById('import-dialog')" + ".contains(document.activeElement)"))
				.as("focus after %s Tabs", i + 1)
				.isEqualTo(true);
		}
		active().sendKeys(Keys.ESCAPE);
		this.browser.until((d) -> !isOpen("import-dialog"));
		assertThat(active().getAttribute("id")).isEqualTo("import-button");

		// a rejected file, and a checked one
		importButton.click();
		this.browser.until((d) -> isOpen("import-dialog"));
		attach("rejected-" + this.run + ".csv", "firstName,email\n=cmd,x@example.com\n");
		this.browser.clickable(By.id("upload-button")).click();
		this.browser.visible(By.id("import-rejected"));
		this.browser.screenshot("13-import-dialog-rejected", false);
		attach("checked-" + this.run + ".csv", "firstName,email\nIda,ida." + this.run + "@example.com\n");
		this.browser.clickable(By.id("check-button")).click();
		this.browser.until((d) -> "SUCCEEDED"
			.equals(this.browser.script("return document.getElementById('import-status')?.dataset.status ?? null")));
		this.browser.screenshot("14-import-dialog-checked", false);
		this.browser.find(By.cssSelector("#import-dialog button[command=close]")).click();
		this.browser.until((d) -> !isOpen("import-dialog"));

		// the imports list, an import that succeeded and one that failed with errors
		JsonNode succeeded = this.imports.run("good-" + this.run + ".csv",
				("firstName,lastName,email\nJo,Ray,jo." + this.run + "@example.com\n").getBytes(StandardCharsets.UTF_8),
				"", manager);
		JsonNode failed = this.imports.run("bad-" + this.run + ".csv",
				("firstName,email\nKai,not-an-email\n,nofirst." + this.run + "@example.com\n")
					.getBytes(StandardCharsets.UTF_8),
				"", manager);
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		this.browser.open("/imports");
		assertThat(this.browser.driver().getTitle()).isEqualTo("Imports · ClientDesk");
		assertThat(this.browser.find(By.cssSelector("#imports thead")).getText()).doesNotContainIgnoringCase("UTC");
		this.browser.screenshot("15-imports", false);

		this.browser.open("/imports/" + succeeded.get("id").asString());
		assertThat(this.browser.driver().getTitle()).isEqualTo("Import of good-" + this.run + ".csv · ClientDesk");
		assertThat(this.browser.find(By.cssSelector(".subtitle time")).getAttribute("title")).endsWith(" UTC");
		this.browser.screenshot("16-import-succeeded", true);
		this.browser.open("/imports/" + failed.get("id").asString());
		assertThat(this.browser.find(By.id("errors")).getText()).contains("not-an-email");
		this.browser.screenshot("17-import-failed", true);
		this.browser.driver().manage().window().setSize(new Dimension(400, 800));
		try {
			this.browser.screenshot("18-import-failed-400px", true);
		}
		finally {
			this.browser.driver().manage().window().setSize(new Dimension(1366, 900));
		}
	}

	@Test
	@Order(8)
	void the_reference_pages_the_audit_log_and_a_missing_page_are_accessible_and_named() {
		logInAsNew("hal", "ADMIN");
		this.browser.open("/imports/format");
		assertThat(this.browser.driver().getTitle()).isEqualTo("Import file format · ClientDesk");
		this.browser.screenshot("19-file-format", true);
		this.browser.open("/organisation");
		assertThat(this.browser.driver().getTitle()).isEqualTo("Projects & desks · ClientDesk");
		this.browser.screenshot("20-organisation", false);
		this.browser.open("/audit");
		assertThat(this.browser.driver().getTitle()).isEqualTo("Audit log · ClientDesk");
		assertThat(this.browser.find(By.cssSelector("#results thead")).getText()).doesNotContainIgnoringCase("UTC");
		this.browser.visible(By.cssSelector("#results tbody time"));
		this.browser.screenshot("21-audit-log", false);
		this.browser.open("/api-reference");
		this.browser.until((driver) -> driver.findElements(By.cssSelector(".opblock")).size() >= 15);
		// our copy of Swagger UI's page, with its contrast fixes, is the one served
		assertThat(this.browser.driver().getTitle()).isEqualTo("API reference · ClientDesk");
		this.browser.screenshot("22-api-reference", false);
		// and it has a way back
		this.browser.find(By.cssSelector("nav.back a[href='/imports/format']")).click();
		this.browser.until(ExpectedConditions.titleContains("file format"));
		this.browser.open("/no-such-page-" + this.run);
		assertThat(this.browser.driver().getTitle()).isEqualTo("Page not found · ClientDesk");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Page not found");
		this.browser.screenshot("23-page-not-found", false);
	}

	private Login logInAsNew(String name, String role) {
		Login login = new Api(this.port).user(name + this.run, role);
		this.browser.driver().manage().deleteAllCookies();
		this.browser.logIn(login.username(), login.password());
		return login;
	}

	private WebElement active() {
		return this.browser.driver().switchTo().activeElement();
	}

	private void focus(WebElement element) {
		this.browser.script("arguments[0].focus()", element);
	}

	private boolean isOpen(String dialogId) {
		return Boolean.TRUE
			.equals(this.browser.script("return !!document.getElementById(arguments[0])?.open", dialogId));
	}

	private void attach(String name, String content) {
		try {
			java.nio.file.Path file = java.nio.file.Files.createTempDirectory("clientdesk-pages-").resolve(name);
			java.nio.file.Files.writeString(file, content, StandardCharsets.UTF_8);
			this.browser.find(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
			this.browser.until(ExpectedConditions.textToBe(By.id("import-file-name"), name));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
