package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestClients;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the import does with each row, through HTTP: every row error in the error report
 * with its line, column and code; all or nothing, or the valid rows with
 * {@code onError=skip}; matching by ID then email; empty cells and missing columns leave
 * fields alone; defaults on create.
 */
@IntegrationTest
class ImportRowsIT {

	private static final String HEADER = "id,firstName,lastName,email,project,desk,active,type,created";

	private static final Instant LONG_AGO = Instant.parse("2020-01-02T03:04:05.678Z");

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	TestClients clients;

	final String run = Imports.run();

	@Test
	void reports_every_row_error_with_line_column_and_code_and_writes_nothing() {
		String ann = stored("Ann", "Lee", "ann");
		String bob = stored("Bob", "Lee", "bob");
		String cy = stored("Cy", "Lee", "cy");
		String zed = stored("Zed", "Lee", "zed");
		String file = lines(HEADER,
				// 2: no first name for a new client
				",,Lee," + email("new1") + ",,,,,",
				// 3
				",Dan,Lee,dan.at.example.com,,,,,",
				// 4
				",Dan,Lee," + email("new2") + ",,,maybe,,",
				// 5
				"," + "A".repeat(101) + ",Lee," + email("new3") + ",,,,,",
				// 6: Ann takes Zed's email
				ann + ",,," + email("zed") + ",,,,,",
				// 7, 8: the same new email twice, in another case
				",Eve,One," + email("eve") + ",,,,,", ",Eve,Two," + email("eve").toUpperCase() + ",,,,,",
				// 9, 10: Bob twice by ID
				bob + ",Bobby,,,,,,,", bob + ",Robert,,,,,,,",
				// 11, 12: Cy moves to an email that row 12 creates
				cy + ",,," + email("fay") + ",,,,,", ",Fay,New," + email("fay") + ",,,,,",
				// 13
				"ffffffffffffffffffffffff,Gil,Lee," + email("gil") + ",,,,,",
				// 14, 15
				",Hal,Lee," + email("hal") + ",aaaaaaaaaaaaaaaaaaaaaaaa,,,,",
				",Ivy,Lee," + email("ivy") + ",,bbbbbbbbbbbbbbbbbbbbbbbb,,,",
				// 16
				",Jo,Lee",
				// 17, 18
				",Kai,Lee," + email("kai") + ",,,,Gold,", ",Lu,Lee," + email("lu") + ",,,,,2999-01-01",
				// 19: a valid row; nothing of it is written either
				",Max,Lee," + email("max") + ",,,,,");

		JsonNode finished = this.imports.run("errors.csv", ascii(file), "", Login.ADMIN);

		assertThat(finished.get("status").asString()).isEqualTo("FAILED");
		String id = finished.get("id").asString();
		assertThat(finished.get("errorReport").asString()).isEqualTo("/api/imports/" + id + "/errors.csv");
		assertThat(finished.get("totalRows").asInt()).isEqualTo(18);
		assertThat(finished.get("failed").asInt()).isEqualTo(14);
		assertThat(finished.get("created").asInt()).isZero();
		assertThat(finished.get("updated").asInt()).isZero();
		List<List<String>> report = this.imports.errorReport(id, Login.ADMIN);
		assertThat(report.get(0)).containsExactly("line", "column", "value", "code", "error");
		assertThat(report.subList(1, report.size()))
			.extracting((row) -> row.get(0), (row) -> row.get(1), (row) -> row.get(3))
			.containsExactly(tuple("2", "firstName", "required"), tuple("3", "email", "invalid_email"),
					tuple("4", "active", "invalid_value"), tuple("5", "firstName", "too_long"),
					tuple("6", "email", "email_taken"), tuple("8", "email", "duplicate_in_file"),
					tuple("10", "id", "duplicate_in_file"), tuple("12", "email", "duplicate_in_file"),
					tuple("13", "id", "unknown_id"), tuple("14", "project", "unknown_project"),
					tuple("15", "desk", "unknown_desk"), tuple("16", "", "field_count"),
					tuple("17", "type", "invalid_value"), tuple("18", "created", "invalid_value"));
		assertThat(row(report, "6").get(4)).isEqualTo("email is already used by client " + zed);
		assertThat(row(report, "8").get(4)).contains("duplicate of line 7");
		assertThat(row(report, "10").get(4)).contains("duplicate of line 9");
		assertThat(row(report, "12").get(4)).contains("duplicate of line 11");
		assertThat(row(report, "3").get(2)).isEqualTo("dan.at.example.com");
		assertThat(report).allSatisfy((row) -> assertThat(row).hasSize(5));

		JsonNode mine = this.api.get("/api/clients?size=100&q=" + this.run, Login.ADMIN).json();
		assertThat(mine.get("items")).extracting((client) -> client.get("email").asString())
			.containsExactlyInAnyOrder(email("ann"), email("bob"), email("cy"), email("zed"));
		assertThat(client(ann).get("email").asString()).isEqualTo(email("ann"));
		assertThat(client(bob).get("firstName").asString()).isEqualTo("Bob");
	}

