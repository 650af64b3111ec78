package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestFiles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Undoing an import through the API, with real files: what it deletes and puts back, the
 * clients changed since, who may, and when it is refused.
 */
@IntegrationTest
class ImportUndoIT {

	private static final Duration LONG = Duration.ofSeconds(180);

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	Login manager;

	@BeforeEach
	void users() {
		this.manager = this.api.user("undo-" + this.run, "MANAGER");
	}

	@Test
	void undoing_a_5000_row_import_of_creates_and_updates_restores_the_exported_clients_exactly() {
		String project = this.api.newProject("Undo " + this.run);
		StringBuilder seed = new StringBuilder("firstName,lastName,email,project,active,type,created\n");
		for (int i = 0; i < 2500; i++) {
			seed.append("Seed ")
				.append(i)
				.append(",Old,")
				.append(email("old", i))
				.append(',')
				.append(project)
				.append(',')
				.append(i % 2 == 0)
				.append(',')
				.append((i % 3 == 0) ? "Corporate" : "Personal")
				.append(",2024-03-0")
				.append(1 + i % 9)
				.append("T10:00:00.123Z\n");
		}
		assertThat(this.imports.run("seed.csv", bytes(seed), "", this.manager).get("created").asInt()).isEqualTo(2500);
		String before = export(project);
		List<List<String>> seeded = Imports.csv(before);
		assertThat(seeded).hasSize(2501);
		int id = seeded.get(0).indexOf("id");

		StringBuilder mixed = new StringBuilder("id,firstName,lastName,email,project,active,type,created\n");
		for (int i = 1; i <= 2500; i++) {
			List<String> client = seeded.get(i);
			mixed.append(client.get(id))
				.append(",Changed ")
				.append(i)
				.append(",New,")
				.append((i % 5 == 0) ? email("moved", i) : "")
				.append(",,")
				.append(i % 2 == 0)
				.append(',')
				.append((i % 3 == 0) ? "Personal" : "Corporate")
				.append(',')
				.append((i % 7 == 0) ? "2021-06-13T15:06:02.802Z" : "")
				.append('\n');
		}
		for (int i = 0; i < 2500; i++) {
			mixed.append(",New ").append(i).append(",Client,").append(email("new", i)).append(',');
			mixed.append(project).append(",true,Personal,\n");
		}
		JsonNode imported = this.imports.awaitEnd(upload("mixed.csv", bytes(mixed)), this.manager, LONG);
		assertThat(imported.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(imported.get("created").asInt()).isEqualTo(2500);
		assertThat(imported.get("updated").asInt()).isEqualTo(2500);
		assertThat(export(project)).isNotEqualTo(before);

		Api.Response asked = undo(imported, "");
		assertThat(asked.status()).as(asked.body()).isEqualTo(202);
		assertThat(asked.headers().firstValue("Location"))
			.contains("/api/imports/" + asked.json().get("id").asString());
		assertThat(asked.json().get("kind").asString()).isEqualTo("UNDO");
		assertThat(asked.json().get("undoOf").asString()).isEqualTo(imported.get("id").asString());
		assertThat(asked.json().get("totalRows").asInt()).isEqualTo(5000);
		JsonNode undo = this.imports.awaitEnd(asked.json().get("id").asString(), this.manager, LONG);

		assertThat(undo.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(undo.get("sameFileAs").isNull()).as("an undo is no upload of the same file").isTrue();
		assertThat(undo.get("deleted").asInt()).isEqualTo(2500);
		assertThat(undo.get("updated").asInt()).isEqualTo(2500);
		assertThat(undo.get("failed").asInt()).isZero();
		assertThat(export(project)).isEqualTo(before);
		assertThat(this.api.get("/api/clients?q=" + this.run + "-new", this.manager).json().get("total").asInt())
			.isZero();
		JsonNode undone = this.imports.view(imported.get("id").asString(), this.manager);
		assertThat(undone.get("undoneBy").asString()).isEqualTo(undo.get("id").asString());
		assertThat(undone.get("kind").asString()).isEqualTo("IMPORT");
		String changes = "/api/imports/" + undo.get("id").asString() + "/changes?size=500&page=";
		JsonNode first = this.api.get(changes + 0, this.manager).json();
		assertThat(first.get("total").asInt()).isEqualTo(5000);
		assertThat(first.get("items").findValuesAsString("action")).containsOnly("DELETED");
		assertThat(this.api.get(changes + 9, this.manager).json().get("items").findValuesAsString("action"))
			.containsOnly("UPDATED");
	}

	@Test
	void a_client_changed_since_the_import_is_kept_by_default_and_reported_as_changed_since() {
		Scenario scenario = scenario();
		JsonNode conflicts = this.api.get("/api/imports/" + scenario.importId + "/undo/conflicts", this.manager).json();
		assertThat(conflicts).hasSize(2);
		JsonNode ann = find(conflicts, scenario.ann);
		assertThat(ann.get("action").asString()).isEqualTo("UPDATED");
		assertThat(ann.get("before").get("firstName").asString()).isEqualTo("Ann");
		assertThat(ann.get("imported").get("firstName").asString()).isEqualTo("Anna");
		assertThat(ann.get("current").get("firstName").asString()).isEqualTo("Annie");
		JsonNode zed = find(conflicts, scenario.zed);
		assertThat(zed.get("action").asString()).isEqualTo("CREATED");
		assertThat(zed.get("before").isNull()).isTrue();
		assertThat(zed.get("current").get("lastName").asString()).isEqualTo("Edited");

		Api.Response asked = undo(scenario.imported, "");
		JsonNode undo = this.imports.awaitEnd(asked.json().get("id").asString(), this.manager);

		assertThat(undo.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(undo.get("failed").asInt()).isEqualTo(2);
		assertThat(undo.get("updated").asInt()).isEqualTo(1);
		assertThat(this.api.client(scenario.ann, this.manager).get("firstName").asString()).isEqualTo("Annie");
		assertThat(this.api.client(scenario.zed, this.manager).get("lastName").asString()).isEqualTo("Edited");
		assertThat(this.api.client(scenario.bob, this.manager).get("lastName").asString()).isEqualTo("Black");
		List<List<String>> report = this.imports.errorReport(undo.get("id").asString(), this.manager);
		assertThat(report).hasSize(3);
		assertThat(report.subList(1, 3)).allSatisfy((row) -> assertThat(row.get(3)).isEqualTo("changed_since"));
		assertThat(String.join("\n", report.get(1) + "" + report.get(2))).contains(scenario.ann, scenario.zed);
		assertThat(this.imports.view(scenario.importId, this.manager).get("undoneBy").asString())
			.isEqualTo(undo.get("id").asString());
	}

	@Test
	void conflicts_restore_puts_back_clients_changed_since_and_deletes_an_edited_created_one() {
		Scenario scenario = scenario();

		JsonNode undo = this.imports.awaitEnd(undo(scenario.imported, "?conflicts=restore").json().get("id").asString(),
				this.manager);

		assertThat(undo.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(undo.get("deleted").asInt()).isEqualTo(1);
		assertThat(undo.get("updated").asInt()).isEqualTo(2);
		assertThat(this.api.client(scenario.ann, this.manager).get("firstName").asString()).isEqualTo("Ann");
		assertThat(this.api.client(scenario.bob, this.manager).get("lastName").asString()).isEqualTo("Black");
		assertThat(this.api.get("/api/clients/" + scenario.zed, this.manager).status()).isEqualTo(404);
	}

	@Test
	void a_client_outside_the_undoers_scope_is_kept_and_reported_as_out_of_scope() {
		String desk = this.api.newDesk("Undo scope " + this.run);
		JsonNode imported = this.imports.run("two.csv",
				csv("firstName,email,desk", "In," + email("in", 1) + "," + desk, "Out," + email("out", 1) + ","), "",
				this.manager);
		assertThat(imported.get("created").asInt()).isEqualTo(2);
		String in = this.api.onlyClient(email("in", 1), this.manager).get("id").asString();
		String out = this.api.onlyClient(email("out", 1), this.manager).get("id").asString();
		// the manager is limited to the desk after the import
		assertThat(this.api
			.put("/api/users/" + this.manager.username() + "/scope",
					"{\"projects\": [], \"desks\": [\"" + desk + "\"]}", Api.Login.ADMIN)
			.status()).isEqualTo(200);

		JsonNode undo = this.imports.awaitEnd(undo(imported, "?conflicts=restore").json().get("id").asString(),
				this.manager);

		assertThat(undo.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(undo.get("deleted").asInt()).isEqualTo(1);
		assertThat(this.api.get("/api/clients/" + in, Api.Login.ADMIN).status()).isEqualTo(404);
		assertThat(this.api.get("/api/clients/" + out, Api.Login.ADMIN).status()).isEqualTo(200);
		List<List<String>> report = this.imports.errorReport(undo.get("id").asString(), this.manager);
		assertThat(report).hasSize(2);
		assertThat(report.get(1)).contains(out, "out_of_scope");
	}

	@Test
	void a_client_whose_old_email_was_taken_since_is_kept_and_reported_as_email_taken() {
		JsonNode seed = this.imports.run("seed.csv", csv("firstName,lastName,email", "Eve,Early," + email("eve", 1)),
				"", this.manager);
		assertThat(seed.get("created").asInt()).isEqualTo(1);
		String eve = this.api.onlyClient(email("eve", 1), this.manager).get("id").asString();
		JsonNode moved = this.imports.run("move.csv", csv("id,email", eve + "," + email("eve", 2)), "", this.manager);
		this.imports.run("taker.csv", csv("firstName,email", "Taker," + email("eve", 1)), "", this.manager);

		JsonNode undo = this.imports.awaitEnd(undo(moved, "?conflicts=restore").json().get("id").asString(),
				this.manager);

		assertThat(undo.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(this.api.client(eve, this.manager).get("email").asString()).isEqualTo(email("eve", 2));
		List<List<String>> report = this.imports.errorReport(undo.get("id").asString(), this.manager);
		assertThat(report.get(1)).containsSubsequence("email", email("eve", 1), "email_taken");
	}

	@Test
	void an_import_that_wrote_nothing_or_was_undone_already_or_is_an_undo_cannot_be_undone() {
		byte[] file = csv("firstName,lastName,email", "Ida,Idle," + email("ida", 1));
		JsonNode dryRun = this.imports.run("dry.csv", file, "?dryRun=true", this.manager);
		JsonNode failed = this.imports.run("bad.csv", csv("firstName,email", "Bad,not-an-email"), "", this.manager);
		JsonNode imported = this.imports.run("ok.csv", file, "", this.manager);
		JsonNode again = this.imports.run("ok.csv", file, "", this.manager);
		assertThat(again.get("unchanged").asInt()).isEqualTo(1);

		for (JsonNode nothing : List.of(dryRun, failed, again)) {
			Api.Response refused = undo(nothing, "");
			assertThat(refused.status()).as(refused.body()).isEqualTo(409);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("detail").asString()).contains(nothing.get("id").asString());
		}
		// an import of 3 000 rows is still queued or running a moment after its upload
		String running = upload("running.csv", TestFiles.newClients(this.run + "-running", 3000, "Running"));
		Api.Response notEnded = this.api.post("/api/imports/" + running + "/undo", "", this.manager);
		assertThat(notEnded.status()).as(notEnded.body()).isEqualTo(409);
		assertThat(notEnded.json().get("detail").asString()).contains("can be undone once it has ended");
		this.imports.awaitEnd(running, this.manager, LONG);

		Api.Response first = undo(imported, "");
		assertThat(first.status()).isEqualTo(202);
		Api.Response second = undo(imported, "");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("detail").asString()).contains(first.json().get("id").asString());
		JsonNode undo = this.imports.awaitEnd(first.json().get("id").asString(), this.manager);
		assertThat(undo(imported, "").json().get("detail").asString()).contains("already been undone");
		assertThat(undo(undo, "").status()).isEqualTo(409);
		Api.Response bad = undo(undo, "?conflicts=maybe");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("conflicts");
	}

	@Test
	void only_the_owner_and_admins_may_undo_and_the_undo_has_its_notification_and_audit_entries() {
		Login other = this.api.user("undo-other-" + this.run, "MANAGER");
		Login agent = this.api.user("undo-agent-" + this.run, "AGENT");
		JsonNode imported = this.imports.run("mine.csv", csv("firstName,email", "Mo," + email("mo", 1)), "",
				this.manager);
		String path = "/api/imports/" + imported.get("id").asString() + "/undo";

		assertThat(this.api.post(path, "", other).status()).isEqualTo(404);
		assertThat(this.api.get(path + "/conflicts", other).status()).isEqualTo(404);
		assertThat(this.api.post(path, "", agent).status()).isEqualTo(403);
		assertThat(this.api.post(path, "", null).status()).isEqualTo(401);
		Api.Response byAdmin = this.api.post(path, "", Login.ADMIN);
		assertThat(byAdmin.status()).isEqualTo(202);
		String undoId = byAdmin.json().get("id").asString();
		assertThat(byAdmin.json().get("createdBy").asString()).isEqualTo("admin");
		this.imports.awaitEnd(undoId, Login.ADMIN);
		assertThat(this.api.get("/api/clients?q=" + email("mo", 1), this.manager).json().get("total").asInt()).isZero();

		JsonNode bell = this.api.get("/api/notifications", Login.ADMIN).json();
		JsonNode notification = null;
		for (JsonNode n : bell) {
			if (undoId.equals(n.get("importId").asString())) {
				notification = n;
			}
		}
		assertThat(notification).as("the admin's notifications: %s", bell).isNotNull();
		assertThat(notification.get("kind").asString()).isEqualTo("UNDO_SUCCEEDED");
		assertThat(notification.get("link").asString()).isEqualTo("/imports/" + undoId);
		assertThat(notification.get("message").asString()).startsWith("Import undone — 1 client of mine.csv");
		JsonNode audit = this.api.get("/api/audit?action=IMPORT_UNDO_REQUESTED&user=admin", Login.ADMIN).json();
		assertThat(audit.get("items").findValuesAsString("target")).contains(undoId);
		JsonNode ended = this.api.get("/api/audit?action=IMPORT_UNDONE", Login.ADMIN).json();
		assertThat(ended.get("items").findValuesAsString("target")).contains(undoId);
	}

	/**
	 * Ann and Bob exist; an import renames Ann, changes Bob's last name and creates Zed;
	 * a second import then edits Ann and Zed again.
	 */
	private Scenario scenario() {
		this.imports.run("seed.csv",
				csv("firstName,lastName,email", "Ann,Able," + email("ann", 1), "Bob,Black," + email("bob", 1)), "",
				this.manager);
		String ann = this.api.onlyClient(email("ann", 1), this.manager).get("id").asString();
		String bob = this.api.onlyClient(email("bob", 1), this.manager).get("id").asString();
		JsonNode imported = this.imports.run("change.csv",
				csv("id,firstName,lastName,email", ann + ",Anna,,", bob + ",,Brown,", ",Zed,Zulu," + email("zed", 1)),
				"", this.manager);
		assertThat(imported.get("updated").asInt()).isEqualTo(2);
		String zed = this.api.onlyClient(email("zed", 1), this.manager).get("id").asString();
		JsonNode edit = this.imports.run("edit.csv", csv("id,firstName,lastName", ann + ",Annie,", zed + ",,Edited"),
				"", this.manager);
		assertThat(edit.get("updated").asInt()).isEqualTo(2);
		return new Scenario(imported, imported.get("id").asString(), ann, bob, zed);
	}

	private record Scenario(JsonNode imported, String importId, String ann, String bob, String zed) {
	}

	private Api.Response undo(JsonNode imported, String query) {
		return this.api.post("/api/imports/" + imported.get("id").asString() + "/undo" + query, "", this.manager);
	}

	private String upload(String name, byte[] content) {
		Api.Response response = this.imports.upload(name, content, "", this.manager);
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		return response.json().get("id").asString();
	}

	private String export(String project) {
		Api.Response response = this.api.get("/api/clients/export.csv?project=" + project, this.manager);
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	private static JsonNode find(JsonNode conflicts, String client) {
		for (JsonNode conflict : conflicts) {
			if (client.equals(conflict.get("client").asString())) {
				return conflict;
			}
		}
		throw new AssertionError("no conflict for client " + client + " in " + conflicts);
	}

	private String email(String who, int n) {
		return this.run + "-" + who + "-" + n + "@example.com";
	}

	private static byte[] csv(String... lines) {
		return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(StringBuilder text) {
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
