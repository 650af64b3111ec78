package io.clientdesk.audit;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Poll;
import io.clientdesk.support.TestDatabase;
import io.clientdesk.support.TestFiles;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The audit log through {@code GET /api/audit}: what logging in, importing and exporting
 * leave in it, who may read it, its filters, and that nobody can change it.
 */
@IntegrationTest
class AuditLogIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog log;

	@Autowired
	PlatformTransactionManager transactions;

	final String run = Imports.run();

	@Test
	void a_failed_then_a_successful_form_login_are_both_recorded_with_the_name_tried() {
		Login user = this.api.user("form-" + this.run, "AGENT");
		WebSession browser = WebSession.open(this.api);
		HttpResponse<String> failed = browser.submitForm("/login", Map.of("username", user.username(), "password",
				"not-the-password", "_csrf", browser.csrfTokenOfLoginForm()));
		assertThat(failed.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("?error"));
		WebSession.logIn(this.api, user);

		List<JsonNode> entries = entries("user=" + user.username());

		assertThat(entries).extracting((e) -> e.get("action").asString()).containsExactly("LOGIN", "LOGIN_FAILED"); // newest
																													// first
		assertThat(entries).allSatisfy((e) -> {
			assertThat(e.get("details").get("method").asString()).isEqualTo("form");
			assertThat(e.get("clientAddress").asString()).isEqualTo("127.0.0.1");
		});
		assertThat(entries.get(1).get("details").get("reason").asString()).isEqualTo("BadCredentialsException");
	}

	@Test
	void a_failed_login_of_nobody_is_recorded_under_the_name_tried() {
		String nobody = "nobody-" + this.run;

		assertThat(this.api.get("/api/projects", new Login(nobody, "some-password")).status()).isEqualTo(401);

		List<JsonNode> entries = entries("user=" + nobody);
		assertThat(entries).singleElement().satisfies((e) -> {
			assertThat(e.get("action").asString()).isEqualTo("LOGIN_FAILED");
			assertThat(e.get("details").get("method").asString()).isEqualTo("basic");
		});
	}

	@Test
	void a_failed_then_successful_basic_login_are_recorded_but_not_every_api_call() {
		Login user = this.api.user("basic-" + this.run, "AGENT");

		assertThat(this.api.get("/api/projects", new Login(user.username(), "not-the-password")).status())
			.isEqualTo(401);
		for (int call = 0; call < 3; call++) {
			assertThat(this.api.get("/api/projects", user).status()).isEqualTo(200);
		}

		List<JsonNode> entries = entries("user=" + user.username());
		assertThat(entries).extracting((e) -> e.get("action").asString()).containsExactly("LOGIN", "LOGIN_FAILED");
		assertThat(entries).allSatisfy((e) -> assertThat(e.get("details").get("method").asString()).isEqualTo("basic"));
	}

	@Test
	void an_upload_its_commit_their_outcomes_and_an_export_are_recorded_with_who_did_them() {
		Login manager = this.api.user("importer-" + this.run, "MANAGER");
		JsonNode dryRun = this.imports.run("audit.csv", TestFiles.newClients(this.run, 3, "Audit"), "?dryRun=true",
				manager);
		Api.Response commit = this.api.post("/api/imports/" + dryRun.get("id").asString() + "/commit", "", manager);
		assertThat(commit.status()).as(commit.body()).isEqualTo(202);
		String committed = commit.json().get("id").asString();
		this.imports.awaitEnd(committed, manager); // and the search text of its clients
		Api.Response export = this.api.get("/api/clients/export.csv?active=true&q=" + this.run, manager);
		assertThat(export.status()).isEqualTo(200);

		List<JsonNode> entries = Poll.until(Duration.ofSeconds(10), Duration.ofMillis(50),
				() -> entries("user=" + manager.username()),
				(found) -> found.stream().anyMatch((e) -> e.get("action").asString().equals("CLIENTS_EXPORTED")),
				"the export's entry, written when its stream ends");
		assertThat(entries).extracting((e) -> e.get("action").asString())
			.containsExactly("CLIENTS_EXPORTED", "IMPORT_FINISHED", "IMPORT_COMMITTED", "IMPORT_FINISHED",
					"IMPORT_UPLOADED", "LOGIN");
		JsonNode exported = entries.get(0);
		assertThat(exported.get("details").get("rows").asLong()).isEqualTo(3);
		assertThat(exported.get("details").get("q").asString()).isEqualTo(this.run);
		assertThat(exported.get("details").get("active").asBoolean()).isTrue();
		assertThat(exported.get("details").get("complete").asBoolean()).isTrue();
		assertThat(exported.get("clientAddress").asString()).isEqualTo("127.0.0.1");
		JsonNode finished = entries.get(1);
		assertThat(finished.get("target").asString()).isEqualTo(committed);
		assertThat(finished.get("details").get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("details").get("imported").asInt()).isEqualTo(3);
		assertThat(finished.get("details").get("dryRun").asBoolean()).isFalse();
		assertThat(finished.get("clientAddress").isNull()).as("the job has no client").isTrue();
		assertThat(entries.get(2).get("target").asString()).isEqualTo(committed);
		assertThat(entries.get(2).get("details").get("committedFrom").asString())
			.isEqualTo(dryRun.get("id").asString());
		assertThat(entries.get(3).get("details").get("dryRun").asBoolean()).isTrue();
		JsonNode uploaded = entries.get(4);
		assertThat(uploaded.get("target").asString()).isEqualTo(dryRun.get("id").asString());
		assertThat(uploaded.get("details").get("file").asString()).isEqualTo("audit.csv");
		assertThat(uploaded.get("details").get("rows").asInt()).isEqualTo(3);
		assertThat(uploaded.get("clientAddress").asString()).isEqualTo("127.0.0.1");
	}

	@Test
	void creating_a_user_a_project_and_changing_the_settings_are_recorded_as_done_by_the_admin() {
		Login user = this.api.user("created-" + this.run, "AGENT");
		String project = this.api.newProject("Audited " + this.run);
		JsonNode defaults = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		assertThat(this.api.put("/api/settings/import-defaults", defaults.toString(), Login.ADMIN).status())
			.isEqualTo(200);

		assertThat(entries("action=USER_CREATED&user=admin")).anySatisfy((e) -> {
			assertThat(e.get("target").asString()).isEqualTo(user.username());
			assertThat(e.get("details").get("role").asString()).isEqualTo("AGENT");
		});
		assertThat(entries("action=PROJECT_CREATED&user=admin")).anySatisfy((e) -> {
			assertThat(e.get("target").asString()).isEqualTo(project);
			assertThat(e.get("details").get("name").asString()).isEqualTo("Audited " + this.run);
		});
		assertThat(entries("action=SETTINGS_CHANGED&user=admin").get(0).get("details").get("project").asString())
			.isEqualTo(defaults.get("project").asString());
	}

	@Test
	void a_refused_change_leaves_no_entry() {
		Login manager = this.api.user("refused-" + this.run, "MANAGER");
		Api.Response refused = this.api.post("/api/projects", Api.json(Map.of("name", "Refused " + this.run)), manager);
		assertThat(refused.status()).isEqualTo(403);
		String taken = "taken-" + this.run;
		this.api.user(taken, "AGENT");
		assertThat(this.api
			.post("/api/users", Api.json(Map.of("username", taken, "password", "password-again", "role", "ADMIN")),
					Login.ADMIN)
			.status()).isEqualTo(409);

		assertThat(entries("user=" + manager.username())).extracting((e) -> e.get("action").asString())
			.containsExactly("LOGIN");
		assertThat(entries("action=USER_CREATED&size=500")).filteredOn((e) -> e.get("target").asString().equals(taken))
			.singleElement()
			.satisfies((e) -> assertThat(e.get("details").get("role").asString()).isEqualTo("AGENT"));
	}

	@Test
	void an_entry_recorded_with_a_change_that_is_rolled_back_is_gone_with_it() {
		String actor = "rolled-back-" + this.run;
		new TransactionTemplate(this.transactions).executeWithoutResult((change) -> {
			this.log.record(AuditAction.PROJECT_CREATED, actor, null, "undone", Map.of("name", "Undone"));
			change.setRollbackOnly();
		});
		this.log.record(AuditAction.PROJECT_CREATED, actor, null, "done", Map.of("name", "Done"));

		assertThat(entries("user=" + actor)).extracting((e) -> e.get("target").asString()).containsExactly("done");
	}

	@Test
	void filters_by_user_action_and_time_and_pages_newest_first() {
		Login user = this.api.user("filtered-" + this.run, "AGENT");
		Instant before = Instant.now();
		for (int attempt = 0; attempt < 3; attempt++) {
			this.api.get("/api/projects", new Login(user.username(), "wrong-" + attempt));
		}
		Instant after = Instant.now().plusMillis(1);
		this.api.get("/api/projects", user);

		String failures = "user=" + user.username() + "&action=LOGIN_FAILED";
		assertThat(entries(failures)).hasSize(3);
		assertThat(entries("user=" + user.username() + "&action=LOGIN")).hasSize(1);
		assertThat(entries("user=" + user.username() + "&from=" + after)).extracting((e) -> e.get("action").asString())
			.containsExactly("LOGIN");
		assertThat(entries("user=" + user.username() + "&to=" + before)).isEmpty();
		assertThat(entries(failures + "&from=" + before + "&to=" + after)).hasSize(3);

		JsonNode first = page(failures + "&size=2&page=0");
		JsonNode second = page(failures + "&size=2&page=1");
		assertThat(first.get("total").asLong()).isEqualTo(3);
		assertThat(first.get("items")).hasSize(2);
		assertThat(second.get("items")).hasSize(1);
		List<Instant> times = new ArrayList<>();
		first.get("items").forEach((e) -> times.add(Instant.parse(e.get("time").asString())));
		second.get("items").forEach((e) -> times.add(Instant.parse(e.get("time").asString())));
		assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void a_bad_filter_is_a_400_problem_naming_it() {
		for (String[] bad : new String[][] { { "from", "yesterday" }, { "to", "2026-13-01T00:00:00Z" },
				{ "action", "DELETED_EVERYTHING" }, { "page", "-1" }, { "size", "501" }, { "size", "many" } }) {
			Api.Response response = this.api
				.get("/api/audit?" + bad[0] + "=" + URLEncoder.encode(bad[1], StandardCharsets.UTF_8), Login.ADMIN);
			assertThat(response.status()).as("%s=%s", bad[0], bad[1]).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("errors").get(0).get("column").asString()).isEqualTo(bad[0]);
		}
		Api.Response backwards = this.api.get("/api/audit?from=2026-05-12T10:00:00Z&to=2026-05-12T09:00:00Z",
				Login.ADMIN);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().get("errors").get(0).get("column").asString()).isEqualTo("to");
	}

	@Test
	void only_admins_read_the_log() {
		Login manager = this.api.user("reader-" + this.run, "MANAGER");
		Login agent = this.api.user("reader-agent-" + this.run, "AGENT");

		for (Login login : new Login[] { manager, agent }) {
			Api.Response response = this.api.get("/api/audit", login);
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
		assertThat(this.api.get("/api/audit", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/audit", Login.ADMIN).status()).isEqualTo(200);
	}

	@Test
	void on_postgresql_nobody_can_change_or_delete_an_entry() {
		assumeTrue(TestDatabase.isPostgres(), "the append-only trigger is PostgreSQL's (H2 has none)");
		this.api.get("/api/projects", new Login("trigger-" + this.run, "wrong-password"));
		String id = entries("user=trigger-" + this.run).get(0).get("id").asString();

		assertThatThrownBy(
				() -> this.jdbc.sql("update audit_log set actor = 'someone-else' where id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_log where id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate audit_log").update()).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThat(entries("user=trigger-" + this.run)).singleElement()
			.satisfies((e) -> assertThat(e.get("actor").asString()).isEqualTo("trigger-" + this.run));
	}

	private List<JsonNode> entries(String query) {
		List<JsonNode> entries = new ArrayList<>();
		page(query).get("items").forEach(entries::add);
		return entries;
	}

	private JsonNode page(String query) {
		Api.Response response = this.api.get("/api/audit?" + query, Login.ADMIN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