	@Test
	void a_row_repeating_a_client_still_holds_its_email_against_later_rows() {
		String bob = stored("Bob", "Lee", "bob");
		String file = lines(HEADER, bob + ",,," + email("bob1") + ",,,,,", bob + ",,," + email("bob2") + ",,,,,",
				",Ben,Lee," + email("bob2") + ",,,,,");

		JsonNode finished = this.imports.run("repeat.csv", ascii(file), "?onError=skip", Login.ADMIN);

		assertThat(finished.get("updated").asInt()).isEqualTo(1);
		assertThat(finished.get("created").asInt()).isZero();
		List<List<String>> report = this.imports.errorReport(finished.get("id").asString(), Login.ADMIN);
		assertThat(report.subList(1, report.size()))
			.extracting((row) -> row.get(0), (row) -> row.get(1), (row) -> row.get(3))
			.containsExactly(tuple("3", "id", "duplicate_in_file"), tuple("4", "email", "duplicate_in_file"));
		assertThat(row(report, "4").get(4)).isEqualTo("duplicate of line 3: both rows give the email " + email("bob2"));
		assertThat(client(bob).get("email").asString()).isEqualTo(email("bob1"));
	}

	@Test
	void imports_the_valid_rows_and_reports_the_others_when_asked_to_skip_errors() {
		String file = lines("firstName,email,active", "Ann," + email("ann") + ",yes",
				"Bob," + email("bob") + ",perhaps", "Cy," + email("cy") + ",no");

		JsonNode finished = this.imports.run("skip.csv", ascii(file), "?onError=skip", Login.ADMIN);

		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(finished.get("onError").asString()).isEqualTo("skip");
		assertThat(finished.get("created").asInt()).isEqualTo(2);
		assertThat(finished.get("failed").asInt()).isEqualTo(1);
		assertThat(this.imports.errorReport(finished.get("id").asString(), Login.ADMIN)).hasSize(2)
			.last()
			.satisfies((row) -> assertThat(row).startsWith("3", "active", "perhaps", "invalid_value"));
		JsonNode mine = this.api.get("/api/clients?q=" + this.run, Login.ADMIN).json();
		assertThat(mine.get("items")).extracting((client) -> client.get("email").asString())
			.containsExactlyInAnyOrder(email("ann"), email("cy"));
	}

	@Test
	void updates_by_id_or_email_only_the_cells_filled_in_and_counts_rows_that_change_nothing() {
		String ann = stored("Ann", "Lee", "ann");
		String bob = stored("Bob", "Lee", "bob");
		String cy = stored("Cy", "Lee", "cy");
		String dee = stored("Dee", "Doe", "dee");
		JsonNode annBefore = client(ann);
		String file = lines("id,email,lastName,active",
				// Ann by her email in another case: a new last name
				"," + email("ann").toUpperCase() + ",Smith,",
				// Bob by ID: a new email
				bob + "," + email("robert") + ",,",
				// Cy: only empty cells
				"," + email("cy") + ",,",
				// Dee: the values she has
				dee + "," + email("dee") + ",Doe,false");

		JsonNode finished = this.imports.run("update.csv", ascii(file), "", Login.ADMIN);

		assertThat(finished.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("created").asInt()).isZero();
		assertThat(finished.get("updated").asInt()).isEqualTo(2);
		assertThat(finished.get("unchanged").asInt()).isEqualTo(2);
		JsonNode annAfter = client(ann);
		assertThat(annAfter.get("lastName").asString()).isEqualTo("Smith");
		for (String field : List.of("firstName", "email", "project", "desk", "active", "type", "created")) {
			assertThat(annAfter.get(field)).as(field).isEqualTo(annBefore.get(field));
		}
		assertThat(client(bob).get("email").asString()).isEqualTo(email("robert"));
		assertThat(client(bob).get("lastName").asString()).isEqualTo("Lee");
		assertThat(client(cy).get("lastName").asString()).isEqualTo("Lee");

		JsonNode changes = this.api.get("/api/imports/" + finished.get("id").asString() + "/changes", Login.ADMIN)
			.json();
		assertThat(changes.get("total").asLong()).isEqualTo(2);
		List<JsonNode> items = new ArrayList<>();
		changes.get("items").forEach(items::add);
		assertThat(items).extracting((item) -> item.get("client").asString()).containsExactlyInAnyOrder(ann, bob);
		assertThat(items).allSatisfy((item) -> assertThat(item.get("action").asString()).isEqualTo("UPDATED"));
		JsonNode annChange = items.stream()
			.filter((item) -> item.get("client").asString().equals(ann))
			.findFirst()
			.orElseThrow();
		assertThat(annChange.get("before").toString()).isEqualTo("{\"lastName\":\"Lee\"}");
		assertThat(annChange.get("after").toString()).isEqualTo("{\"lastName\":\"Smith\"}");
		JsonNode bobChange = items.stream()
			.filter((item) -> item.get("client").asString().equals(bob))
			.findFirst()
			.orElseThrow();
		assertThat(bobChange.get("before").toString()).isEqualTo("{\"email\":\"" + email("bob") + "\"}");
		assertThat(bobChange.get("after").toString()).isEqualTo("{\"email\":\"" + email("robert") + "\"}");
	}

