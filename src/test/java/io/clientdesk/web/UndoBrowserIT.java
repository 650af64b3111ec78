package io.clientdesk.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.BrowserSuite;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Undoing an import as a person does it, in headless Chromium: the import's page, the
 * choice for the clients changed since, the undo's page and the bell. Screenshots go to
 * {@code target/screenshots/}. H2 only, as every browser test.
 */
@IntegrationTest
@DisabledIfSystemProperty(named = "clientdesk.test.database", matches = "postgresql",
		disabledReason = "browser tests run on H2 only")
@TestInstance(Lifecycle.PER_CLASS)
class UndoBrowserIT extends BrowserSuite {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	UndoBrowserIT() {
		super("undo");
	}

	@Test
	void a_manager_undoes_an_import_choosing_per_client_and_sees_the_undo_and_the_bell() {
		Login manager = this.api.user("undoer" + this.run, "MANAGER");
		this.imports.run("seed.csv", csv("firstName,lastName,email", "Ann,Able," + email("ann"),
				"Bob,Black," + email("bob"), "Cy,Cole," + email("cy")), "", manager);
		String ann = this.api.onlyClient(email("ann"), manager).get("id").asString();
		String bob = this.api.onlyClient(email("bob"), manager).get("id").asString();
		String cy = this.api.onlyClient(email("cy"), manager).get("id").asString();
		JsonNode imported = this.imports.run("changes-" + this.run + ".csv", csv("id,firstName,lastName,email",
				ann + ",Anna,,", bob + ",,Brown,", cy + ",Cyril,,", ",Zed,Zulu," + email("zed")), "", manager);
		String importId = imported.get("id").asString();
		// someone edits two of its clients afterwards
		this.imports.run("edit.csv", csv("id,firstName", ann + ",Annie", cy + ",Cyrus"), "", manager);

		this.browser.logIn(manager.username(), manager.password());
		this.browser.open("/imports/" + importId);
		this.browser.screenshot("01-import-page", false);
		this.browser.clickable(By.id("undo-button")).click();

		this.browser.visible(By.id("conflicts"));
		assertThat(this.browser.find(By.cssSelector("#conflicts h2")).getText())
			.isEqualTo("2 clients were changed since this import");
		String table = this.browser.find(By.cssSelector("#conflicts table")).getText();
		assertThat(table).contains(ann, "Ann", "Anna", "Annie", cy, "Cy", "Cyril", "Cyrus").doesNotContain(bob);
		this.browser.screenshot("02-conflict-choice", true);
		// Ann's change since is overwritten, Cy's kept
		this.browser.click(By.id("restore-" + ann));
		this.browser.click(By.id("undo-chosen"));

		this.browser.until(ExpectedConditions.urlMatches("/imports/[0-9a-f]{24}$"));
		assertThat(this.browser.driver().getCurrentUrl()).doesNotEndWith(importId);
		this.browser.visible(By.id("undo-of"));
		this.browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1 .status"),
				"Completed with errors"));
		this.browser.waitForHtmx();
		String page = this.browser.find(By.id("import-detail")).getText();
		assertThat(page).contains("Undo started by " + manager.username(), "changed_since", cy, "Deleted",
				// the counts' labels, as shown (upper case)
				"RESTORED", "KEPT");
		this.browser.screenshot("03-undo-page", true);
		assertThat(this.api.client(ann, manager).get("firstName").asString()).isEqualTo("Ann");
		assertThat(this.api.client(bob, manager).get("lastName").asString()).isEqualTo("Black");
		assertThat(this.api.client(cy, manager).get("firstName").asString()).isEqualTo("Cyrus");
		assertThat(this.api.get("/api/clients?q=" + email("zed"), manager).json().get("total").asInt()).isZero();

		this.browser.until((d) -> !d.findElement(By.cssSelector("#bell-button .count")).getText().isEmpty());
		this.browser.click(By.id("bell-button"));
		WebElement undone = this.browser.visible(By.cssSelector("#bell-panel li[data-kind=UNDO_SUCCEEDED]"));
		assertThat(undone.getText()).contains("Import undone",
				"3 clients of changes-" + this.run + ".csv put back as before the import",
				"1 changed since were kept as they are", "Download error report");
		this.browser.screenshot("04-bell", false);

		this.browser.open("/imports/" + importId);
		assertThat(this.browser.find(By.id("undone-by")).getText()).contains("This import has been undone");
		assertThat(this.browser.driver().findElements(By.id("undo-button"))).isEmpty();
		this.browser.screenshot("05-undone-import", false);
		this.browser.open("/imports");
		String row = this.browser.find(By.cssSelector("tr[data-import='" + importId + "']")).getText();
		assertThat(row).contains("Undone");
		this.browser.screenshot("06-history", false);
	}

	private String email(String who) {
		return who + "." + this.run + "@example.com";
	}

	private static byte[] csv(String... lines) {
		return (String.join("\n", List.of(lines)) + "\n").getBytes(StandardCharsets.UTF_8);
	}

}
