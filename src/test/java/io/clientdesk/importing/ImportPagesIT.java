package io.clientdesk.importing;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's pages and session routes over HTTP, as the browser calls them: whole
 * pages, htmx fragments, downloads, roles and CSRF.
 */
@IntegrationTest
class ImportPagesIT {

	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	private static final Pattern IMPORT_ID = Pattern.compile("data-import=\"([0-9a-f]{24})\"");

	@LocalServerPort
	int port;

	final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	WebSession manager(String name) {
		return WebSession.logIn(this.port, new Api(this.port).user(name + this.run, "MANAGER"));
	}

	@Test
	void the_imports_page_is_a_whole_page_and_for_htmx_only_its_table() {
		WebSession session = manager("pia");
		HttpResponse<String> page = session.get("/imports", Map.of());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html", "<h1>Imports</h1>", "id=\"imports\"");
		HttpResponse<String> fragment = session.get("/imports", HTMX);
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("id=\"imports\"").doesNotContain("<html").doesNotContain("<h1>");
	}

	@Test
	void an_upload_is_followed_until_it_ends_and_its_error_report_downloads_under_the_session() throws Exception {
		WebSession session = manager("ray");
		String file = "firstName,email\r\nRon,ron." + this.run + "@example.com\r\nRia,not-an-email\r\n";
		HttpResponse<String> accepted = session.upload("/imports", "ria.csv", file.getBytes(StandardCharsets.UTF_8),
				Map.of("dryRun", "false"), true);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.headers().firstValue("HX-Trigger")).hasValue("clientdesk:upload-accepted");
		Matcher id = IMPORT_ID.matcher(accepted.body());
		assertThat(id.find()).isTrue();
		String importId = id.group(1);

		HttpResponse<String> status = session.get("/imports/" + importId + "/status", HTMX);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (status.body().contains("hx-trigger=\"every 1s\"") && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			status = session.get("/imports/" + importId + "/status", HTMX);
		}
		assertThat(status.body()).contains("data-status=\"FAILED\"", "Import failed", "not-an-email")
			.doesNotContain("hx-trigger");
		assertThat(status.headers().firstValue("HX-Trigger")).hasValue("clientdesk:import-finished");

		HttpResponse<String> report = session.get("/imports/" + importId + "/errors.csv", Map.of());
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(report.body()).contains("line,column,value,code,error", "3,email,not-an-email,invalid_email");

		HttpResponse<String> detail = session.get("/imports/" + importId, Map.of());
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("ria.csv", "invalid_email", "/imports/" + importId + "/errors.csv");
	}

	@Test
	void a_rejected_file_answers_422_with_its_problems_and_stores_nothing() {
		WebSession session = manager("rex");
		HttpResponse<String> rejected = session.upload("/imports", "clients.xlsx",
				new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 }, Map.of(), true);
		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(rejected.body()).contains("id=\"import-rejected\"", "The file is not a CSV file", ".xlsx");
		assertThat(session.get("/imports", HTMX).body()).contains("No imports yet");
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
		Login agentLogin = new Api(this.port).user("tia" + this.run, "AGENT");
		WebSession agent = WebSession.logIn(this.port, agentLogin);
		HttpResponse<String> template = agent.get("/imports/template.csv", Map.of());
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(template.body()).contains("id,firstName,lastName,email,project,desk,active,type,created");
		HttpResponse<String> format = agent.get("/imports/format", Map.of());
		assertThat(format.statusCode()).isEqualTo(200);
		assertThat(format.body()).contains("firstName", "duplicate_in_file", "Default project");
		assertThat(agent.get("/imports", Map.of()).statusCode()).isEqualTo(403);
		assertThat(agent
			.upload("/imports", "a.csv", "email\r\na@example.com\r\n".getBytes(StandardCharsets.UTF_8), Map.of(), true)
			.statusCode()).isEqualTo(403);
		assertThat(agent.get("/clients", Map.of()).body()).doesNotContain("import-button")
			.doesNotContain("import-dialog");
	}

}
