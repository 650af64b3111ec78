package io.clientdesk.importing;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Layout;
import io.clientdesk.support.Poll;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static io.clientdesk.support.WebSession.HTMX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's pages and session routes over HTTP, as the browser calls them: whole
 * pages, htmx fragments, downloads, roles and CSRF.
 */
@IntegrationTest
class ImportPagesIT {

	private static final Pattern IMPORT_ID = Pattern.compile("data-import=\"([0-9a-f]{24})\"");

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	@Test
	void the_imports_page_is_a_whole_page_and_for_htmx_only_its_table() {
		Login pia = this.api.user("pia" + this.run, "MANAGER");
		this.imports.run("pia-" + this.run + ".csv", file("pia"), "", pia);
		WebSession session = WebSession.logIn(this.api, pia);

		HttpResponse<String> page = session.get("/imports");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(Layout.AROUND_THE_CONTENT)
			.contains("<h1>Imports</h1>", "id=\"imports\"", "pia-" + this.run + ".csv");
		HttpResponse<String> fragment = session.htmx("/imports");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("id=\"imports\"", "pia-" + this.run + ".csv")
			.doesNotContain(Layout.AROUND_THE_CONTENT)
			.doesNotContain("<h1>");
	}

	@Test
	void the_import_dialog_is_a_fragment_for_the_clients_list() {
		WebSession session = manager("dia");

		HttpResponse<String> dialog = session.htmx("/imports/dialog");

		assertThat(dialog.statusCode()).isEqualTo(200);
		assertThat(dialog.body()).contains("Wants to import clients?", "id=\"import-form\"", "CSV files only")
			.doesNotContain(Layout.AROUND_THE_CONTENT);
	}

	@Test
	void an_upload_is_followed_until_it_ends_and_its_error_report_downloads_under_the_session() {
		WebSession session = manager("ray");
		String file = "firstName,email\r\nRon,ron." + this.run + "@example.com\r\nRia,not-an-email\r\n";
		HttpResponse<String> accepted = session.upload("/imports", "ria.csv", file.getBytes(StandardCharsets.UTF_8),
				Map.of("dryRun", "false"), true);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.headers().firstValue("HX-Trigger")).hasValue("clientdesk:upload-accepted");
		assertThat(accepted.body()).contains("id=\"import-status\"").doesNotContain(Layout.AROUND_THE_CONTENT);
		Matcher id = IMPORT_ID.matcher(accepted.body());
		assertThat(id.find()).isTrue();
		String importId = id.group(1);

		HttpResponse<String> status = Poll.until(Duration.ofSeconds(15), Duration.ofMillis(200),
				() -> session.htmx("/imports/" + importId + "/status"),
				(answer) -> !answer.body().contains("hx-trigger=\"every 1s\""), "the import to end in the dialog");
		assertThat(status.body()).contains("data-status=\"FAILED\"", "Import failed", "not-an-email")
			.doesNotContain("hx-trigger")
			.doesNotContain(Layout.AROUND_THE_CONTENT);
		assertThat(status.headers().firstValue("HX-Trigger")).hasValue("clientdesk:import-finished");

		HttpResponse<String> report = session.get("/imports/" + importId + "/errors.csv");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(report.body()).contains("line,column,value,code,error", "3,email,not-an-email,invalid_email");

