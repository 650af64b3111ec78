package io.clientdesk.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.BrowserSuite;
import io.clientdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import as a person does it, in headless Chromium: the dialog on the clients list,
 * attach, upload or check, the bell, the imports pages. Each test logs in as a manager of
 * its own, so that bells don't mix. Screenshots of every step go to
 * {@code target/screenshots/}.
 *
 * <p>
 * Runs on H2 only: the pages are the same on both databases, and the import engine behind
 * them is tested on both by the API's integration tests; Chromium on the shared CI
 * machine is the slow part.
 */
@IntegrationTest
@DisabledIfSystemProperty(named = "clientdesk.test.database", matches = "postgresql",
		disabledReason = "browser tests run on H2 only")
@TestInstance(Lifecycle.PER_CLASS)
class ImportFlowBrowserIT extends BrowserSuite {

	ImportFlowBrowserIT() {
		super("import-flow");
	}

	Path files;

	@BeforeAll
	void start() throws IOException {
		this.files = Files.createTempDirectory("clientdesk-browser-files-");
	}

	@Test
	void a_manager_imports_a_file_and_sees_the_bell_and_the_list_update_without_a_reload() throws IOException {
		logInAsNewManager("ana");
		this.browser.screenshot("01-clients-before-import", false);

		WebElement dialog = openImportDialog();
		assertThat(dialog.getAriaRole()).isEqualTo("dialog");
		assertThat(dialog.getAttribute("aria-modal")).isEqualTo("true");
		assertThat(dialog.findElement(By.id("import-title")).getText()).isEqualTo("Wants to import clients?");
		assertThat(dialog.getText()).contains("CSV files only")
			.contains("Up to 5 000 records per file")
			.contains("larger files are rejected")
			.contains("No macros, scripts or executables")
			.contains("Columns must match the schema");
		assertThat(focusIsInside("import-dialog")).as("focus is inside the dialog").isTrue();
		this.browser.screenshot("02-import-dialog", false);

		String template = dialog.findElement(By.id("template-link")).getAttribute("href");
		HttpResponse<String> templateCsv = this.browser.fetch(template);
		assertThat(templateCsv.statusCode()).isEqualTo(200);
		assertThat(templateCsv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(templateCsv.body()).contains("id,firstName,lastName,email,project,desk,active,type,created");
		assertThat(dialog.findElement(By.id("format-link")).getAttribute("href")).endsWith("/imports/format");

		// Escape closes the dialog, the button opens it again
		this.browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
		this.browser.until((d) -> !isOpen("import-dialog"));
		dialog = openImportDialog();

		Path file = csv("new-clients-" + this.run + ".csv", "firstName,lastName,email,type",
				"Zoë,Müller,zoe." + this.run + "@example.com,Corporate",
				"José,\"O'Neil & \"\"Sons\"\"\",jose." + this.run + "@example.com,personal",
				"Ada,Lovelace,ada." + this.run + "@example.com,");
		attach(file);
		assertThat(this.browser.find(By.id("import-file-name")).getText()).isEqualTo(file.getFileName().toString());
		this.browser.screenshot("03-file-attached", false);

		this.browser.script("window.__sameDocument = true");
		this.browser.clickable(By.id("upload-button")).click();
		this.browser.visible(By.id("import-status"));
		assertThat(textOf("import-status")).containsAnyOf("Processing…", "Client(s) imported successfully");
		this.browser.screenshot("04-processing", false);
		this.browser.until((d) -> "SUCCEEDED".equals(statusOf("import-status")));
		assertThat(this.browser.find(By.id("import-status")).getText())
			.contains("Client(s) imported successfully — 3 clients were imported");
		this.browser.screenshot("05-import-done-in-dialog", false);

		closeImportDialog();
		// the list refreshed itself: the clients are there, their names escaped, not
		// interpreted
		this.browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"),
				"zoe." + this.run + "@example.com"));
		String results = this.browser.find(By.id("results")).getText();
		assertThat(results).contains("Zoë", "Müller", "José", "O'Neil & \"Sons\"", "jose." + this.run + "@example.com",
				"Corporate", "Personal");

