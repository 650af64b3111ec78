package io.clientdesk.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Poll;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoped users (issue 13), through HTTP with real files: an admin limits a manager or an
 * agent to some projects and desks ({@code PUT /api/users/{username}/scope}); they then
 * read, search, count, export, import and update only the clients in that scope, and
 * every row of theirs outside it is an {@code out_of_scope} error.
 */
@IntegrationTest
class ScopedUsersIT {

	private static final String HEADER = "id,firstName,lastName,email,project,desk,active,type,created";

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	String inProject;

	String outProject;

	String inDesk;

	String outDesk;

	/** In the project and the desk of the scope. */
	String inside;

	/** In the scope's desk, another project. */
	String otherProject;

	/** In the scope's project, another desk. */
	String otherDesk;

	Login manager;

	@BeforeEach
	void clientsInAndOutOfTheScope() {
		this.inProject = this.api.newProject("In " + this.run);
		this.outProject = this.api.newProject("Out " + this.run);
		this.inDesk = this.api.newDesk("Desk in " + this.run);
		this.outDesk = this.api.newDesk("Desk out " + this.run);
		JsonNode done = this.imports.run("clients.csv",
				file(row("", "Ina", email("inside"), this.inProject, this.inDesk),
						row("", "Otto", email("other-project"), this.outProject, this.inDesk),
						row("", "Desmond", email("other-desk"), this.inProject, this.outDesk)),
				"", Login.ADMIN);
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
		this.inside = id("inside");
		this.otherProject = id("other-project");
		this.otherDesk = id("other-desk");
		this.manager = this.api.user("mgr-" + this.run, "MANAGER");
		assertThat(putScope(this.manager.username(), List.of(this.inProject), List.of(this.inDesk)).status())
			.isEqualTo(200);
	}