		HttpResponse<String> detail = session.get("/imports/" + importId);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("ria.csv", "invalid_email", "/imports/" + importId + "/errors.csv");
	}

	@Test
	void a_check_is_imported_from_the_dialog_as_its_new_status_and_from_its_page_by_a_redirect_to_the_import() {
		Login kit = this.api.user("kit" + this.run, "MANAGER");
		String fromDialog = check("dialog", kit);
		String fromPage = check("page", kit);
		WebSession session = WebSession.logIn(this.api, kit);

		HttpResponse<String> fragment = session.post("/imports/" + fromDialog + "/commit", true, HTMX);
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("id=\"import-status\"").doesNotContain(Layout.AROUND_THE_CONTENT);
		Matcher committed = IMPORT_ID.matcher(fragment.body());
		assertThat(committed.find()).isTrue();
		assertThat(committed.group(1)).isNotEqualTo(fromDialog);
		assertThat(this.imports.awaitEnd(committed.group(1), kit).get("dryRun").asBoolean()).isFalse();

		HttpResponse<String> redirect = session.post("/imports/" + fromPage + "/commit", true, Map.of());
		assertThat(redirect.statusCode()).isEqualTo(302);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/imports/[0-9a-f]{24}").doesNotEndWith(fromPage);
		String imported = location.substring(location.lastIndexOf('/') + 1);
		assertThat(this.imports.awaitEnd(imported, kit).get("dryRun").asBoolean()).isFalse();
		HttpResponse<String> page = session.get("/imports/" + imported);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(Layout.AROUND_THE_CONTENT).contains("page-" + this.run + ".csv");
	}

	@Test
	void a_check_committed_twice_is_refused_in_the_dialog_as_a_fragment_and_on_its_page_as_a_message() {
		Login lou = this.api.user("lou" + this.run, "MANAGER");
		String check = check("twice", lou);
		String committed = this.api.post("/api/imports/" + check + "/commit", "", lou).json().get("id").asString();
		this.imports.awaitEnd(committed, lou);
		WebSession session = WebSession.logIn(this.api, lou);

		HttpResponse<String> fragment = session.post("/imports/" + check + "/commit", true, HTMX);
		assertThat(fragment.statusCode()).isEqualTo(422);
		assertThat(fragment.body())
			.contains("id=\"import-rejected\"", "has already been committed as import " + committed)
			.doesNotContain(Layout.AROUND_THE_CONTENT);

		HttpResponse<String> redirect = session.post("/imports/" + check + "/commit", true, Map.of());
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/imports/" + check));
		String refusal = "Dry run " + check + " has already been committed as import " + committed;
		HttpResponse<String> page = session.get("/imports/" + check);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(Layout.AROUND_THE_CONTENT).contains("role=\"alert\"", refusal);
		assertThat(session.get("/imports/" + check).body()).as("the refusal is told once").doesNotContain(refusal);
	}

	@Test
	void a_rejected_file_answers_422_with_its_problems_and_stores_nothing() {
		WebSession session = manager("rex");
		HttpResponse<String> rejected = session.upload("/imports", "clients.xlsx",
				new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 }, Map.of(), true);
		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(rejected.body()).contains("id=\"import-rejected\"", "The file is not a CSV file", ".xlsx")
			.doesNotContain(Layout.AROUND_THE_CONTENT);
		assertThat(session.htmx("/imports").body()).contains("No imports yet");
	}

	@Test
	void a_file_name_longer_than_255_characters_is_rejected_in_the_dialog_naming_the_limit_and_stores_nothing() {
		WebSession session = manager("lea");
		HttpResponse<String> rejected = session.upload("/imports", "l".repeat(296) + ".csv", file("lea"), Map.of(),
				true);
		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(rejected.body()).contains("id=\"import-rejected\"", "The file name cannot be used",
				"300 characters, more than the limit of 255");
		assertThat(session.htmx("/imports").body()).contains("No imports yet");
	}

	@Test
	void an_upload_without_the_csrf_token_is_refused() {
		WebSession session = manager("sam");
		HttpResponse<String> refused = session.upload("/imports", "a.csv",
				"email\r\na@example.com\r\n".getBytes(StandardCharsets.UTF_8), Map.of(), false);
		assertThat(refused.statusCode()).isEqualTo(403);
	}

	@Test
	void the_template_and_the_file_format_page_are_there_for_every_role_and_imports_for_managers_only() {
		WebSession agent = WebSession.logIn(this.api, this.api.user("tia" + this.run, "AGENT"));
		HttpResponse<String> template = agent.get("/imports/template.csv");
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(template.body()).contains("id,firstName,lastName,email,project,desk,active,type,created");
		HttpResponse<String> format = agent.get("/imports/format");
		assertThat(format.statusCode()).isEqualTo(200);
		assertThat(format.body()).contains("firstName", "duplicate_in_file", "Default project");
		assertThat(agent.get("/imports").statusCode()).isEqualTo(403);
		assertThat(agent
			.upload("/imports", "a.csv", "email\r\na@example.com\r\n".getBytes(StandardCharsets.UTF_8), Map.of(), true)
			.statusCode()).isEqualTo(403);
		assertThat(agent.get("/clients").body()).doesNotContain("import-button").doesNotContain("import-dialog");
	}

	private WebSession manager(String name) {
		return WebSession.logIn(this.api, this.api.user(name + this.run, "MANAGER"));
	}

	/** A dry run of a clean file of one new client, which succeeded. */
	private String check(String name, Login login) {
		JsonNode check = this.imports.run(name + "-" + this.run + ".csv", file(name), "?dryRun=true", login);
		assertThat(check.get("status").asString()).isEqualTo("SUCCEEDED");
		return check.get("id").asString();
	}

	/** One new client, whose email has the name and the test's run. */
	private byte[] file(String name) {
		return ("firstName,email\r\nAnn," + name + "." + this.run + "@example.com\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

}
