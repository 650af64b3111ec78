package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may import, and whose imports one sees: managers import and see their own, admins
 * see all, agents only read clients.
 */
@IntegrationTest
class ImportAccessIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	Login manager;

	Login otherManager;

	Login agent;

	@BeforeEach
	void users() {
		this.manager = this.api.user("manager-" + this.run, "MANAGER");
		this.otherManager = this.api.user("other-" + this.run, "MANAGER");
		this.agent = this.api.user("agent-" + this.run, "AGENT");
	}

	@Test
	void an_agent_cannot_import_or_export_and_a_manager_can() {
		String name = this.run + ".csv";

		Api.Response byAgent = this.imports.upload(name, file("ann"), "", this.agent);
		assertThat(byAgent.status()).isEqualTo(403);
		assertThat(byAgent.contentType()).startsWith("application/problem+json");
		assertThat(this.api.get("/api/imports", this.agent).status()).isEqualTo(403);
		assertThat(this.api.get("/api/clients/export.csv", this.agent).status()).isEqualTo(403);
		assertThat(this.api.get("/api/clients?q=" + this.run, this.agent).status()).isEqualTo(200);
		// nothing of the refused upload was stored
		assertThat(this.api.get("/api/imports", Login.ADMIN).json().findValuesAsString("fileName"))
			.doesNotContain(this.run + ".csv");

		Api.Response byManager = this.imports.upload(name, file("ann"), "", this.manager);
		assertThat(byManager.status()).isEqualTo(202);
		String id = byManager.json().get("id").asString();
		assertThat(byManager.json().get("createdBy").asString()).isEqualTo(this.manager.username());
		assertThat(this.imports.awaitEnd(id, this.manager).get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(this.api.get("/api/clients/export.csv?q=" + this.run, this.manager).status()).isEqualTo(200);
	}

	@Test
	void a_manager_sees_only_their_own_imports_and_an_admin_sees_all() {
		String mine = this.imports.run("mine.csv", file("ann", "not-an-email"), "", this.manager).get("id").asString();
		String theirs = this.imports.run("theirs.csv", file("bob", "not-an-email"), "", this.otherManager)
			.get("id")
			.asString();

		for (String path : List.of("", "/errors.csv", "/changes")) {
			assertThat(this.api.get("/api/imports/" + theirs + path, this.manager).status()).as(path).isEqualTo(404);
			assertThat(this.api.get("/api/imports/" + mine + path, this.manager).status()).as(path).isEqualTo(200);
			assertThat(this.api.get("/api/imports/" + theirs + path, Login.ADMIN).status()).as(path).isEqualTo(200);
		}
		assertThat(this.api.post("/api/imports/" + theirs + "/commit", "", this.manager).status()).isEqualTo(404);

		List<JsonNode> listed = list(this.manager);
		assertThat(listed).extracting((view) -> view.get("createdBy").asString()).containsOnly(this.manager.username());
		assertThat(listed).extracting((view) -> view.get("id").asString()).contains(mine).doesNotContain(theirs);
		assertThat(this.imports.listedIds(Login.ADMIN)).contains(mine, theirs);
	}

	@Test
	void same_file_as_names_only_an_import_the_viewer_may_see() {
		byte[] file = file("ann");
		String first = this.imports.run("first.csv", file, "", this.manager).get("id").asString();

		Api.Response upload = this.imports.upload("again.csv", file, "?dryRun=true", this.otherManager);
		assertThat(upload.status()).isEqualTo(202);
		assertThat(upload.json().get("sameFileAs").isNull()).as("the upload's answer").isTrue();
		String theirs = upload.json().get("id").asString();
		this.imports.awaitEnd(theirs, this.otherManager);
		String theirSecond = this.imports.run("again-2.csv", file, "?dryRun=true", this.otherManager)
			.get("id")
			.asString();
		String mySecond = this.imports.run("second.csv", file, "?dryRun=true", this.manager).get("id").asString();

		assertThat(sameFileAs(theirs, this.otherManager)).isNull();
		assertThat(list(this.otherManager)).filteredOn((view) -> view.get("id").asString().equals(theirs))
			.singleElement()
			.satisfies((view) -> assertThat(view.get("sameFileAs").isNull()).isTrue());
		assertThat(sameFileAs(theirSecond, this.otherManager)).isEqualTo(theirs);
		assertThat(sameFileAs(mySecond, this.manager)).isEqualTo(first);
		assertThat(sameFileAs(theirs, Login.ADMIN)).isEqualTo(first);
		assertThat(sameFileAs(mySecond, Login.ADMIN)).isEqualTo(theirSecond);
		assertThat(WebSession.logIn(this.api, this.otherManager).get("/imports/" + theirs).body())
			.doesNotContain("Same content")
			.doesNotContain(first);
	}

	@Test
	void lists_imports_newest_first() {
		String first = this.imports.run("first.csv", file("ann"), "", this.manager).get("id").asString();
		String second = this.imports.run("second.csv", file("bob"), "", this.manager).get("id").asString();

		assertThat(this.imports.listedIds(this.manager)).containsExactly(second, first);
	}

	@Test
	void the_api_answers_401_without_credentials() {
		assertThat(this.api.get("/api/imports", null).status()).isEqualTo(401);
		Api.Response upload = this.imports.upload(this.run + ".csv", file("ann"), "", null);
		assertThat(upload.status()).isEqualTo(401);
		assertThat(upload.contentType()).startsWith("application/problem+json");
		// nothing of the refused upload was stored
		assertThat(this.api.get("/api/imports", Login.ADMIN).json().findValuesAsString("fileName"))
			.doesNotContain(this.run + ".csv");
		assertThat(this.api.get("/api/notifications", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/clients", new Login(this.manager.username(), "wrong-password")).status())
			.isEqualTo(401);
	}

	@Test
	void an_import_without_errors_has_no_error_report() {
		JsonNode finished = this.imports.run("clean.csv", file("ann"), "", this.manager);
		assertThat(finished.get("errorReport").isNull()).isTrue();

		Api.Response report = this.api.get("/api/imports/" + finished.get("id").asString() + "/errors.csv",
				this.manager);

		assertThat(report.status()).isEqualTo(404);
		assertThat(report.contentType()).startsWith("application/problem+json");
		assertThat(this.api.get("/api/imports/ffffffffffffffffffffffff", Login.ADMIN).status()).isEqualTo(404);
	}

	private String sameFileAs(String id, Login login) {
		JsonNode view = this.api.get("/api/imports/" + id, login).json();
		return view.get("sameFileAs").isNull() ? null : view.get("sameFileAs").asString();
	}

	private List<JsonNode> list(Login login) {
		List<JsonNode> views = new ArrayList<>();
		this.api.get("/api/imports", login).json().forEach(views::add);
		return views;
	}

	/**
	 * firstName,email rows; a name gets the test's run as email, anything else is the
	 * email.
	 */
	private byte[] file(String... names) {
		StringBuilder text = new StringBuilder("firstName,email\n");
		for (String name : names) {
			String email = name.contains("-") ? name : name + "." + this.run + "@example.com";
			text.append("Someone,").append(email).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