		// the bell shows the notification without a reload
		// the bell's fragment may be swapped while it is read: wait for the text, found
		// afresh each time
		this.browser.until(ExpectedConditions.textToBe(By.cssSelector("#bell-button .count"), "1"));
		WebElement bell = this.browser.find(By.id("bell-button"));
		assertThat(bell.getAccessibleName()).isEqualTo("Notifications");
		this.browser.screenshot("06-bell-with-unread-count", false);
		this.browser.click(By.id("bell-button"));
		WebElement panel = this.browser.visible(By.cssSelector("#bell-panel li"));
		assertThat(panel.getText()).contains("Client(s) imported successfully — 3 clients were imported");
		this.browser.waitForHtmx();
		this.browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#bell-button .count")));
		this.browser.screenshot("07-bell-opened", false);

		// the list closes on Escape, giving the focus back to the bell, and on a click
		// elsewhere; the bell opens it again from the keyboard
		this.browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
		this.browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("bell-panel")));
		assertThat(this.browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("bell-button");
		this.browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
		this.browser.visible(By.cssSelector("#bell-panel li"));
		this.browser.find(By.tagName("h1")).click();
		this.browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("bell-panel")));
		assertThat(this.browser.script("return window.__sameDocument === true")).as("no page reload").isEqualTo(true);
	}

	@Test
	void a_file_with_day_first_dates_asks_for_its_date_order_and_imports_them_once_chosen() throws IOException {
		logInAsNewManager("dee");
		openImportDialog();
		assertThat(this.browser.find(By.cssSelector("label[for=date-order]")).getText())
			.isEqualTo("Date order in this file");
		Select order = new Select(this.browser.find(By.id("date-order")));
		assertThat(order.getFirstSelectedOption().getText()).startsWith("As in the file");
		assertThat(order.getOptions()).extracting(WebElement::getText)
			.containsExactly("As in the file (ISO dates such as 2024-03-04)", "Day-month-year (04/03/2024 is 4 March)",
					"Month-day-year (04/03/2024 is 3 April)", "Year-month-day (2024/03/04)");

		attach(csv("day-first-" + this.run + ".csv", "firstName,email,created",
				"Dee,dee." + this.run + "@example.com,04/03/2024"));
		this.browser.clickable(By.id("upload-button")).click();
		WebElement rejected = this.browser.visible(By.id("import-rejected"));
		assertThat(rejected.getText()).contains("The file's date order is needed")
			.contains("Line 2, column created")
			.contains("Choose the Date order in this file above, then upload again.");
		this.browser.until((d) -> "true".equals(this.browser.find(By.id("date-order")).getAttribute("aria-invalid")));
		assertThat(this.browser.find(By.id("date-order-field")).getAttribute("class")).contains("needs-choice");
		assertThat(this.browser.find(By.id("date-order-hint")).getText())
			.isEqualTo("This file writes dates such as 04/03/2024: say which order it uses.");
		this.browser.screenshot("dates-1-order-needed", false);

		new Select(this.browser.find(By.id("date-order"))).selectByValue("DMY");
		assertThat(this.browser.find(By.id("date-order-field")).getAttribute("class")).doesNotContain("needs-choice");
		this.browser.clickable(By.id("upload-button")).click();
		this.browser.until((d) -> "SUCCEEDED".equals(statusOf("import-status")));
		assertThat(new Api(this.port).onlyClient("dee." + this.run, Login.ADMIN).get("created").asString())
			.isEqualTo("2024-03-04T00:00:00.000Z");

		this.browser.click(By.id("view-import-link"));
		assertThat(this.browser.visible(By.id("date-order")).getText()).isEqualTo("day-month-year (DMY)");
		this.browser.screenshot("dates-2-import-page-with-order", false);
	}

	@Test
	void a_file_with_row_errors_fails_and_its_error_report_downloads_from_the_dialog_the_bell_and_the_pages()
			throws IOException {
		logInAsNewManager("ben");
		openImportDialog();
		Path file = csv("partner-" + this.run + ".csv", "First Name;Last Name;E-mail;Active",
				"Carl;Ray;carl." + this.run + "@example.com;yes", "Dina;Ray;not-an-email;no",
				";NoFirstName;nofirst." + this.run + "@example.com;1",
				"Eli;Ray;eli." + this.run + "@example.com;maybe");
		attach(file);
		this.browser.clickable(By.id("upload-button")).click();
		this.browser.until((d) -> "FAILED".equals(statusOf("import-status")));
		WebElement status = this.browser.find(By.id("import-status"));
		assertThat(status.getText()).contains("Import failed").contains("nothing was imported");
		assertThat(status.findElements(By.cssSelector("table.errors tbody tr"))).hasSize(3);
		this.browser.screenshot("11-failed-import-in-dialog", false);
		assertDownloadsErrorReport(status.findElement(By.id("error-report-link")), "not-an-email");
		closeImportDialog();

		// the bell: "Import failed", with a link to the report under the session
		this.browser.visible(By.cssSelector("#bell-button .count"));
		this.browser.click(By.id("bell-button"));
		WebElement item = this.browser.visible(By.cssSelector("#bell-panel li[data-kind=IMPORT_FAILED]"));
		assertThat(item.getText()).contains("Import failed").doesNotContain("/api/");
		WebElement report = item.findElement(By.linkText("Download error report"));
		assertThat(report.getAttribute("href")).doesNotContain("/api/");
		assertDownloadsErrorReport(report, "invalid_email");
		this.browser.screenshot("12-bell-import-failed", false);

		// the imports page lists it, with its counts and report
		this.browser.open("/imports");
		WebElement row = this.browser.visible(By.xpath("//table//tr[td//a[text()='" + file.getFileName() + "']]"));
		assertThat(row.getText()).contains("Failed", "ben" + this.run);
		assertDownloadsErrorReport(row.findElement(By.partialLinkText("Download")), "required");
		this.browser.screenshot("13-imports-page", false);

		// its page: every error, with line and column
		row.findElement(By.linkText(file.getFileName().toString())).click();
		WebElement errors = this.browser.visible(By.cssSelector("#errors table"));
		assertThat(errors.getText()).contains("not-an-email", "email", "firstName", "maybe");
		assertThat(errors.findElements(By.cssSelector("tbody tr"))).hasSize(3);
		this.browser.screenshot("14-failed-import-page", true);
	}

	@Test
	void a_workbook_is_rejected_in_the_dialog_with_its_reason_and_nothing_is_imported() throws IOException {
		logInAsNewManager("cem");
		openImportDialog();
		Path workbook = this.files.resolve("clients-" + this.run + ".xlsx");
		Files.write(workbook, readResource("/csv/excel-workbook-renamed.csv"));
		attach(workbook);
		this.browser.clickable(By.id("upload-button")).click();
		WebElement rejected = this.browser.visible(By.id("import-rejected"));
		assertThat(rejected.getText()).contains("not a CSV file").contains("Nothing was stored or imported");
		this.browser.screenshot("21-xlsx-rejected", false);

		// a CSV with a formula cell: rejected with the line and column of the cell
		Path formula = csv("formula-" + this.run + ".csv", "firstName,email", "Fred,fred." + this.run + "@example.com",
				"=HYPERLINK(\"http://x\"),gil." + this.run + "@example.com");
		attach(formula);
		this.browser.clickable(By.id("upload-button")).click();
		this.browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-rejected"), "Line 3"));
		assertThat(this.browser.find(By.id("import-rejected")).getText()).contains("column firstName");
		this.browser.screenshot("22-formula-rejected", false);
		closeImportDialog();

		this.browser.open("/imports");
		assertThat(this.browser.visible(By.id("imports")).getText()).contains("No imports yet");
	}

	@Test
	void a_checked_file_is_imported_with_import_now_and_the_same_file_again_is_flagged() throws IOException {
		logInAsNewManager("dee");
		openImportDialog();
		Path file = csv("checked-" + this.run + ".csv", "firstName,lastName,email",
				"Hana,Kim,hana." + this.run + "@example.com", "Ivo,Kim,ivo." + this.run + "@example.com");
		attach(file);
		this.browser.clickable(By.id("check-button")).click();
		this.browser.until((d) -> "SUCCEEDED".equals(statusOf("import-status")));
		assertThat(this.browser.find(By.id("import-status")).getText()).contains("ready to import")
			.contains("2 clients would be imported");
		this.browser.screenshot("31-check-passed", false);

		this.browser.clickable(By.id("import-now-button")).click();
		this.browser.until((d) -> "SUCCEEDED".equals(statusOf("import-status"))
				&& textOf("import-status").contains("imported successfully"));
		WebElement status = this.browser.find(By.id("import-status"));
		assertThat(status.getText()).contains("Client(s) imported successfully — 2 clients were imported")
			.contains("Same content as the import of");
		this.browser.screenshot("32-imported-after-check", false);
		closeImportDialog();
		this.browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"),
				"hana." + this.run + "@example.com"));

		// an edited file: one client changes, one stays; its page shows old and new
		// values
		openImportDialog();
		Path edited = csv("edited-" + this.run + ".csv", "email,lastName,active",
				"hana." + this.run + "@example.com,Kim-Park,false", "ivo." + this.run + "@example.com,Kim,");
		attach(edited);
		this.browser.clickable(By.id("upload-button")).click();
		this.browser.until((d) -> "SUCCEEDED".equals(statusOf("import-status")));
		this.browser.clickable(By.id("view-import-link")).click();
		WebElement changes = this.browser.visible(By.cssSelector("#changes table"));
		assertThat(changes.getText()).contains("Updated").contains("Kim").contains("Kim-Park");
		assertThat(changes.findElements(By.cssSelector("tbody tr"))).as("one client updated, one unchanged").hasSize(1);
		this.browser.screenshot("33-import-page-with-changes", true);

		// the file that was checked, uploaded once more: flagged as the same content
		this.browser.open("/clients");
		openImportDialog();
		attach(file);
		this.browser.clickable(By.id("check-button")).click();
		this.browser.until((d) -> statusOf("import-status") != null && !"QUEUED".equals(statusOf("import-status"))
				&& !"PROCESSING".equals(statusOf("import-status")));
		assertThat(this.browser.find(By.id("import-status")).getText()).contains("Same content as the import of");
		this.browser.screenshot("34-same-file-flagged", false);
	}

	@Test
	void what_users_imported_is_shown_as_text_never_run_as_markup() throws IOException {
		logInAsNewManager("fay");
		openImportDialog();
		String name = "<img src=x onerror=window.__xss=1>" + this.run + ".csv";
		Path file = csv(name, "firstName,lastName,email", "Liv,Lee <3 & \"Co\",liv." + this.run + "@example.com");
		attach(file);
		this.browser.clickable(By.id("upload-button")).click();
		this.browser.until((d) -> "SUCCEEDED".equals(statusOf("import-status")));
		assertThat(this.browser.find(By.id("import-status")).getText()).contains("1 clients were imported");
		closeImportDialog();
		this.browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Lee <3 & \"Co\""));

		this.browser.open("/imports");
		assertThat(this.browser.visible(By.id("imports")).getText()).contains(name);
		this.browser.find(By.linkText(name)).click();
		assertThat(this.browser.visible(By.tagName("h1")).getText()).contains(name);
		assertThat(this.browser.find(By.id("changes")).getText()).contains("Lee <3 & \"Co\"");
		assertThat(this.browser
			.script("return window.__xss === undefined && document.querySelectorAll('img').length === 0"))
			.isEqualTo(true);
		this.browser.screenshot("51-escaped-import-page", false);
	}

	@Test
	void the_file_format_page_documents_columns_projects_desks_defaults_and_error_codes() {
		logInAsNewManager("eda");
		this.browser.find(By.linkText("File format")).click();
		WebElement page = this.browser.visible(By.cssSelector("section.doc"));
		String text = page.getText();
		assertThat(text).contains("firstName", "First Name", "first_name", "lastName", "email", "E-mail", "project",
				"desk", "active", "type", "created", "Required", "Optional");
		assertThat(text).contains("Default project", "Default desk", "Personal", "Corporate");
		assertThat(text).contains("required", "invalid_email", "email_taken", "duplicate_in_file", "unknown_project",
				"field_count");
		List<WebElement> copies = page.findElements(By.cssSelector("button.copy[data-copy]"));
		assertThat(copies).hasSizeGreaterThanOrEqualTo(3);
		assertThat(copies.get(1).getAttribute("data-copy")).matches("[0-9a-f]{24}");
		this.browser.screenshot("41-file-format-page", true);
	}

	@Test
	void the_file_format_page_links_to_the_api_reference_which_lists_every_operation_read_only() {
		logInAsNewManager("fay");
		this.browser.open("/imports/format");
		this.browser.clickable(By.id("api-reference")).click();
		this.browser.until((driver) -> driver.findElements(By.cssSelector(".opblock")).size() >= 15);
		String text = this.browser.find(By.cssSelector(".swagger-ui")).getText();
		assertThat(text).contains("ClientDesk API", "/api/imports", "/api/clients", "/api/users");
		this.browser.find(By.cssSelector(".opblock-post")).click();
		this.browser.visible(By.cssSelector(".opblock-body"));
		assertThat(this.browser.driver().findElements(By.cssSelector(".try-out__btn"))).isEmpty();
		this.browser.screenshot("42-api-reference", false);
	}

	@Test
	void the_browser_enforces_the_content_security_policy_and_says_what_it_refused() {
		logInAsNewManager("gus");
		this.browser.script("document.querySelector('main').insertAdjacentHTML('beforeend',"
				+ " '<p id=styled style=\"color: red\">styled</p>')");
		assertThat(this.browser.find(By.id("styled")).getCssValue("color")).isNotEqualTo("rgba(255, 0, 0, 1)");
		assertThat(this.browser.contentSecurityPolicyViolations()).as("what the browser refused")
			.anySatisfy((message) -> assertThat(message).contains("style-src"));
	}

	private void logInAsNewManager(String name) {
		Login login = new Api(this.port).user(name + this.run, "MANAGER");
		this.browser.driver().manage().deleteAllCookies();
		this.browser.logIn(login.username(), login.password());
	}

	private WebElement openImportDialog() {
		this.browser.waitForHtmx();
		this.browser.clickable(By.id("import-button")).click();
		this.browser.until((d) -> isOpen("import-dialog"));
		this.browser.visible(By.id("attach-button"));
		return this.browser.find(By.id("import-dialog"));
	}

	private void closeImportDialog() {
		this.browser.find(By.cssSelector("#import-dialog button[command=close]")).click();
		this.browser.until((d) -> !isOpen("import-dialog"));
	}

	private void attach(Path file) {
		this.browser.find(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		this.browser.until(ExpectedConditions.textToBe(By.id("import-file-name"), file.getFileName().toString()));
	}

	private boolean isOpen(String dialogId) {
		return Boolean.TRUE
			.equals(this.browser.script("return !!document.getElementById(arguments[0])?.open", dialogId));
	}

	private boolean focusIsInside(String id) {
		return Boolean.TRUE.equals(this.browser
			.script("return document.getElementById(arguments[0]).contains(document.activeElement)", id));
	}

	private String textOf(String id) {
		return String.valueOf(this.browser.script("return document.getElementById(arguments[0])?.innerText ?? ''", id));
	}

	private String statusOf(String id) {
		return (String) this.browser.script("return document.getElementById(arguments[0])?.dataset.status ?? null", id);
	}

	private void assertDownloadsErrorReport(WebElement link, String expected) {
		String href = link.getAttribute("href");
		assertThat(href).doesNotContain("/api/");
		HttpResponse<String> response = this.browser.fetch(href);
		assertThat(response.statusCode()).as("GET " + href).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(response.body()).contains("line,column,value,code,error").contains(expected);
	}

	private Path csv(String name, String... lines) throws IOException {
		Path file = this.files.resolve(name);
		Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
		return file;
	}

	private static byte[] readResource(String name) throws IOException {
		try (var in = ImportFlowBrowserIT.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
	}

}
