package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Poll;
import io.clientdesk.support.TestFiles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's search ({@code q}) follows imports: their clients are found by name and
 * email as soon as the import reads {@code SUCCEEDED} (the search text is written in the
 * import's transaction), and a renamed client is found by its new name, never by its old
 * one. A script that imports a file and then searches for what it sent finds it.
 */
@IntegrationTest
class ImportedClientsSearchIT {

	/**
	 * Enough rows, and enough tries, that a search text written after the import's commit
	 * (as it once was, on a thread of its own) is caught missing.
	 */
	private static final int ROWS = 2000;

	private static final int TRIES = 3;

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	@Test
	void imported_clients_are_found_by_name_and_email_and_renamed_ones_by_their_new_name_only() {
		String file = "firstName,lastName,email\n" + "Quentin,Oldname" + this.run + ",quentin." + this.run
				+ "@example.com\n" + "Rita,Keeps" + this.run + ",rita." + this.run + "@example.com\n";
		JsonNode created = this.imports.run("search.csv", file.getBytes(StandardCharsets.UTF_8), "", Login.ADMIN);
		assertThat(created.get("created").asInt()).isEqualTo(2);

		assertThat(lastNames("oldname" + this.run)).containsExactly("Oldname" + this.run);
		assertThat(lastNames("quentin." + this.run)).containsExactly("Oldname" + this.run);
		assertThat(lastNames(this.run + "@EXAMPLE")).containsExactlyInAnyOrder("Oldname" + this.run,
				"Keeps" + this.run);

		String renamed = "email,lastName\n" + "quentin." + this.run + "@example.com,Newname" + this.run + "\n";
		JsonNode updated = this.imports.run("rename.csv", renamed.getBytes(StandardCharsets.UTF_8), "", Login.ADMIN);
		assertThat(updated.get("updated").asInt()).isEqualTo(1);

		assertThat(lastNames("oldname" + this.run)).isEmpty();
		assertThat(lastNames("newname" + this.run)).containsExactly("Newname" + this.run);
		assertThat(lastNames("keeps" + this.run)).containsExactly("Keeps" + this.run);
	}

	@Test
	void the_last_created_client_is_found_by_q_as_soon_as_its_import_reads_succeeded() {
		for (int attempt = 0; attempt < TRIES; attempt++) {
			String prefix = this.run + "-created" + attempt;
			String id = upload("created.csv", TestFiles.newClients(prefix, ROWS, "Created"));

			awaitSucceeded(id);
			assertThat(total(prefix + "-" + (ROWS - 1) + "@")).as("q finds the last row of try %d", attempt)
				.isEqualTo(1);
			assertThat(total(prefix + "-")).as("q finds every row of try %d", attempt).isEqualTo(ROWS);
		}
	}

	@Test
	void a_renamed_client_is_found_by_its_new_name_as_soon_as_the_import_reads_succeeded() {
		String prefix = this.run + "-renamed";
		String previous = "Before" + this.run;
		this.imports.run("created.csv", TestFiles.newClients(prefix, ROWS, previous), "", Login.ADMIN);
		for (int attempt = 0; attempt < TRIES; attempt++) {
			String name = "Renamed" + this.run + "x" + attempt;
			String id = upload("renamed.csv", renamed(prefix, name));

			awaitSucceeded(id);
			assertThat(total(name + "n" + (ROWS - 1))).as("q finds the last row by its new name, try %d", attempt)
				.isEqualTo(1);
			assertThat(total(name + "n")).as("q finds every row by its new name, try %d", attempt).isEqualTo(ROWS);
			assertThat(total(previous)).as("q finds no row by its old name, try %d", attempt).isZero();
			previous = name;
		}
	}

	/**
	 * The clients {@code prefix-0..} again, each with the last name
	 * {@code name + "n" + i}.
	 */
	private static byte[] renamed(String prefix, String name) {
		StringBuilder csv = new StringBuilder("email,lastName\n");
		for (int i = 0; i < ROWS; i++) {
			csv.append(prefix).append('-').append(i).append("@example.com,").append(name).append('n').append(i);
			csv.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private String upload(String fileName, byte[] content) {
		Api.Response accepted = this.imports.upload(fileName, content, "", Login.ADMIN);
		assertThat(accepted.status()).as("upload: %s", accepted.body()).isEqualTo(202);
		return accepted.json().get("id").asString();
	}

	/**
	 * Asks for the import as a script would, often, and returns as soon as it says so.
	 */
	private void awaitSucceeded(String id) {
		JsonNode ended = Poll.until(Duration.ofSeconds(60), Duration.ofMillis(5),
				() -> this.imports.view(id, Login.ADMIN),
				(view) -> !List.of("QUEUED", "PROCESSING").contains(view.get("status").asString()),
				"import " + id + " to end");
		assertThat(ended.get("status").asString()).as("import %s: %s", id, ended).isEqualTo("SUCCEEDED");
	}

	/** The list's total for {@code q}: exact up to 1 000, so counted in the export. */
	private long total(String q) {
		Api.Response export = this.api.get("/api/clients/export.csv?q=" + q, Login.ADMIN);
		assertThat(export.status()).isEqualTo(200);
		return export.body().lines().count() - 1;
	}

	private List<String> lastNames(String q) {
		Api.Response response = this.api.get("/api/clients?q=" + q, Login.ADMIN);
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("items").valueStream().map((client) -> client.get("lastName").asString()).toList();
	}

}
