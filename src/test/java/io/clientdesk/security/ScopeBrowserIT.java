package io.clientdesk.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.BrowserSuite;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scope as an admin sets it and a manager meets it, in headless Chromium: on the Users
 * page the admin limits a manager to one project; the manager then sees only that
 * project's clients on the clients page, is told so, and filters among their scope's
 * projects only. Screenshots go to {@code target/screenshots/<database>/scope/}.
 * <p>
 * H2 only, as the other browser tests; {@code ScopedUsersIT} tests the same on both
 * databases through the API.
 */
@IntegrationTest
@DisabledIfSystemProperty(named = "clientdesk.test.database", matches = "postgresql",
		disabledReason = "browser tests run on H2 only")
@TestInstance(Lifecycle.PER_CLASS)
class ScopeBrowserIT extends BrowserSuite {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	ScopeBrowserIT() {
		super("scope");
	}

	@Test
	void an_admin_limits_a_manager_to_a_project_on_the_users_page_and_the_manager_sees_only_its_clients() {
		String brandA = "Brand A " + this.run;
		String brandB = "Brand B " + this.run;
		String projectA = this.api.newProject(brandA);
		String projectB = this.api.newProject(brandB);
		JsonNode done = this.imports.run("brands.csv",
				("firstName,lastName,email,project\n" + "Alma,Ames,alma-" + this.run + "@example.com," + projectA + "\n"
						+ "Boris,Banks,boris-" + this.run + "@example.com," + projectB + "\n")
					.getBytes(StandardCharsets.UTF_8),
				"", Login.ADMIN);
		assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
		Login manager = this.api.user("scoped-" + this.run, "MANAGER");

		// the admin chooses the manager's project on the user's scope page
		this.browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
		this.browser.open("/users");
		WebElement row = row(manager.username());
		assertThat(row.findElement(By.cssSelector(".scope .scope-summary")).getText()).isEqualTo("Every client");
		assertThat(row("admin").findElement(By.cssSelector(".scope")).getText())
			.isEqualTo("Every client (admins are never scoped)");
		row.findElement(By.cssSelector("a[aria-label='Change the scope of " + manager.username() + "']")).click();
		this.browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Scope of " + manager.username()));
		assertThat(this.browser.find(By.id("scope-hint")).getText()).startsWith("Now: sees every client.");
		new Select(this.browser.find(By.id("scope-projects"))).selectByVisibleText(brandA);
		this.browser.screenshot("01-scope-chosen", true);
		WebElement save = this.browser.find(By.id("save-scope"));
		save.click();
		this.browser.until(ExpectedConditions.stalenessOf(save));
		assertThat(this.browser.visible(By.id("done")).getText())
			.isEqualTo("Limited " + manager.username() + " to projects " + brandA + ".");
		assertThat(row(manager.username()).findElement(By.cssSelector(".scope .scope-summary")).getText())
			.isEqualTo("Only projects " + brandA);
		this.browser.open("/users/" + manager.username() + "/scope");
		assertThat(new Select(this.browser.find(By.id("scope-projects"))).getAllSelectedOptions())
			.extracting(WebElement::getText)
			.containsExactly(brandA);
		assertThat(new Select(this.browser.find(By.id("scope-desks"))).getAllSelectedOptions()).isEmpty();
		assertThat(this.browser.find(By.id("scope-hint")).getText())
			.startsWith("Now: sees only the clients of the chosen projects and desks");
		this.browser.open("/users");
		this.browser.screenshot("01-scope-set", true);
		this.browser.logOut();

		// the manager sees Brand A's client only, and is told why
		this.browser.logIn(manager.username(), manager.password());
		this.browser.open("/clients?q=" + this.run);
		assertThat(this.browser.find(By.id("scope-note")).getText())
			.isEqualTo("You see only the clients in your scope, as an admin set it: projects " + brandA + ".");
		List<String> rows = this.browser.driver()
			.findElements(By.cssSelector("#results tbody tr"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).contains("Alma").contains(brandA).doesNotContain("Boris");
		assertThat(this.browser.find(By.id("results")).getText()).doesNotContain("Boris").doesNotContain(brandB);
		List<String> projects = new Select(this.browser.find(By.name("project"))).getOptions()
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(projects).containsExactly("All projects", brandA);
		this.browser.screenshot("02-scoped-manager-clients", true);

		// Boris cannot be found by name either
		WebElement search = this.browser.find(By.name("q"));
		search.clear();
		search.sendKeys("Boris");
		this.browser.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "No clients match these filters"));
		this.browser.screenshot("03-out-of-scope-search", false);

		// their Account page says so too
		this.browser.open("/account");
		assertThat(this.browser.find(By.id("own-scope")).getText()).isEqualTo(
				"An admin limited you to projects " + brandA + ": you see, export and import only their clients.");
	}

	private WebElement row(String username) {
		return this.browser.find(By.cssSelector("#users tr[data-user='" + username + "']"));
	}

}
