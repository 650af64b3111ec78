package io.clientdesk.importing;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Poll;
import io.clientdesk.support.TestFiles;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploaded files and error rows are kept 90 days: the daily retention job (db-scheduler)
 * then deletes them, and keeps each import's summary and record of changes; a deleted
 * error report or a dry run whose file is gone is a 410 naming the retention, and the
 * import's page says so instead of offering them. Imports are made old by back-dating
 * them, and the job is made due at once.
 */
@IntegrationTest
class ImportRetentionIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	private final String run = Imports.run();

	@Test
	void files_and_error_rows_past_the_retention_are_deleted_keeping_the_summary_and_the_changes() {
		Login manager = this.api.user("retention-" + this.run, "MANAGER");
		String failed = this.imports.run("old-errors.csv", withOneBadEmail("old"), "", manager).get("id").asString();
		String check = this.imports
			.run("old-check.csv", TestFiles.newClients(this.run + "c", 3, "Old"), "?dryRun=true", manager)
			.get("id")
			.asString();
		String imported = this.imports
			.run("old-import.csv", TestFiles.newClients(this.run + "i", 3, "Old"), "", manager)
			.get("id")
			.asString();
		String recent = this.imports.run("recent-errors.csv", withOneBadEmail("recent"), "", manager)
			.get("id")
			.asString();
		backDate(List.of(failed, check, imported), Duration.ofDays(91));

		runRetentionNow();
		Api.Response gone = Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200),
				() -> this.api.get("/api/imports/" + failed + "/errors.csv", manager),
				(answer) -> answer.status() == 410, "the retention job to delete the old error rows");
		assertThat(gone.contentType()).startsWith("application/problem+json");
		assertThat(gone.json().get("detail").asString()).isEqualTo("The error report of import " + failed
				+ " was deleted: uploaded files and error reports are kept 90 days (clientdesk.import.retention)");

		JsonNode summary = this.imports.view(failed, manager);
		assertThat(summary.get("status").asString()).isEqualTo("FAILED");
		assertThat(summary.get("failed").asInt()).isEqualTo(1);
		assertThat(summary.get("filesDeletedAt").isNull()).isFalse();
		assertThat(this.api.get("/api/imports/" + imported + "/changes", manager).json().get("total").asInt())
			.as("the record of changes stays")
			.isEqualTo(3);
		assertThat(this.imports.view(imported, manager).get("created").asInt()).isEqualTo(3);

		Api.Response commit = this.api.post("/api/imports/" + check + "/commit", "", manager);
		assertThat(commit.status()).isEqualTo(410);
		assertThat(commit.json().get("detail").asString()).contains("The file of dry run " + check + " was deleted")
			.contains("kept 90 days");

		assertThat(this.api.get("/api/imports/" + recent + "/errors.csv", manager).status())
			.as("a recent import keeps its report")
			.isEqualTo(200);
		assertThat(fileKept(recent)).isTrue();
		assertThat(fileKept(failed)).isFalse();
		assertThat(fileKept(check)).isFalse();
		assertThat(this.jdbc.sql("select count(*) from import_errors where import_id = ?")
			.param(failed)
			.query(Integer.class)
			.single()).isZero();

		WebSession session = WebSession.logIn(this.api, manager);
		HttpResponse<String> page = session.get("/imports/" + failed);
		assertThat(page.body()).contains("id=\"files-deleted\"")
			.contains("The uploaded file and its error report were deleted on")
			.contains("files are kept 90 days")
			.doesNotContain("error-report-link");
		assertThat(session.get("/imports/" + check).body()).contains("The uploaded file was deleted on")
			.doesNotContain("import-now-button");
		assertThat(session.get("/imports/" + failed + "/errors.csv").statusCode()).isEqualTo(410);
	}

	private byte[] withOneBadEmail(String name) {
		return ("firstName,lastName,email\nAda," + name + ",ada." + this.run + "@example.com\nBob," + name
				+ ",not-an-email\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Moves the imports and their files back in time. */
	private void backDate(List<String> importIds, Duration age) {
		Timestamp then = Timestamp.from(Instant.now().minus(age));
		for (String id : importIds) {
			this.jdbc.sql("update imports set created_at = ? where id = ?").params(then, id).update();
			this.jdbc
				.sql("update import_files set created_at = ? where id = (select file_id from imports where id = ?)")
				.params(then, id)
				.update();
		}
	}

	/** Makes the daily job due now: a server's scheduler runs it at its next poll. */
	private void runRetentionNow() {
		int due = this.jdbc.sql(
				"update scheduled_tasks set execution_time = ? where task_name = 'import-retention' and picked = false")
			.param(Timestamp.from(Instant.now().minusSeconds(1)))
			.update();
		assertThat(due).as("the retention job is scheduled").isEqualTo(1);
	}

	private boolean fileKept(String importId) {
		return this.jdbc
			.sql("select count(*) from import_file_chunks where file_id = (select file_id from imports where id = ?)")
			.param(importId)
			.query(Integer.class)
			.single() > 0;
	}

}
