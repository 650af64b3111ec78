package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

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
 * The file limits as an admin raises them (here 6 000 records and 2 MB, above the 5 000
 * records and 10 MB of the default only in records): a file within them imports, one
 * beyond is refused with 413 naming the limit it passes. Files of more than 5 000 rows
 * are imported in chunks: the whole file still imports all or nothing, with one error
 * report and one rule for duplicates.
 */
@IntegrationTest
@TestPropertySource(properties = { "clientdesk.import.max-records=6000", "clientdesk.import.max-file-size=2MB" })
class RaisedFileLimitsIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	private final String run = Imports.run();

	@Test
	void a_file_of_more_records_than_the_default_imports_under_a_raised_limit() {
		Login manager = this.api.user("raised-" + this.run, "MANAGER");
		JsonNode finished = this.imports.run("big.csv", TestFiles.newClients(this.run, 5500, "Raised"), "", manager);
		assertThat(finished.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("totalRows").asInt()).isEqualTo(5500);
		assertThat(finished.get("created").asInt()).isEqualTo(5500);
	}

	@Test
	void a_file_of_more_records_than_the_raised_limit_is_refused_with_413_naming_it() {
		Login manager = this.api.user("records-" + this.run, "MANAGER");
		Api.Response refused = this.imports.upload("too-many.csv", TestFiles.newClients(this.run, 6001, "Raised"), "",
				manager);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.json().get("detail").asString())
			.contains("the file has 6001 records, more than the limit of 6000 per file");
	}

	@Test
	void a_file_of_more_bytes_than_the_raised_limit_is_refused_with_413_naming_it() {
		Login manager = this.api.user("bytes-" + this.run, "MANAGER");
		byte[] file = ("email,firstName,lastName\n" + "x".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
		Api.Response refused = this.imports.upload("too-big.csv", file, "", manager);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.json().get("detail").asString()).contains("larger than the limit of 2 MiB per file");
	}

	@Test
	void an_error_in_the_last_chunk_fails_the_whole_import_and_the_first_chunk_is_not_written() {
		Login manager = this.api.user("fail-" + this.run, "MANAGER");
		String lastName = "Chunked" + this.run;
		StringBuilder file = new StringBuilder("firstName,lastName,email\n");
		for (int i = 0; i < 5500; i++) {
			file.append("Client ").append(i).append(',').append(lastName).append(',');
			file.append((i == 5400) ? "not-an-email" : this.run + "-fail-" + i + "@example.com").append('\n');
		}
		JsonNode finished = this.imports.run("fail.csv", bytes(file), "", manager);
		assertThat(finished.get("status").asString()).isEqualTo("FAILED");
		assertThat(finished.get("created").asInt()).isZero();
		assertThat(finished.get("failed").asInt()).isEqualTo(1);
		assertThat(finished.get("processedRows").asInt()).isEqualTo(5500);
		assertThat(this.imports.errorReport(finished.get("id").asString(), manager)).hasSize(2)
			.last()
			.satisfies((row) -> assertThat(row).contains("5402", "email", "not-an-email", "invalid_email"));
		assertThat(this.jdbc.sql("select count(*) from clients where last_name = ?")
			.param(lastName)
			.query(Integer.class)
			.single()).as("nothing of the first chunk stays").isZero();
		assertThat(this.api.get("/api/imports/" + finished.get("id").asString() + "/changes?size=1", manager)
			.json()
			.get("total")
			.asInt()).isZero();
	}

	@Test
	void rows_in_different_chunks_giving_the_same_email_are_duplicates_and_the_rest_is_imported_with_skip() {
		Login manager = this.api.user("dup-" + this.run, "MANAGER");
		StringBuilder file = new StringBuilder("firstName,lastName,email\n");
		for (int i = 0; i < 5500; i++) {
			int email = (i == 5300) ? 10 : i;
			file.append("Client ").append(i).append(",Dup,").append(this.run + "-dup-" + email + "@example.com\n");
		}
		JsonNode finished = this.imports.run("dup.csv", bytes(file), "?onError=skip", manager);
		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(finished.get("created").asInt()).isEqualTo(5499);
		assertThat(finished.get("failed").asInt()).isEqualTo(1);
		assertThat(this.imports.errorReport(finished.get("id").asString(), manager).get(1)).contains("5302",
				"duplicate_in_file",
				"duplicate of line 12: both rows give the email " + this.run + "-dup-10@example.com");
		assertThat(this.api.get("/api/imports/" + finished.get("id").asString() + "/changes?size=1&page=5498", manager)
			.json()
			.get("total")
			.asInt()).as("every client created is in the record of changes").isEqualTo(5499);
	}

	@Test
	void an_email_an_earlier_chunk_took_from_a_client_is_still_that_clients_for_the_rows_after() {
		Login manager = this.api.user("moved-" + this.run, "MANAGER");
		String email = this.run + "-moved@example.com";
		this.imports.run("one.csv",
				("firstName,lastName,email\nAnn,Moved," + email + "\n").getBytes(StandardCharsets.UTF_8), "", manager);
		String ann = this.jdbc.sql("select id from clients where email = ?").param(email).query(String.class).single();
		StringBuilder file = new StringBuilder("id,firstName,lastName,email\n");
		file.append(ann).append(",Ann,Moved,").append(this.run).append("-new@example.com\n");
		for (int i = 1; i < 5200; i++) {
			file.append(",Client ").append(i).append(",Moved,").append(this.run + "-moved-" + i + "@example.com\n");
		}
		file.append(",Bob,Moved,").append(email).append('\n');
		JsonNode finished = this.imports.run("moved.csv", bytes(file), "?onError=skip", manager);
		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(finished.get("failed").asInt()).isEqualTo(1);
		assertThat(this.imports.errorReport(finished.get("id").asString(), manager).get(1)).contains("5202",
				"duplicate_in_file", "duplicate of line 2: both rows are for client " + ann);
		assertThat(this.jdbc.sql("select count(*) from clients where email = ?")
			.param(email)
			.query(Integer.class)
			.single()).as("no client has the email Ann gave up").isZero();
	}

	@Test
	void a_running_import_shows_its_progress_on_the_api_in_the_dialog_and_on_the_imports_page() {
		Login manager = this.api.user("progress-" + this.run, "MANAGER");
		String id = this.imports
			.run("progress.csv", TestFiles.newClients(this.run, 3, "Progress"), "?dryRun=true", manager)
			.get("id")
			.asString();
		// as if it were halfway through 10 000 rows, started 20 s ago
		this.jdbc
			.sql("update imports set status = 'PROCESSING', finished_at = null, total_rows = 10000,"
					+ " processed_rows = 5000, started_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(20)), id)
			.update();

		JsonNode view = this.imports.view(id, manager);
		assertThat(view.get("processedRows").asInt()).isEqualTo(5000);
		assertThat(view.get("secondsLeft").asLong()).isBetween(19L, 30L);
		WebSession session = WebSession.logIn(this.api, manager);
		assertThat(session.htmx("/imports/" + id + "/status").body()).contains("<progress", "value=\"5000\"",
				"max=\"10000\"", "5000 of 10000 rows checked · about ", " s left");
		assertThat(session.htmx("/imports").body()).contains("<progress", "value=\"5000\"",
				"5000 of 10000 rows checked");

		this.jdbc.sql("update imports set status = 'SUCCEEDED', finished_at = started_at where id = ?")
			.param(id)
			.update();
		JsonNode ended = this.imports.view(id, manager);
		assertThat(ended.get("secondsLeft").isNull()).isTrue();
		assertThat(session.htmx("/imports/" + id + "/status").body()).doesNotContain("<progress");
	}

	private static byte[] bytes(StringBuilder file) {
		return file.toString().getBytes(StandardCharsets.UTF_8);
	}

}