	@Test
	void a_scoped_manager_lists_searches_counts_and_reads_only_the_clients_in_the_scope() {
		JsonNode page = this.api.get("/api/clients?q=" + this.run, this.manager).json();
		assertThat(emails(page)).containsExactly(email("inside"));
		assertThat(page.get("total").asLong()).isEqualTo(1);
		assertThat(total("/api/clients?q=" + email("other-project"), this.manager)).isZero();
		assertThat(total("/api/clients?q=Desmond", this.manager)).isZero();
		assertThat(total("/api/clients?project=" + this.outProject, this.manager)).isZero();
		assertThat(total("/api/clients?desk=" + this.outDesk, this.manager)).isZero();
		assertThat(total("/api/clients?project=" + this.inProject + "&q=" + this.run, this.manager)).isEqualTo(1);

		assertThat(this.api.get("/api/clients/" + this.inside, this.manager).status()).isEqualTo(200);
		for (String outside : List.of(this.otherProject, this.otherDesk)) {
			Api.Response response = this.api.get("/api/clients/" + outside, this.manager);
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.body()).doesNotContain("Otto", "Desmond", this.outProject, this.outDesk);
		}
		// the admin is never scoped
		assertThat(total("/api/clients?q=" + this.run, Login.ADMIN)).isEqualTo(3);
	}

	@Test
	void a_scoped_agent_reads_only_the_clients_in_the_scope_too() {
		Login agent = this.api.user("agent-" + this.run, "AGENT");
		putScope(agent.username(), List.of(), List.of(this.outDesk));

		assertThat(emails(this.api.get("/api/clients?q=" + this.run, agent).json()))
			.containsExactly(email("other-desk"));
		assertThat(this.api.get("/api/clients/" + this.inside, agent).status()).isEqualTo(404);
	}

	@Test
	void a_scoped_managers_export_holds_only_the_clients_in_the_scope() {
		Api.Response export = this.api.get("/api/clients/export.csv?q=" + this.run, this.manager);

		assertThat(export.status()).isEqualTo(200);
		List<List<String>> records = Imports.csv(export.body());
		assertThat(records).hasSize(2);
		assertThat(records.get(1).get(3)).isEqualTo(email("inside"));
		assertThat(export.body()).doesNotContain(email("other-project"), email("other-desk"));
		// recorded once the body has been written, on the thread that wrote it
		List<JsonNode> audit = Poll.until(Duration.ofSeconds(10), Duration.ofMillis(50),
				() -> this.api.get("/api/audit?action=CLIENTS_EXPORTED&size=500", Login.ADMIN)
					.json()
					.get("items")
					.valueStream()
					.filter((entry) -> this.manager.username().equals(entry.get("actor").asString()))
					.toList(),
				(entries) -> !entries.isEmpty(), "the export in the audit log");
		assertThat(audit.get(0).get("details").toString()).contains("\"scoped\":true").contains("\"rows\":1");
	}

	@Test
	void a_scoped_manager_cannot_update_a_client_outside_the_scope_by_id_or_by_email() {
		JsonNode done = this.imports.run(
				"updates.csv", file(row(this.otherProject, "Changed", "", "", ""),
						row("", "Changed", email("other-desk"), "", ""), row(this.inside, "Inez", "", "", "")),
				"?onError=skip", this.manager);

		assertThat(done.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(done.get("updated").asInt()).isEqualTo(1);
		List<List<String>> report = this.imports.errorReport(done.get("id").asString(), this.manager);
		assertThat(report).hasSize(3);
		assertThat(report.get(1)).containsExactly("2", "id", this.otherProject, "out_of_scope",
				"the client with this ID is outside your scope: it cannot be updated");
		assertThat(report.get(2)).containsExactly("3", "email", email("other-desk"), "out_of_scope",
				"the client with this email is outside your scope: it cannot be updated");
		// nothing of the clients outside the scope: not their names, IDs, projects or
		// desks
		String text = report.toString();
		assertThat(text).doesNotContain("Otto", "Desmond", this.otherDesk, this.outProject, this.outDesk,
				"Out " + this.run, "Desk out");
		assertThat(this.api.client(this.otherProject, Login.ADMIN).get("firstName").asString()).isEqualTo("Otto");
		assertThat(this.api.client(this.otherDesk, Login.ADMIN).get("firstName").asString()).isEqualTo("Desmond");
		assertThat(this.api.client(this.inside, this.manager).get("firstName").asString()).isEqualTo("Inez");
	}

	@Test
	void a_row_that_would_put_a_client_outside_the_scope_is_an_out_of_scope_error_naming_the_project_or_desk() {
		JsonNode done = this.imports.run("new.csv",
				file(row("", "Pat", email("new-out-project"), this.outProject, this.inDesk),
						row("", "Dee", email("new-out-desk"), this.inProject, this.outDesk),
						row("", "Dan", email("new-defaults"), "", ""), row(this.inside, "", "", this.outProject, ""),
						row("", "Val", email("new-valid"), this.inProject, this.inDesk)),
				"?onError=skip", this.manager);

		assertThat(done.get("created").asInt()).as(done.toString()).isEqualTo(1);
		assertThat(done.get("failed").asInt()).isEqualTo(4);
		List<List<String>> report = this.imports.errorReport(done.get("id").asString(), this.manager);
		String outName = "'Out " + this.run + "' (id " + this.outProject + ")";
		assertThat(report.subList(1, report.size())).containsExactly(
				List.of("2", "project", this.outProject, "out_of_scope",
						"project " + outName + " is outside your scope"),
				List.of("3", "desk", this.outDesk, "out_of_scope",
						"desk 'Desk out " + this.run + "' (id " + this.outDesk + ") is outside your scope"),
				List.of("4", "project", "", "out_of_scope",
						"project " + defaultProjectName() + " is outside your scope (the import defaults' project)"),
				List.of("4", "desk", "", "out_of_scope",
						"desk " + defaultDeskName() + " is outside your scope (the import defaults' desk)"),
				List.of("5", "project", this.outProject, "out_of_scope",
						"project " + outName + " is outside your scope"));
		assertThat(emails(this.api.get("/api/clients?q=" + this.run, Login.ADMIN).json())).contains(email("new-valid"))
			.doesNotContain(email("new-out-project"), email("new-out-desk"), email("new-defaults"));
		assertThat(this.api.client(this.inside, Login.ADMIN).get("project").asString()).isEqualTo(this.inProject);
	}

	@Test
	void an_email_taken_by_a_client_outside_the_scope_is_refused_without_naming_that_client() {
		JsonNode done = this.imports.run("email.csv", file(row(this.inside, "", email("other-project"), "", "")), "",
				this.manager);

		assertThat(done.get("status").asString()).isEqualTo("FAILED");
		assertThat(this.imports.errorReport(done.get("id").asString(), this.manager).get(1)).containsExactly("2",
				"email", email("other-project"), "email_taken", "email is already used by a client outside your scope");
	}

	@Test
	void empty_lists_mean_no_limit_on_that_dimension() {
		putScope(this.manager.username(), List.of(this.inProject), List.of());
		assertThat(emails(this.api.get("/api/clients?q=" + this.run, this.manager).json()))
			.containsExactlyInAnyOrder(email("inside"), email("other-desk"));

		Api.Response cleared = putScope(this.manager.username(), List.of(), List.of());
		assertThat(cleared.json().toString()).isEqualTo("{\"projects\":[],\"desks\":[]}");
		assertThat(total("/api/clients?q=" + this.run, this.manager)).isEqualTo(3);
		JsonNode done = this.imports.run("anywhere.csv", file(row(this.otherProject, "Otis", "", "", "")), "",
				this.manager);
		assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	void an_admin_reads_and_sets_a_scope_and_the_user_reads_their_own() {
		String path = "/api/users/" + this.manager.username().toUpperCase() + "/scope";
		JsonNode scope = this.api.get(path, Login.ADMIN).json();
		assertThat(scope.get("projects").valueStream().map(JsonNode::asString)).containsExactly(this.inProject);
		assertThat(scope.get("desks").valueStream().map(JsonNode::asString)).containsExactly(this.inDesk);
		assertThat(this.api.get("/api/account/scope", this.manager).json()).isEqualTo(scope);
		assertThat(this.api.get("/api/account/scope", Login.ADMIN).json().toString())
			.isEqualTo("{\"projects\":[],\"desks\":[]}");
		List<JsonNode> audit = this.api.get("/api/audit?size=500&action=USER_SCOPE_CHANGED", Login.ADMIN)
			.json()
			.get("items")
			.valueStream()
			.filter((entry) -> this.manager.username().equals(entry.get("target").asString()))
			.toList();
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).get("actor").asString()).isEqualTo("admin");
		assertThat(audit.get(0).get("details").toString()).contains(this.inProject).contains(this.inDesk);

		assertThat(this.api.get(path, this.manager).status()).isEqualTo(403);
		assertThat(this.api.put(path, body(List.of(), List.of()), this.manager).status()).isEqualTo(403);
		assertThat(total("/api/clients?q=" + this.run, this.manager)).isEqualTo(1);
	}

	@Test
	void a_scope_that_is_not_valid_is_refused_naming_what_is_wrong() {
		String user = this.manager.username();
		Api.Response unknownUser = putScope("nobody-" + this.run, List.of(), List.of());
		assertThat(unknownUser.status()).isEqualTo(404);
		assertThat(this.api.get("/api/users/nobody-" + this.run + "/scope", Login.ADMIN).status()).isEqualTo(404);

		Api.Response missing = this.api.put("/api/users/" + user + "/scope",
				Api.json(Map.of("projects", List.of(this.outProject))), Login.ADMIN);
		assertThat(missing.status()).isEqualTo(422);
		assertThat(problems(missing)).containsExactly("desks: is missing: send a list of desk IDs, [] for no limit");

		String unknown = "ffffffffffffffffffffffff";
		Api.Response wrong = putScope(user, List.of(unknown, this.outProject, "Retail"), List.of(unknown));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(problems(wrong)).containsExactly("projects: no project has the ID " + unknown,
				"projects: 'Retail' is not a project ID (24 lowercase hex digits)",
				"desks: no desk has the ID " + unknown);

		assertThat(this.api.put("/api/users/" + user + "/scope", "{\"projects\":\"all\",\"desks\":[]}", Login.ADMIN)
			.status()).isEqualTo(400);

		Api.Response admin = putScope("admin", List.of(this.inProject), List.of());
		assertThat(admin.status()).isEqualTo(409);
		assertThat(admin.json().get("detail").asString()).contains("admins are never scoped");

		// nothing of it was stored
		assertThat(total("/api/clients?q=" + this.run, this.manager)).isEqualTo(1);
		assertThat(total("/api/clients?q=" + this.run, Login.ADMIN)).isEqualTo(3);
	}

	@Test
	void a_user_made_admin_loses_the_scope() {
		this.api.patch("/api/users/" + this.manager.username(), "{\"role\":\"ADMIN\"}", Login.ADMIN);

		assertThat(total("/api/clients?q=" + this.run, this.manager)).isEqualTo(3);
		assertThat(this.api.get("/api/users/" + this.manager.username() + "/scope", Login.ADMIN).json().toString())
			.isEqualTo("{\"projects\":[],\"desks\":[]}");
	}

	private Api.Response putScope(String username, List<String> projects, List<String> desks) {
		return this.api.put("/api/users/" + username + "/scope", body(projects, desks), Login.ADMIN);
	}

	private static String body(List<String> projects, List<String> desks) {
		return Api.json(Map.of("projects", projects, "desks", desks));
	}

	private static List<String> problems(Api.Response response) {
		return response.json()
			.get("errors")
			.valueStream()
			.map((error) -> error.get("column").asString() + ": " + error.get("message").asString())
			.toList();
	}

	private long total(String path, Login login) {
		Api.Response response = this.api.get(path, login);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("total").asLong();
	}

	private static List<String> emails(JsonNode page) {
		return page.get("items").valueStream().map((client) -> client.get("email").asString()).toList();
	}

	private String id(String name) {
		return this.api.onlyClient(email(name), Login.ADMIN).get("id").asString();
	}

	private String defaultProjectName() {
		String id = this.api.get("/api/settings/import-defaults", Login.ADMIN).json().get("project").asString();
		return named("/api/projects", id);
	}

	private String defaultDeskName() {
		String id = this.api.get("/api/settings/import-defaults", Login.ADMIN).json().get("desk").asString();
		return named("/api/desks", id);
	}

	private String named(String path, String id) {
		JsonNode unit = this.api.get(path, Login.ADMIN)
			.json()
			.valueStream()
			.filter((u) -> u.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow();
		return "'" + unit.get("name").asString() + "' (id " + id + ")";
	}

	private String email(String name) {
		return name + "-" + this.run + "@example.com";
	}

	/** A row of the full header: ID, first name, email, project, desk; the rest empty. */
	private String row(String id, String firstName, String email, String project, String desk) {
		return String.join(",", id, firstName, firstName.isEmpty() ? "" : "Lee", email, project, desk, "", "", "");
	}

	private static byte[] file(String... rows) {
		return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
	}

}
