package io.clientdesk.importing;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestFiles;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-user limits: imports waiting or running (5 by default), and bytes of uploaded files
 * kept (here 100 KB instead of 500 MB, so that two files of a thousand rows pass it).
 * Both count dry runs, and both are answered on the API and in the import dialog.
 */
@IntegrationTest
@TestPropertySource(properties = "clientdesk.import.max-stored-bytes-per-user=100KB")
class ImportLimitsIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	private final String run = Imports.run();

	@Test
	void a_sixth_import_waiting_is_refused_with_429_naming_the_limit_on_the_api_and_in_the_dialog() {
		Login manager = this.api.user("queue-" + this.run, "MANAGER");
		for (int i = 0; i < 5; i++) {
			this.imports.run("check-" + i + ".csv", TestFiles.newClients(this.run + i, 2, "Queue"), "?dryRun=true",
					manager);
		}
		// as if the five checks were still waiting for a worker
		this.jdbc.sql("update imports set status = 'QUEUED' where created_by = ?").param(manager.username()).update();

		Api.Response refused = this.imports.upload("sixth.csv", TestFiles.newClients(this.run, 2, "Queue"), "",
				manager);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
		JsonNode problem = refused.json();
		assertThat(problem.get("limit").asString()).isEqualTo("clientdesk.import.max-queued-per-user");
		assertThat(problem.get("max").asString()).isEqualTo("5");
		assertThat(problem.get("detail").asString()).contains("You have 5 imports waiting or running");

		HttpResponse<String> dialog = WebSession.logIn(this.api, manager)
			.upload("/imports", "sixth.csv", TestFiles.newClients(this.run, 2, "Queue"), Map.of(), true);
		assertThat(dialog.statusCode()).isEqualTo(422);
		assertThat(dialog.body()).contains("Limit reached")
			.contains("You have 5 imports waiting or running")
			.contains("clientdesk.import.max-queued-per-user");

		this.jdbc
			.sql("update imports set status = 'SUCCEEDED' where id = (select max(id) from imports where"
					+ " created_by = ?)")
			.param(manager.username())
			.update();
		assertThat(this.imports.upload("sixth.csv", TestFiles.newClients(this.run, 2, "Queue"), "", manager).status())
			.isEqualTo(202);
	}

	@Test
	void an_upload_past_the_bytes_a_user_may_keep_is_refused_with_413_naming_the_limit_dry_runs_included() {
		Login manager = this.api.user("bytes-" + this.run, "MANAGER");
		byte[] file = TestFiles.newClients(this.run + "a", 1200, "Bytes");
		assertThat(file.length).isBetween(51_200, 102_400);
		this.imports.run("first.csv", file, "?dryRun=true", manager);

		Api.Response refused = this.imports.upload("second.csv", TestFiles.newClients(this.run + "b", 1200, "Bytes"),
				"?dryRun=true", manager);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
		JsonNode problem = refused.json();
		assertThat(problem.get("limit").asString()).isEqualTo("clientdesk.import.max-stored-bytes-per-user");
		assertThat(problem.get("max").asString()).isEqualTo("102400");
		assertThat(problem.get("detail").asString()).contains("more than the 100 KiB one user may keep")
			.contains("deleted 90 days after their upload");

		HttpResponse<String> dialog = WebSession.logIn(this.api, manager)
			.upload("/imports", "second.csv", TestFiles.newClients(this.run + "b", 1200, "Bytes"), Map.of(), true);
		assertThat(dialog.statusCode()).isEqualTo(422);
		assertThat(dialog.body()).contains("more than the 100 KiB one user may keep");

		Login other = this.api.user("bytes-other-" + this.run, "MANAGER");
		assertThat(this.imports
			.upload("second.csv", TestFiles.newClients(this.run + "b", 1200, "Bytes"), "?dryRun=true", other)
			.status()).as("another user's files are theirs").isEqualTo(202);
	}

}
