package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestDatabase;
import io.clientdesk.support.TestFiles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Whole files rejected at upload, through HTTP: the status says why (415 not a CSV, 413
 * too large, 422 anything else), the problem document names each problem with its line
 * and column, and nothing is stored. And the largest file allowed goes through.
 */
@IntegrationTest
class ImportUploadIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	static Stream<Arguments> notCsv() {
		byte[] workbook = TestFiles.bytes("excel-workbook-renamed.csv");
		return Stream.of(Arguments.of("workbook.xlsx", workbook, "ZIP"),
				Arguments.of("workbook-renamed.csv", workbook, "ZIP"),
				Arguments.of("statement.csv", ascii("%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"), "PDF"),
				Arguments.of("setup.csv", TestFiles.ofBytes(0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00),
						"Windows executable"),
				Arguments.of("clients.csv", ascii("#!/bin/sh\nrm -rf /\n"), "script"),
				Arguments.of("clients.txt", ascii("firstName,email\nAnn,ann@example.com\n"), ".csv"));
	}

	@ParameterizedTest(name = "{0} ({2})")
	@MethodSource("notCsv")
	void rejects_a_file_that_is_not_csv_text_with_415_and_stores_nothing(String fileName, byte[] content,
			String named) {
		String uniqueName = Imports.run() + "-" + fileName;
		Api.Response response = this.imports.upload(uniqueName, content, "", Login.ADMIN);

		assertThat(response.status()).isEqualTo(415);
		assertProblem(response, 415);
		assertThat(messages(response)).anySatisfy((message) -> assertThat(message).contains(named));
		assertNothingStored(uniqueName);
	}

	@Test
	void rejects_a_file_with_5001_records_with_413_giving_count_and_limit() {
		String run = Imports.run();
		String name = run + ".csv";
		Api.Response response = this.imports.upload(name, records(run, 5001), "", Login.ADMIN);

		assertThat(response.status()).isEqualTo(413);
		assertProblem(response, 413);
		assertThat(messages(response)).anySatisfy((message) -> assertThat(message).contains("5001").contains("5000"));
		assertNothingStored(name);
	}

	@Test
	void rejects_a_file_larger_than_10_mib_with_413_giving_the_limit() {
		String name = Imports.run() + ".csv";
		StringBuilder text = new StringBuilder("firstName,lastName,email\n");
		String padding = "x".repeat(2100);
		for (int i = 0; text.length() <= 10 * 1024 * 1024; i++) {
			text.append("Ann,").append(padding).append(",ann").append(i).append("@example.com\n");
		}
		Api.Response response = this.imports.upload(name, ascii(text.toString()), "", Login.ADMIN);

		assertThat(response.status()).isEqualTo(413);
		assertProblem(response, 413);
		assertThat(messages(response)).anySatisfy((message) -> assertThat(message).contains("10 MiB"));
		assertNothingStored(name);
	}

	@Test
	void rejects_an_on_error_other_than_fail_or_skip_with_400_naming_it_and_stores_nothing() {
		String run = Imports.run();
		String name = run + ".csv";
		Api.Response response = this.imports.upload(name, records(run, 1), "?onError=maybe", Login.ADMIN);

		assertThat(response.status()).isEqualTo(400);
		assertProblem(response, 400);
		assertThat(response.json().get("detail").asString()).contains("onError");
		assertThat(response.json().get("errors").get(0).get("column").asString()).isEqualTo("onError");
		assertThat(messages(response)).containsExactly("'maybe' is not fail or skip");
		assertNothingStored(name);
	}

	@Test
	void rejects_a_file_name_longer_than_255_characters_with_422_naming_the_limit_and_stores_nothing() {
		String run = Imports.run();
		String name = run + "-" + "n".repeat(300 - run.length() - 5) + ".csv";
		Api.Response response = this.imports.upload(name, records(run, 1), "", Login.ADMIN);

		assertThat(response.status()).isEqualTo(422);
		assertProblem(response, 422);
		assertThat(response.json().get("detail").asString()).contains("file name");
		assertThat(messages(response)).singleElement()
			.satisfies((message) -> assertThat(message).contains("file name", "300 characters", "limit of 255")
				.doesNotContain(name));
		assertNothingStored(name);
	}

	@Test
	void accepts_a_file_name_of_255_characters() {
		String run = Imports.run();
		String name = run + "-" + "n".repeat(255 - run.length() - 5) + ".csv";

		JsonNode finished = this.imports.run(name, records(run, 1), "?dryRun=true", Login.ADMIN);

		assertThat(finished.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("fileName").asString()).isEqualTo(name);
	}

	static Stream<Arguments> invisibleInNames() {
		return Stream.of(Arguments.of("report\u202Eslx.csv", "U+202E", "RIGHT-TO-LEFT OVERRIDE"),
				Arguments.of("clients\u2066.csv", "U+2066", "LEFT-TO-RIGHT ISOLATE"),
				Arguments.of("clients\u200B.csv", "U+200B", "ZERO WIDTH SPACE"),
				Arguments.of("clients\u0007.csv", "U+0007", "BEL"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("invisibleInNames")
	void rejects_a_file_name_with_a_control_or_formatting_character_with_422_naming_it_and_stores_nothing(
			String fileName, String code, String characterName) {
		String name = Imports.run() + "-" + fileName;
		Api.Response response = this.imports.upload(name, records(Imports.run(), 1), "", Login.ADMIN);

		assertThat(response.status()).isEqualTo(422);
		assertProblem(response, 422);
		assertThat(messages(response)).singleElement()
			.satisfies(
					(message) -> assertThat(message).contains("file name", code, characterName).doesNotContain(name));
		assertNothingStored(name);
	}

	static Stream<Arguments> invalid() {
		return Stream.of(Arguments.of("no records", TestFiles.bytes("header-only.csv"), List.of(tuple(1, null))),
				Arguments.of("unknown and duplicated columns", TestFiles.bytes("bad-header.csv"),
						List.of(tuple(1, "Phone"), tuple(1, "email"), tuple(1, "firstName"))),
				Arguments.of("neither id nor email column", ascii("firstName,lastName\nAnn,Lee\n"),
						List.of(tuple(1, null))),
				Arguments.of("a quote never closed", TestFiles.bytes("unclosed-quote.csv"), List.of(tuple(3, "email"))),
				Arguments.of("formulas, markup and script URLs", TestFiles.bytes("dangerous-cells.csv"),
						List.of(tuple(2, "lastName"), tuple(3, "lastName"), tuple(4, "lastName"), tuple(5, "lastName"),
								tuple(6, "lastName"), tuple(7, "email"), tuple(8, "lastName"), tuple(9, "lastName"))),
				Arguments.of("a lone surrogate in UTF-16, never replaced",
						TestFiles.concat(TestFiles.ofBytes(0xFF, 0xFE), utf16("firstName,lastName,email\nAnn,A"),
								TestFiles.ofBytes(0x00, 0xD8), utf16("B,ann@example.com\n")),
						List.of(tuple(2, null))),
				Arguments.of("a byte that is neither UTF-8 nor Windows-1252",
						TestFiles.concat(ascii("firstName,lastName,email\nAnn,Lee,ann@example.com\nBob,M"),
								TestFiles.ofBytes(0x81), ascii("ller,bob@example.com\n")),
						List.of(tuple(3, null))),
				Arguments.of("a formula behind a quoted line break", ascii(
						"firstName,lastName,email\nAnn,\"\n=HYPERLINK(\"\"http://x.example\"\")\",a@example.com\n"),
						List.of(tuple(2, "lastName"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void rejects_a_csv_that_cannot_be_imported_with_422_naming_line_and_column_of_each_problem(String why,
			byte[] content, List<Tuple> expected) {
		String name = Imports.run() + ".csv";
		Api.Response response = this.imports.upload(name, content, "", Login.ADMIN);

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertProblem(response, 422);
		List<JsonNode> errors = new ArrayList<>();
		response.json().get("errors").forEach(errors::add);
		assertThat(errors)
			.extracting((error) -> error.has("line") ? error.get("line").asInt() : null,
					(error) -> error.has("column") ? error.get("column").asString() : null)
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(errors).allSatisfy((error) -> assertThat(error.get("message").asString()).isNotBlank());
		assertNothingStored(name);
	}

	@Test
	void a_dry_run_of_a_rejected_file_is_rejected_as_well() {
		String name = Imports.run() + ".csv";
		Api.Response response = this.imports.upload(name, TestFiles.bytes("dangerous-cells.csv"), "?dryRun=true",
				Login.ADMIN);

		assertThat(response.status()).isEqualTo(422);
		assertNothingStored(name);
	}

	@Test
	void imports_a_file_with_5000_records_and_the_clients_can_be_found() {
		String run = Imports.run();
		JsonNode finished = this.imports.run(run + ".csv", records(run, 5000), "", Login.ADMIN);

		assertThat(finished.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("totalRows").asInt()).isEqualTo(5000);
		assertThat(finished.get("created").asInt()).isEqualTo(5000);
		assertThat(finished.get("failed").asInt()).isZero();
		assertThat(finished.get("errorReport").isNull()).isTrue();
		// above 1 000 matches the list's total may be an estimate: count through the
		// export
		String export = this.api.get("/api/clients/export.csv?q=" + run, Login.ADMIN).body();
		assertThat(export.lines().count() - 1).isEqualTo(5000);
		JsonNode page = this.api.get("/api/clients?q=" + run + "&size=10", Login.ADMIN).json();
		assertThat(page.get("total").asLong()).isGreaterThan(1000);
		assertThat(page.get("totalExact").asBoolean()).isEqualTo(!TestDatabase.isPostgres());
		JsonNode last = this.api.get("/api/clients?q=number5000." + run, Login.ADMIN).json();
		assertThat(last.get("items")).singleElement()
			.satisfies((client) -> assertThat(client.get("lastName").asString()).isEqualTo("Number 5000"));
	}

	/** A valid file of clients Client Number i, number{i}.{run}@example.com. */
	static byte[] records(String run, int count) {
		StringBuilder text = new StringBuilder("firstName,lastName,email\r\n");
		for (int i = 1; i <= count; i++) {
			text.append("Client,Number ").append(i).append(",number").append(i).append('.').append(run);
			text.append("@example.com\r\n");
		}
		return ascii(text.toString());
	}

	private void assertNothingStored(String fileName) {
		Api.Response list = this.api.get("/api/imports", Login.ADMIN);
		assertThat(list.status()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		list.json().forEach((node) -> names.add(node.get("fileName").asString()));
		assertThat(names).doesNotContain(fileName);
	}

	private static void assertProblem(Api.Response response, int status) {
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("errors").isArray()).isTrue();
		assertThat(problem.get("errors")).isNotEmpty();
		assertThat(response.body()).doesNotContain("Exception");
	}

	private static List<String> messages(Api.Response response) {
		List<String> messages = new ArrayList<>();
		response.json().get("errors").forEach((error) -> messages.add(error.get("message").asString()));
		return messages;
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] utf16(String text) {
		return text.getBytes(StandardCharsets.UTF_16LE);
	}

}
