package io.clientdesk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
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
import io.clientdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Projects & desks page as an admin uses it, in headless Chromium: create, rename and
 * archive a desk, see an import refuse it, edit the import defaults and the client types
 * and see the file format page follow. Screenshots go to {@code target/screenshots/}.
 *
 * <p>
 * Runs on H2 only, like the other browser tests: the API's integration tests cover both
 * databases.
 */
@IntegrationTest
@DisabledIfSystemProperty(named = "clientdesk.test.database", matches = "postgresql",
		disabledReason = "browser tests run on H2 only")
@TestInstance(Lifecycle.PER_CLASS)
class OrganisationBrowserIT extends BrowserSuite {

	OrganisationBrowserIT() {
		super("organisation");
	}

	Api api;

	Path files;

	@BeforeAll
	void start() throws IOException {
		this.api = new Api(this.port);
		this.files = Files.createTempDirectory("clientdesk-browser-files-");
	}

	@Test
	void an_admin_creates_renames_and_archives_a_desk_and_an_import_naming_it_is_refused() throws IOException {
		logIn(Login.ADMIN);
		this.browser.open("/organisation");
		this.browser.screenshot("01-organisation-page", true);

		String name = "Retail " + this.run;
		this.browser.find(By.id("new-desk-name")).sendKeys(name);
		this.browser.clickable(By.id("create-desk")).click();
		assertThat(this.browser.visible(By.id("saved")).getText()).isEqualTo("Desk '" + name + "' created");
		WebElement row = deskRow(name);
		String id = row.getAttribute("id").substring("desk-".length());

		// the same name in another case: refused next to the field, what was typed kept
		this.browser.find(By.id("new-desk-name")).sendKeys(name.toUpperCase());
		this.browser.clickable(By.id("create-desk")).click();
		WebElement error = this.browser.visible(By.cssSelector("#desks form.create .field-error"));
		assertThat(error.getText()).contains("already exists as '" + name + "'", "ignoring case");
		assertThat(this.browser.find(By.id("new-desk-name")).getAttribute("value")).isEqualTo(name.toUpperCase());
		assertThat(this.browser.find(By.id("new-desk-name")).getAttribute("aria-invalid")).isEqualTo("true");
		this.browser.screenshot("02-desk-name-taken", true);

		String renamed = "Retail West " + this.run;
		WebElement field = this.browser.find(By.id("name-" + id));
		field.clear();
		field.sendKeys(renamed);
		this.browser.find(By.id("desk-" + id)).findElement(By.cssSelector("form.rename button")).click();
		assertThat(this.browser.visible(By.id("saved")).getText()).isEqualTo("Desk '" + renamed + "' renamed");

		deskRow(renamed).findElement(By.cssSelector("button.archive")).click();
		assertThat(this.browser.visible(By.id("saved")).getText()).isEqualTo("Desk '" + renamed + "' archived");
		row = this.browser.find(By.id("desk-" + id));
		assertThat(row.getText()).contains("archived");
		assertThat(row.findElement(By.cssSelector("button.archive")).getText()).isEqualTo("Unarchive");
		// the import defaults offer only desks that take clients
		assertThat(new Select(this.browser.find(By.id("defaults-desk"))).getOptions()).extracting(WebElement::getText)
			.doesNotContain(renamed)
			.isNotEmpty();
		this.browser.screenshot("03-desk-archived", true);

		// an import that puts a client in it is refused, the row error naming the desk
		this.browser.open("/clients");
		this.browser.waitForHtmx();
		this.browser.clickable(By.id("import-button")).click();
		this.browser.visible(By.id("attach-button"));
		Path file = csv("archived-desk-" + this.run + ".csv", "firstName,lastName,email,desk",
				"Rita,Lee,rita." + this.run + "@example.com," + id);
		this.browser.find(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		this.browser.until(ExpectedConditions.textToBe(By.id("import-file-name"), file.getFileName().toString()));
		this.browser.clickable(By.id("upload-button")).click();
		this.browser.until((d) -> "FAILED"
			.equals(this.browser.script("return document.getElementById('import-status')?.dataset.status ?? null")));
		WebElement status = this.browser.find(By.id("import-status"));
		assertThat(status.findElements(By.cssSelector("table.errors tbody tr"))).singleElement()
			.satisfies((line) -> assertThat(line.getText()).contains("desk",
					"desk '" + renamed + "' (id " + id + ") is archived"));
		this.browser.screenshot("04-import-refuses-archived-desk", false);
		assertThat(this.api.get("/api/clients?q=rita." + this.run, Login.ADMIN).json().get("total").asInt()).isZero();

		// the clients list still offers it as a filter, flagged
		this.browser.open("/clients");
		assertThat(new Select(this.browser.find(By.name("desk"))).getOptions()).extracting(WebElement::getText)
			.contains(renamed + " (archived)");
	}

	@Test
	void an_admin_edits_the_import_defaults_and_the_client_types_and_the_file_format_page_follows() {
		JsonNode before = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		String desk = "Defaults desk " + this.run;
		try {
			logIn(Login.ADMIN);
			this.browser.open("/organisation");
			this.browser.find(By.id("new-desk-name")).sendKeys(desk);
			this.browser.clickable(By.id("create-desk")).click();
			this.browser.visible(By.id("saved"));

			WebElement types = this.browser.find(By.id("types"));
			types.clear();
			types.sendKeys("Personal\nCorporate\nPartner " + this.run);
			this.browser.clickable(By.id("save-types")).click();
			assertThat(this.browser.visible(By.id("saved")).getText()).contains("Partner " + this.run);

			new Select(this.browser.find(By.id("defaults-desk"))).selectByVisibleText(desk);
			new Select(this.browser.find(By.id("defaults-active"))).selectByVisibleText("no");
			new Select(this.browser.find(By.id("defaults-type"))).selectByVisibleText("Partner " + this.run);
			this.browser.clickable(By.id("save-defaults")).click();
			assertThat(this.browser.visible(By.id("saved")).getText()).isEqualTo("Import defaults saved");
			this.browser.screenshot("11-defaults-and-types-saved", true);

			// a type the defaults use cannot be removed: said next to the field
			types = this.browser.find(By.id("types"));
			types.clear();
			types.sendKeys("Personal\nCorporate");
			this.browser.clickable(By.id("save-types")).click();
			assertThat(this.browser.visible(By.cssSelector("#types-form .field-error")).getText())
				.contains("change the import defaults");
			assertThat(this.browser.find(By.id("types")).getAttribute("value")).isEqualTo("Personal\nCorporate");
			this.browser.screenshot("12-type-of-defaults-kept", true);

			this.browser.open("/imports/format");
			String defaults = this.browser.visible(By.id("defaults")).getText();
			assertThat(defaults).contains(desk, "false", "Partner " + this.run);
			assertThat(this.browser.find(By.id("organisation")).getText()).contains(desk);
			this.browser.screenshot("13-file-format-follows", true);
		}
		finally {
			this.api.put("/api/settings/import-defaults", before.toString(), Login.ADMIN);
			this.api.put("/api/settings/client-types", "[\"Personal\",\"Corporate\"]", Login.ADMIN);
		}
	}

	@Test
	void an_agent_reads_the_page_without_its_forms() {
		logIn(this.api.user("organisation-reader" + this.run, "AGENT"));
		this.browser.open("/organisation");
		assertThat(this.browser.find(By.id("desks")).getText()).contains("Default desk");
		assertThat(this.browser.driver().findElements(By.cssSelector("section form"))).isEmpty();
		assertThat(this.browser.find(By.id("client-type-list")).getText()).isEqualTo("Personal, Corporate");
		this.browser.screenshot("21-organisation-as-agent", true);
	}

	private void logIn(Login login) {
		this.browser.driver().manage().deleteAllCookies();
		this.browser.logIn(login.username(), login.password());
	}

	private WebElement deskRow(String name) {
		return this.browser.find(By.xpath("//*[@id='desks']//tr[.//input[@value='" + name + "']]"));
	}

	private Path csv(String name, String... lines) throws IOException {
		Path file = this.files.resolve(name);
		Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
		return file;
	}

}
