package io.clientdesk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.BrowserSuite;
import io.clientdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's file with German headers in the import dialog, as a manager does it: the
 * mapping step proposes a field for each column, the manager adjusts it and maps the desk
 * and project values, saves it as a profile and uploads; the next file with the same
 * headers is recognised as soon as it is chosen and mapped at once. Then the profiles
 * pages: list, edit, delete. Screenshots under {@code target/screenshots/h2/profiles/}.
 */
@IntegrationTest
@DisabledIfSystemProperty(named = "clientdesk.test.database", matches = "postgresql",
		disabledReason = "browser tests run on H2 only")
@TestInstance(Lifecycle.PER_CLASS)
class ImportProfilesBrowserIT extends BrowserSuite {

	ImportProfilesBrowserIT() {
		super("profiles");
	}

	@Test
	void a_manager_maps_a_partner_file_once_saves_the_profile_and_the_next_file_is_mapped_at_once() throws IOException {
		Api api = new Api(this.port);
		Login manager = api.user("pia" + this.run, "MANAGER");
		String desk = api.newDesk("Retail " + this.run);
		String project = api.newProject("Brand " + this.run);
		this.browser.logIn(manager.username(), manager.password());
		String header = "Kundennummer;Vorname;Nachname;E-Mail;Aktiv;Projekt;Abteilung";

		openImportDialog();
		attach(csv("partner-may.csv", header, "K-1;Jürgen;Weiß;juergen." + this.run + "@example.com;J;Partner A;Retail",
				"K-2;Anna;Groß;anna." + this.run + "@example.com;N;Partner A;Retail"));
		this.browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-profile-note"),
				"The importer does not know these columns"));
		this.browser.clickable(By.id("upload-button")).click();

		this.browser.visible(By.id("import-mapping"));
		assertThat(field("Kundennummer").getFirstSelectedOption().getText()).isEqualTo("Ignore");
		assertThat(field("Vorname").getFirstSelectedOption().getText()).isEqualTo("First name");
		assertThat(field("Nachname").getFirstSelectedOption().getText()).isEqualTo("Last name");
		assertThat(field("E-Mail").getFirstSelectedOption().getText()).isEqualTo("Email");
		assertThat(field("Aktiv").getFirstSelectedOption().getText()).isEqualTo("Active");
		assertThat(field("Abteilung").getFirstSelectedOption().getText()).isEqualTo("Desk");
		assertThat(value("active", "J").getFirstSelectedOption().getText()).isEqualTo("true");
		assertThat(value("active", "N").getFirstSelectedOption().getText()).isEqualTo("false");
		this.browser.screenshot("01-mapping-proposed", false);

		// ignoring a column takes its values away; mapping it again brings them back
		field("Abteilung").selectByVisibleText("Ignore");
		this.browser.until(ExpectedConditions
			.invisibilityOfElementLocated(By.cssSelector("#import-mapping fieldset[data-field=desk]")));
		field("Abteilung").selectByVisibleText("Desk");
		this.browser.visible(By.cssSelector("#import-mapping fieldset[data-field=desk]"));
		value("desk", "Retail").selectByVisibleText("Retail " + this.run);
		value("project", "Partner A").selectByVisibleText("Brand " + this.run);
		String name = "Partner " + this.run;
		this.browser.find(By.id("map-profile-name")).sendKeys(name);
		this.browser.screenshot("02-mapping-adjusted", true);

		this.browser.clickable(By.id("save-profile-button")).click();
		this.browser.until((d) -> "SUCCEEDED".equals(statusOf()));
		assertThat(this.browser.find(By.id("import-status")).getText())
			.contains("Client(s) imported successfully — 2 clients were imported");
		assertThat(this.browser.find(By.id("mapped-by")).getText())
			.contains("Columns mapped by the import profile " + name);
		this.browser.screenshot("03-imported-by-the-new-profile", false);
		JsonNode anna = api.onlyClient("anna." + this.run, manager);
		assertThat(anna.get("lastName").asString()).isEqualTo("Groß");
		assertThat(anna.get("active").asBoolean()).isFalse();
		assertThat(anna.get("desk").asString()).isEqualTo(desk);
		assertThat(anna.get("project").asString()).isEqualTo(project);

		// the next file with the same headers: recognised when chosen, mapped at once
		attach(csv("partner-june.csv", header, "K-3;Carla;Rot;carla." + this.run + "@example.com;J;Partner A;Retail"));
		this.browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-profile-note"),
				"Its columns match the import profile"));
		assertThat(this.browser.find(By.id("detected-profile")).getText()).isEqualTo(name);
		this.browser.screenshot("04-second-file-recognised", false);
		this.browser.clickable(By.id("upload-button")).click();
		this.browser.until((d) -> "SUCCEEDED".equals(statusOf()));
		assertThat(this.browser.find(By.id("import-status")).getText()).contains("1 clients were imported");
		assertThat(this.browser.find(By.id("mapped-by")).getText()).contains(name);
		assertThat(this.browser.driver().findElements(By.id("import-mapping"))).isEmpty();
		assertThat(api.onlyClient("carla." + this.run, manager).get("desk").asString()).isEqualTo(desk);
		this.browser.screenshot("05-second-file-imported-at-once", false);

		// the profiles pages: listed, edited, deleted
		this.browser.open("/imports/profiles");
		assertThat(this.browser.find(By.id("profiles")).getText()).contains(name, "Vorname", "First name", "ignored");
		this.browser.screenshot("06-profiles", false);
		this.browser.click(By.linkText(name));
		new Select(this.browser.find(By.id("profile-date-format"))).selectByValue("DMY");
		new Select(this.browser.find(By.cssSelector("select[aria-label='Field for the column Kundennummer']")))
			.selectByVisibleText("Email");
		this.browser.screenshot("07-profile-edit", true);
		this.browser.click(By.id("save-profile"));
		assertThat(this.browser.visible(By.id("refused")).getText()).contains("the field email is mapped twice");
		this.browser.screenshot("08-profile-refused", false);
		new Select(this.browser.find(By.cssSelector("select[aria-label='Field for the column Kundennummer']")))
			.selectByVisibleText("Ignore");
		this.browser.click(By.id("save-profile"));
		assertThat(this.browser.visible(By.id("saved")).getText()).isEqualTo("Profile '" + name + "' saved");
		assertThat(api.get("/api/import-profiles/" + name.replace(" ", "%20"), manager)
			.json()
			.get("dateFormat")
			.asString()).isEqualTo("DMY");
		this.browser.click(By.cssSelector("button[aria-label='Delete " + name + "']"));
		assertThat(this.browser.visible(By.id("saved")).getText()).isEqualTo("Profile '" + name + "' deleted");
		assertThat(this.browser.find(By.id("profiles")).getText()).doesNotContain(name);
	}

	private Select field(String header) {
		return new Select(
				this.browser.find(By.cssSelector("#import-mapping select[name=field][data-header='" + header + "']")));
	}

	private Select value(String field, String found) {
		return new Select(this.browser.find(By
			.cssSelector("#import-mapping fieldset[data-field=" + field + "] select[data-found='" + found + "']")));
	}

	private void openImportDialog() {
		this.browser.waitForHtmx();
		this.browser.clickable(By.id("import-button")).click();
		this.browser.visible(By.id("attach-button"));
	}

	private void attach(Path file) {
		this.browser.find(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		this.browser.until(ExpectedConditions.textToBe(By.id("import-file-name"), file.getFileName().toString()));
	}

	private String statusOf() {
		return (String) this.browser.script("return document.getElementById('import-status')?.dataset.status ?? null");
	}

	private Path csv(String name, String... lines) throws IOException {
		Path file = Files.createTempDirectory("clientdesk-profiles-").resolve(name);
		Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
		return file;
	}

}
