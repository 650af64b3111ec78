package io.clientdesk.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.clientdesk.support.Browser;
import io.clientdesk.support.BrowserSuite;
import io.clientdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People as an admin and a colleague meet them, in headless Chromium: the admin creates a
 * user on the Users page, logs out; the user logs in, changes their password on the
 * Account page, logs in again with it; the admin, in a browser of their own, disables
 * them, and the user's open page is logged out. Screenshots of every step go to
 * {@code target/screenshots/}.
 * <p>
 * Runs on H2 only, as the other browser tests: the pages are the same on both databases,
 * and what is behind them is tested on both by {@code UsersApiIT} and
 * {@code UsersPagesIT}.
 */
@IntegrationTest
@DisabledIfSystemProperty(named = "clientdesk.test.database", matches = "postgresql",
		disabledReason = "browser tests run on H2 only")
@TestInstance(Lifecycle.PER_CLASS)
class UsersBrowserIT extends BrowserSuite {

	/** The admin's own browser, beside the user's, once the test opens it. */
	Browser adminBrowser;

	UsersBrowserIT() {
		super("users");
	}

	@AfterEach
	void noContentSecurityPolicyViolationForTheAdmin() {
		if (this.adminBrowser != null) {
			assertThat(this.adminBrowser.contentSecurityPolicyViolations()).as("what the browser refused").isEmpty();
		}
	}

	@AfterAll
	void closeAdminBrowser() {
		if (this.adminBrowser != null) {
			this.adminBrowser.close();
		}
	}

	@Test
	void an_admin_creates_a_colleague_who_changes_their_password_and_is_logged_out_when_disabled() {
		String username = "Ana-" + this.run;

		// the admin creates the user on the Users page
		this.browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
		this.browser.open("/users");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Users");
		assertThat(this.browser.find(By.id("create")).getText()).contains("At least 8 characters, at most 72 bytes");
		createUser(username, "first-password-1", "MANAGER");
		assertThat(this.browser.visible(By.id("done")).getText()).isEqualTo("Created the user " + username + ".");
		WebElement row = row(username);
		assertThat(row.getText()).contains("Enabled").contains("never");
		assertThat(new Select(row.findElement(By.name("role"))).getFirstSelectedOption().getText())
			.isEqualTo("MANAGER");
		this.browser.screenshot("01-user-created", true);

		// the same name in other letters is refused next to the field, what was typed
		// kept
		createUser(username.toLowerCase(), "another-password", "AGENT");
		WebElement field = this.browser.find(By.id("new-username"));
		assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(field.getAttribute("value")).isEqualTo(username.toLowerCase());
		assertThat(this.browser.find(By.cssSelector("#create .field-error")).getText()).contains("already exists")
			.contains("ignoring case");
		assertThat(new Select(this.browser.find(By.id("new-role"))).getFirstSelectedOption().getText())
			.isEqualTo("AGENT");
		this.browser.screenshot("02-same-name-refused", true);
		this.browser.logOut();

		// the user logs in (the name in other letters) and changes their password
		this.browser.logIn(username.toUpperCase(), "first-password-1");
		this.browser.open("/account");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Your account");
		assertThat(this.browser.find(By.cssSelector(".subtitle")).getText()).contains(username).contains("MANAGER");
		assertThat(this.browser.find(By.id("change-password")).getText())
			.contains("at least 8 characters, at most 72 bytes");
		assertThat(this.browser.find(By.cssSelector("#recent-logins tbody")).getText()).contains("Logged in")
			.contains("Login form");
		changePassword("not-my-password", "second-password-2", "second-password-2");
		assertThat(this.browser.find(By.id("currentPassword")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.find(By.cssSelector("#change-password .field-error")).getText())
			.isEqualTo("is not your current password");
		this.browser.screenshot("03-wrong-current-password", true);

		changePassword("first-password-1", "second-password-2", "second-password-2");
		assertThat(this.browser.visible(By.id("done")).getText()).contains("Your password is changed");
		this.browser.screenshot("04-password-changed", true);
		this.browser.logOut();

		this.browser.open("/login");
		submitLogin(this.browser, username, "first-password-1");
		this.browser.until(ExpectedConditions.urlContains("/login?error"));
		this.browser.logIn(username, "second-password-2");
		this.browser.screenshot("05-logged-in-with-the-new-password", false);

		// the admin, elsewhere, disables them: the user's open page is logged out
		this.adminBrowser = Browser.start(this.port, "users-admin");
		this.adminBrowser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
		this.adminBrowser.open("/users");
		WebElement disable = row(this.adminBrowser, username)
			.findElement(By.cssSelector("button[aria-label^='Disable']"));
		disable.click();
		this.adminBrowser.until(ExpectedConditions.stalenessOf(disable));
		assertThat(this.adminBrowser.visible(By.id("done")).getText()).contains("Disabled " + username);
		assertThat(row(this.adminBrowser, username).getText()).contains("Disabled");
		this.adminBrowser.screenshot("06-user-disabled", true);

		this.browser.open("/clients");
		this.browser.until(ExpectedConditions.urlContains("/login"));
		submitLogin(this.browser, username, "second-password-2");
		assertThat(this.browser.visible(By.cssSelector(".alert.error")).getText()).contains("This user is disabled");
		this.browser.screenshot("07-disabled-user-refused", false);
	}

	private void createUser(String username, String password, String role) {
		WebElement name = this.browser.find(By.id("new-username"));
		name.clear();
		name.sendKeys(username);
		this.browser.find(By.id("new-password")).sendKeys(password);
		new Select(this.browser.find(By.id("new-role"))).selectByVisibleText(role);
		submit(By.id("create-user"));
	}

	private void changePassword(String current, String next, String confirm) {
		this.browser.find(By.id("currentPassword")).sendKeys(current);
		this.browser.find(By.id("newPassword")).sendKeys(next);
		this.browser.find(By.id("confirmPassword")).sendKeys(confirm);
		submit(By.id("change-password-button"));
	}

	/** Clicks a form's button and waits for the page that answers. */
	private void submit(By button) {
		WebElement element = this.browser.clickable(button);
		element.click();
		this.browser.until(ExpectedConditions.stalenessOf(element));
		this.browser.waitForHtmx();
	}

	private WebElement row(String username) {
		return row(this.browser, username);
	}

	private static WebElement row(Browser browser, String username) {
		return browser.find(By.cssSelector("#users tr[data-user='" + username + "']"));
	}

	private static void submitLogin(Browser browser, String username, String password) {
		browser.find(By.id("username")).sendKeys(username);
		browser.find(By.id("password")).sendKeys(password);
		browser.find(By.cssSelector("form button[type=submit]")).click();
	}

}