	@Test
	void gives_new_clients_the_import_defaults_and_the_time_of_the_import() {
		JsonNode defaults = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		String project = this.api.newProject("Project " + this.run);
		String desk = this.api.newDesk("Desk " + this.run);
		String file = lines("firstName,lastName,email,project,desk,active,type,created",
				"Ann,,  " + email("Ann").toUpperCase() + "  ,,,,,",
				"Bob,Lee," + email("bob") + "," + project + "," + desk + ",no,CORPORATE,2024-06-13",
				"Cy,Lee," + email("cy") + ",,,,,2024-06-13T17:06:02.5+02:00");

		JsonNode finished = this.imports.run("new.csv", ascii(file), "", Login.ADMIN);

		assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("created").asInt()).isEqualTo(3);
		JsonNode ann = clientByEmail(email("ann"));
		assertThat(ann.get("id").asString()).matches("[0-9a-f]{24}");
		assertThat(ann.get("lastName").asString()).isEmpty();
		assertThat(ann.get("project").asString()).isEqualTo(defaults.get("project").asString());
		assertThat(ann.get("desk").asString()).isEqualTo(defaults.get("desk").asString());
		assertThat(ann.get("active").asBoolean()).isEqualTo(defaults.get("active").asBoolean());
		assertThat(ann.get("type").asString()).isEqualTo(defaults.get("type").asString());
		Instant created = Instant.parse(ann.get("created").asString());
		assertThat(created).isBetween(Instant.parse(finished.get("startedAt").asString()).minusMillis(1),
				Instant.parse(finished.get("finishedAt").asString()));
		JsonNode bob = clientByEmail(email("bob"));
		assertThat(bob.get("project").asString()).isEqualTo(project);
		assertThat(bob.get("desk").asString()).isEqualTo(desk);
		assertThat(bob.get("active").asBoolean()).isFalse();
		assertThat(bob.get("type").asString()).isEqualTo("Corporate");
		assertThat(bob.get("created").asString()).isEqualTo("2024-06-13T00:00:00.000Z");
		assertThat(clientByEmail(email("cy")).get("created").asString()).isEqualTo("2024-06-13T15:06:02.500Z");
	}

	@Test
	void a_row_that_puts_a_client_in_an_archived_desk_or_project_is_refused_naming_it() {
		String desk = this.api.newDesk("Retail " + this.run);
		String project = this.api.newProject("Winding down " + this.run);
		String mover = stored("Mo", "Lee", "mo");
		assertThat(this.api.patch("/api/desks/" + desk, "{\"archived\":true}", Login.ADMIN).status()).isEqualTo(200);
		assertThat(this.api.patch("/api/projects/" + project, "{\"archived\":true}", Login.ADMIN).status())
			.isEqualTo(200);
		String file = lines(HEADER,
				// 2: a new client in the archived desk
				",Ann,Lee," + email("ann") + ",," + desk + ",,,",
				// 3: a new client in the archived project
				",Bob,Lee," + email("bob") + "," + project + ",,,,",
				// 4: a stored client moved into the archived desk
				mover + ",,,," + "," + desk + ",,,",
				// 5: a valid row
				",Cy,Lee," + email("cy") + ",,,,,");

		JsonNode finished = this.imports.run("archived.csv", ascii(file), "?onError=skip", Login.ADMIN);

		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(finished.get("failed").asInt()).isEqualTo(3);
		assertThat(finished.get("created").asInt()).isEqualTo(1);
		List<List<String>> report = this.imports.errorReport(finished.get("id").asString(), Login.ADMIN);
		assertThat(report.subList(1, report.size()))
			.extracting((row) -> row.get(0), (row) -> row.get(1), (row) -> row.get(2), (row) -> row.get(3))
			.containsExactly(tuple("2", "desk", desk, "archived_desk"),
					tuple("3", "project", project, "archived_project"), tuple("4", "desk", desk, "archived_desk"));
		assertThat(row(report, "2").get(4)).isEqualTo("desk 'Retail " + this.run + "' (id " + desk + ") is archived");
		assertThat(row(report, "3").get(4))
			.isEqualTo("project 'Winding down " + this.run + "' (id " + project + ") is archived");
		assertThat(client(mover).get("desk").asString()).isEqualTo(this.clients.defaultDesk());
		assertThat(this.api.get("/api/clients?size=100&q=" + this.run, Login.ADMIN).json().get("items"))
			.extracting((client) -> client.get("email").asString())
			.containsExactlyInAnyOrder(email("mo"), email("cy"));
	}

	@Test
	void a_client_already_in_an_archived_desk_can_still_be_updated_and_keeps_its_desk() {
		String desk = this.api.newDesk("Closed " + this.run);
		String project = this.api.newProject("Closed " + this.run);
		String kept = this.clients.insert("Kim", "Lee", email("kim"), project, desk, true, "Personal", LONG_AGO);
		String byEmail = this.clients.insert("Lou", "Lee", email("lou"), project, desk, true, "Personal", LONG_AGO);
		this.api.patch("/api/desks/" + desk, "{\"archived\":true}", Login.ADMIN);
		this.api.patch("/api/projects/" + project, "{\"archived\":true}", Login.ADMIN);
		String file = lines(HEADER,
				// by ID, naming the desk and project it is in already
				kept + ",Kimberly,,," + project + "," + desk + ",,Corporate,",
				// by email, leaving them out
				",Louise,," + email("lou") + ",,,,,");

		JsonNode finished = this.imports.run("archived-updates.csv", ascii(file), "", Login.ADMIN);

		assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("updated").asInt()).isEqualTo(2);
		JsonNode kim = client(kept);
		assertThat(kim.get("firstName").asString()).isEqualTo("Kimberly");
		assertThat(kim.get("type").asString()).isEqualTo("Corporate");
		assertThat(kim.get("desk").asString()).isEqualTo(desk);
		assertThat(kim.get("project").asString()).isEqualTo(project);
		assertThat(client(byEmail).get("firstName").asString()).isEqualTo("Louise");
		assertThat(client(byEmail).get("desk").asString()).isEqualTo(desk);
	}

	@Test
	void a_client_type_added_by_an_admin_is_accepted_by_the_next_import() {
		try {
			assertThat(
					this.api.put("/api/settings/client-types", "[\"Personal\",\"Corporate\",\"Partner\"]", Login.ADMIN)
						.status())
				.isEqualTo(200);
			JsonNode finished = this.imports.run("partner.csv",
					ascii(lines(HEADER, ",Pat,Lee," + email("pat") + ",,,,PARTNER,")), "", Login.ADMIN);
			assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
			assertThat(clientByEmail(email("pat")).get("type").asString()).isEqualTo("Partner");
		}
		finally {
			this.api.put("/api/settings/client-types", "[\"Personal\",\"Corporate\"]", Login.ADMIN);
		}
		JsonNode refused = this.imports.run("partner-again.csv",
				ascii(lines(HEADER, ",Pia,Lee," + email("pia") + ",,,,Partner,")), "", Login.ADMIN);
		assertThat(refused.get("status").asString()).isEqualTo("FAILED");
		// a client keeps a type that was removed from the list
		assertThat(clientByEmail(email("pat")).get("type").asString()).isEqualTo("Partner");
	}

	private String stored(String firstName, String lastName, String name) {
		return this.clients.insert(firstName, lastName, email(name), this.clients.defaultProject(),
				this.clients.defaultDesk(), !"dee".equals(name), "Personal", LONG_AGO);
	}

	private String email(String name) {
		return name.toLowerCase() + "." + this.run + "@example.com";
	}

	private JsonNode client(String id) {
		return this.api.client(id, Login.ADMIN);
	}

	private JsonNode clientByEmail(String email) {
		return this.api.onlyClient(email, Login.ADMIN);
	}

	private static List<String> row(List<List<String>> report, String line) {
		return report.stream().filter((row) -> row.get(0).equals(line)).findFirst().orElseThrow();
	}

	static String lines(String... lines) {
		return String.join("\r\n", lines) + "\r\n";
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
