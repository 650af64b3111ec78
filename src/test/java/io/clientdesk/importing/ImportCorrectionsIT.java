package io.clientdesk.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correcting the rows with errors of an import through the API ({@code POST
 * /api/imports/{id}/corrections}): only the corrected or dropped rows are sent, the
 * server keeps the file's other rows, and the corrected file is stored with a new import,
 * checked as an upload is.
 */
@IntegrationTest
class ImportCorrectionsIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	@Test
	void correcting_one_bad_cell_of_a_three_row_file_imports_the_corrected_file() {
		Login manager = this.api.user("cora" + this.run, "MANAGER");
		String file = lines("firstName,lastName,email", "Ann,Lee," + email("ann"), "Bob,Lee,bob.at.example.com",
				"Cy,Lee," + email("cy"));
		JsonNode failed = this.imports.run("three-" + this.run + ".csv", utf8(file), "", manager);
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("correctedFrom").isNull()).isTrue();
		String failedId = failed.get("id").asString();

		Api.Response accepted = correct(failedId,
				"{\"rows\": [{\"line\": 3, \"values\": {\"email\": \"" + email("bob") + "\"}}]}", manager);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String id = accepted.json().get("id").asString();
		assertThat(accepted.headers().firstValue("Location")).hasValue("/api/imports/" + id);
		assertThat(accepted.json().get("correctedFrom").asString()).isEqualTo(failedId);
		assertThat(accepted.json().get("fileName").asString()).isEqualTo("three-" + this.run + ".csv");

		JsonNode corrected = this.imports.awaitEnd(id, manager);
		assertThat(corrected.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(corrected.get("created").asInt()).isEqualTo(3);
		assertThat(corrected.get("correctedFrom").asString()).isEqualTo(failedId);
		assertThat(storedFile(id, manager)).isEqualTo(lines("firstName,lastName,email", "Ann,Lee," + email("ann"),
				"Bob,Lee," + email("bob"), "Cy,Lee," + email("cy")));
		assertThat(this.api.onlyClient(email("bob"), manager).get("firstName").asString()).isEqualTo("Bob");
		// the failed import and its file stay as they were
		assertThat(this.imports.view(failedId, manager).get("status").asString()).isEqualTo("FAILED");
		assertThat(storedFile(failedId, manager)).isEqualTo(file);
	}

	@Test
	void a_dropped_row_is_left_out_and_the_other_rows_keep_their_lines() {
		Login manager = this.api.user("dora" + this.run, "MANAGER");
		JsonNode failed = this.imports.run("drop-" + this.run + ".csv", utf8(lines("firstName,lastName,email",
				"Ann,Lee," + email("ann"), "Bob,Lee,", "Cy,Lee,cy-at-example", "Di,Lee," + email("di"))), "", manager);
		assertThat(failed.get("failed").asInt()).isEqualTo(2);

		Api.Response accepted = correct(failed.get("id").asString(),
				"{\"rows\": [{\"line\": 3, \"drop\": true}, {\"line\": 4, \"values\": {\"email\": \"" + email("cy")
						+ "\"}}]}",
				manager);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String id = accepted.json().get("id").asString();
		assertThat(accepted.json().get("totalRows").asInt()).isEqualTo(3);
		JsonNode corrected = this.imports.awaitEnd(id, manager);
		assertThat(corrected.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(corrected.get("created").asInt()).isEqualTo(3);
		assertThat(storedFile(id, manager)).isEqualTo(lines("firstName,lastName,email", "Ann,Lee," + email("ann"), "",
				"Cy,Lee," + email("cy"), "Di,Lee," + email("di")));
		assertThat(this.api.get("/api/clients?q=" + email("bob"), manager).json().get("total").asInt()).isZero();
	}

	@Test
	void a_correction_that_is_still_wrong_gives_the_row_error_again_with_its_line_and_can_be_corrected_again() {
		Login manager = this.api.user("eda" + this.run, "MANAGER");
		JsonNode check = this.imports.run(
				"again-" + this.run + ".csv", utf8(lines("firstName,lastName,email,active",
						"Ann,Lee," + email("ann") + ",yes", "Bob,Lee," + email("bob") + ",maybe")),
				"?dryRun=true", manager);
		assertThat(check.get("status").asString()).isEqualTo("FAILED");

		Api.Response stillWrong = correct(check.get("id").asString(),
				"{\"rows\": [{\"line\": 3, \"values\": {\"active\": \"perhaps\"}}], \"dryRun\": true}", manager);
		assertThat(stillWrong.status()).as(stillWrong.body()).isEqualTo(202);
		assertThat(stillWrong.json().get("dryRun").asBoolean()).isTrue();
		String secondCheck = stillWrong.json().get("id").asString();
		assertThat(this.imports.awaitEnd(secondCheck, manager).get("status").asString()).isEqualTo("FAILED");
		List<List<String>> report = this.imports.errorReport(secondCheck, manager);
		assertThat(report).hasSize(2);
		assertThat(report.get(1)).containsSubsequence("3", "active", "perhaps", "invalid_value");

		// the check of the correction is corrected in turn, then imported for real
		Api.Response right = correct(secondCheck,
				"{\"rows\": [{\"line\": 3, \"values\": {\"Active\": \"no\"}}], \"dryRun\": true}", manager);
		assertThat(right.status()).as(right.body()).isEqualTo(202);
		String thirdCheck = right.json().get("id").asString();
		assertThat(right.json().get("correctedFrom").asString()).isEqualTo(secondCheck);
		assertThat(this.imports.awaitEnd(thirdCheck, manager).get("status").asString()).isEqualTo("SUCCEEDED");
		Api.Response committed = this.api.post("/api/imports/" + thirdCheck + "/commit", "", manager);
		assertThat(committed.status()).as(committed.body()).isEqualTo(202);
		JsonNode imported = this.imports.awaitEnd(committed.json().get("id").asString(), manager);
		assertThat(imported.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(imported.get("created").asInt()).isEqualTo(2);
		assertThat(this.api.onlyClient(email("bob"), manager).get("active").asBoolean()).isFalse();
	}

	@Test
	void a_correction_introducing_a_formula_is_refused_as_an_upload_would_be_and_nothing_is_stored() {
		Login manager = this.api.user("fred" + this.run, "MANAGER");
		JsonNode failed = this.imports.run("formula-" + this.run + ".csv",
				utf8(lines("firstName,lastName,email", "Ann,Lee,ann-at-example")), "", manager);
		List<String> before = this.imports.listedIds(manager);

		Api.Response refused = correct(failed.get("id").asString(),
				"{\"rows\": [{\"line\": 2, \"values\": {\"email\": \"" + email("ann")
						+ "\", \"firstName\": \"=HYPERLINK(\\\"http://x\\\")\"}}]}",
				manager);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("title").asString()).isEqualTo("File rejected");
		JsonNode problem = refused.json().get("errors").get(0);
		assertThat(problem.get("line").asInt()).isEqualTo(2);
		assertThat(problem.get("column").asString()).isEqualTo("firstName");
		assertThat(this.imports.listedIds(manager)).isEqualTo(before);
	}

	@Test
	void the_corrected_file_keeps_the_delimiter_the_header_names_and_the_lines_of_the_original() {
		Login manager = this.api.user("gus" + this.run, "MANAGER");
		String file = lines("First Name;Last Name;E-mail;Active", "Zoë;\"Line one", "line two\";" + email("zoe") + ";1",
				"Ugo;Ray;ugo-at-example;yes", "Ola;Ray;" + email("ola") + ";maybe");
		Charset windows1252 = Charset.forName("windows-1252");
		JsonNode failed = this.imports.run("partner-" + this.run + ".csv", file.getBytes(windows1252), "", manager);
		assertThat(this.imports.errorReport(failed.get("id").asString(), manager)).extracting((row) -> row.get(0))
			.containsExactly("line", "2", "4", "5");

		Api.Response accepted = correct(failed.get("id").asString(),
				"{\"rows\": [{\"line\": 4, \"values\": {\"email\": \"" + email("ugo") + "\", \"firstName\": \"Uğo\"}}],"
						+ " \"dryRun\": true}",
				manager);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String id = accepted.json().get("id").asString();
		assertThat(this.imports.awaitEnd(id, manager).get("status").asString()).isEqualTo("FAILED");
		// the rows left wrong are reported on the same lines as before, also after a
		// record of two lines
		assertThat(this.imports.errorReport(id, manager)).extracting((row) -> row.get(0))
			.containsExactly("line", "2", "5");
		// in UTF-8 now (with a BOM, as spreadsheets want), so that any correction fits
		assertThat(storedFile(id, manager)).isEqualTo("\uFEFF"
				+ lines("First Name;Last Name;E-mail;Active", "Zoë;\"Line one", "line two\";" + email("zoe") + ";1",
						"Uğo;Ray;" + email("ugo") + ";yes", "Ola;Ray;" + email("ola") + ";maybe"));
	}

	@Test
	void corrections_that_name_no_row_or_no_column_of_the_file_are_refused_naming_each() {
		Login manager = this.api.user("hal" + this.run, "MANAGER");
		String id = this.imports
			.run("names-" + this.run + ".csv", utf8(lines("firstName,email", "Ann,ann-at-example")), "", manager)
			.get("id")
			.asString();

		Api.Response wrong = correct(id,
				"{\"rows\": [{\"line\": 2, \"values\": {\"phone\": \"123\"}}, {\"line\": 7, \"drop\": true}]}",
				manager);
		assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
		assertThat(wrong.json().get("errors").toString()).contains("the file has no column 'phone'")
			.contains("line 7 starts no row of the file");

		Api.Response unclear = correct(id,
				"{\"rows\": [{\"line\": 2, \"drop\": true, \"values\": {\"email\": \"x\"}}, {\"line\": 2, \"drop\": true}]}",
				manager);
		assertThat(unclear.status()).as(unclear.body()).isEqualTo(422);
		assertThat(unclear.json().get("errors").toString()).contains("give either values")
			.contains("line 2 is corrected twice");

		Api.Response none = correct(id, "{\"rows\": []}", manager);
		assertThat(none.status()).isEqualTo(422);
		assertThat(none.json().get("detail").asString()).contains("correct or drop at least one row");
	}

	@Test
	void only_an_import_with_rows_in_error_can_be_corrected_and_only_by_its_owner_or_an_admin() {
		Login owner = this.api.user("ida" + this.run, "MANAGER");
		Login other = this.api.user("jan" + this.run, "MANAGER");
		String clean = this.imports
			.run("clean-" + this.run + ".csv", utf8(lines("firstName,lastName,email", "Ann,Lee," + email("ann"))), "",
					owner)
			.get("id")
			.asString();
		Api.Response conflict = correct(clean, "{\"rows\": [{\"line\": 2, \"drop\": true}]}", owner);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.json().get("detail").asString()).contains("has none");

		String failed = this.imports
			.run("owned-" + this.run + ".csv", utf8(lines("firstName,email", "Bob,bob-at-example")), "", owner)
			.get("id")
			.asString();
		assertThat(correct(failed, "{\"rows\": [{\"line\": 2, \"drop\": true}]}", other).status()).isEqualTo(404);
		assertThat(this.api.get("/api/imports/" + failed + "/file", other).status()).isEqualTo(404);
	}

	@Test
	void a_file_read_through_an_import_profile_is_corrected_by_its_own_headers_and_read_again_through_it() {
		Login manager = this.api.user("pria" + this.run, "MANAGER");
		String profile = "Partner " + this.run;
		Api.Response saved = this.api.post("/api/import-profiles", """
				{"name": "%s", "columns": {"Kundennummer": null, "Vorname": "firstName", "E-Mail": "email",
				 "Aktiv": "active"}, "values": {"active": {"J": "true", "N": "false"}}}""".formatted(profile), manager);
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		String file = lines("Kundennummer;Vorname;E-Mail;Aktiv", "K-1;Jonas;" + email("jonas") + ";J",
				"K-2;Lea;lea-at-example;N", "K-3;Ola;ola-at-example;J");
		JsonNode failed = this.imports.run("partner-" + this.run + ".csv", utf8(file),
				"?profile=" + profile.replace(" ", "%20"), manager);
		assertThat(failed.get("failed").asInt()).isEqualTo(2);

		// the file's own header (E-Mail) or the field (email) name the column
		Api.Response accepted = correct(failed.get("id").asString(),
				"{\"rows\": [{\"line\": 3, \"values\": {\"E-Mail\": \"" + email("lea")
						+ "\"}}, {\"line\": 4, \"values\": {\"email\": \"" + email("ola") + "\"}}]}",
				manager);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		JsonNode corrected = this.imports.awaitEnd(accepted.json().get("id").asString(), manager);

		assertThat(corrected.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(corrected.get("created").asInt()).isEqualTo(3);
		assertThat(corrected.get("profile").asString()).isEqualTo(profile);
		assertThat(storedFile(corrected.get("id").asString(), manager))
			.isEqualTo(lines("Kundennummer;Vorname;E-Mail;Aktiv", "K-1;Jonas;" + email("jonas") + ";J",
					"K-2;Lea;" + email("lea") + ";N", "K-3;Ola;" + email("ola") + ";J"));
		assertThat(this.api.onlyClient(email("lea"), manager).get("active").asBoolean()).isFalse();
	}

	private Api.Response correct(String id, String json, Login login) {
		return this.api.post("/api/imports/" + id + "/corrections", json, login);
	}

	private String storedFile(String id, Login login) {
		Api.Response response = this.api.get("/api/imports/" + id + "/file", login);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/csv");
		return response.body();
	}

	private String email(String name) {
		return name + "." + this.run + "@example.com";
	}

	private static String lines(String... lines) {
		return String.join("\r\n", lines) + "\r\n";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
