package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.client.ClientsWritten;
import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's search ({@code q}) follows imports: their clients are found by name and
 * email once the import has ended (the search text is written just after it commits), and
 * a renamed client is found by its new name, never by its old one.
 */
@IntegrationTest
class ImportedClientsSearchIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	JdbcClient jdbc;

	final String run = Imports.run();

	@Test
	void imported_clients_are_found_by_name_and_email_and_renamed_ones_by_their_new_name_only() {
		String file = "firstName,lastName,email\n" + "Quentin,Oldname" + this.run + ",quentin." + this.run
				+ "@example.com\n" + "Rita,Keeps" + this.run + ",rita." + this.run + "@example.com\n";
		// not waiting for the search text: the test waits as a user would
		Imports overHttp = this.imports.overHttpOnly();
		JsonNode created = overHttp.run("search.csv", file.getBytes(StandardCharsets.UTF_8), "", Login.ADMIN);
		assertThat(created.get("created").asInt()).isEqualTo(2);

		this.api.awaitSearch("oldname" + this.run, 1, Login.ADMIN);
		assertThat(lastNames("quentin." + this.run)).containsExactly("Oldname" + this.run);
		assertThat(lastNames(this.run + "@EXAMPLE")).containsExactlyInAnyOrder("Oldname" + this.run,
				"Keeps" + this.run);

		String renamed = "email,lastName\n" + "quentin." + this.run + "@example.com,Newname" + this.run + "\n";
		JsonNode updated = overHttp.run("rename.csv", renamed.getBytes(StandardCharsets.UTF_8), "", Login.ADMIN);
		assertThat(updated.get("updated").asInt()).isEqualTo(1);

		// the old name stops matching at once (the list checks the client itself); the
		// new
		// one matches once the search text is written
		assertThat(lastNames("oldname" + this.run)).isEmpty();
		this.api.awaitSearch("newname" + this.run, 1, Login.ADMIN);
		assertThat(lastNames("newname" + this.run)).containsExactly("Newname" + this.run);
		assertThat(lastNames("keeps" + this.run)).containsExactly("Keeps" + this.run);
	}

	@Test
	void the_event_that_hands_an_import_to_the_search_is_deleted_once_handled() {
		String file = "firstName,lastName,email\n" + "Paula,Events,paula." + this.run + "@example.com\n";
		JsonNode created = this.imports.run("events.csv", file.getBytes(StandardCharsets.UTF_8), "", Login.ADMIN);
		assertThat(created.get("created").asInt()).isEqualTo(1);

		// each carries up to 5 000 IDs: kept, they would grow the table by that much per
		// import
		assertThat(this.jdbc.sql("select count(*) from event_publication where event_type = ?")
			.param(ClientsWritten.class.getName())
			.query(Long.class)
			.single()).isZero();
		assertThat(lastNames(this.run)).containsExactly("Events");
	}

	private List<String> lastNames(String q) {
		Api.Response response = this.api.get("/api/clients?q=" + q, Login.ADMIN);
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("items").valueStream().map((client) -> client.get("lastName").asString()).toList();
	}

}
