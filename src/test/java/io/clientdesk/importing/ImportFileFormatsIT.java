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
import io.clientdesk.support.TestFiles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Files as spreadsheets and partners write them: Excel's semicolons and Windows-1252,
 * byte-order marks, UTF-16, quoted line breaks. The names come through intact, and line
 * numbers in the error report are the file's physical lines.
 */
@IntegrationTest
class ImportFileFormatsIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	@Test
	void imports_an_excel_file_with_semicolons_in_windows_1252_keeping_the_accents() {
		byte[] file = TestFiles.withRun("e2e/excel-semicolon-windows-1252.csv", Charset.forName("windows-1252"),
				this.run);

		JsonNode finished = this.imports.run("Kunden.csv", file, "", Login.ADMIN);

		assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("created").asInt()).isEqualTo(3);
		JsonNode jose = client("jose." + this.run + "@example.com");
		assertThat(jose.get("firstName").asString()).isEqualTo("José");
		assertThat(jose.get("lastName").asString()).isEqualTo("Müller");
		assertThat(jose.get("type").asString()).isEqualTo("Corporate");
		assertThat(jose.get("active").asBoolean()).isTrue();
		JsonNode zoe = client("zoe." + this.run + "@example.com");
		assertThat(zoe.get("firstName").asString()).isEqualTo("Zoë");
		assertThat(zoe.get("lastName").asString()).isEqualTo("Smith; Jones");
		assertThat(zoe.get("active").asBoolean()).isFalse();
		JsonNode francois = client("francois." + this.run + "@example.es");
		assertThat(francois.get("firstName").asString()).isEqualTo("François");
		assertThat(francois.get("lastName").asString()).isEqualTo("Ibáñez-Œuvre");
		assertThat(francois.get("type").asString()).isEqualTo("Personal");
	}

	@Test
	void imports_utf8_with_a_byte_order_mark() {
		assertNamesIntact(TestFiles.withRun("e2e/utf8-bom.csv", StandardCharsets.UTF_8, this.run));
	}

	@Test
	void imports_utf16_little_endian_with_a_byte_order_mark() {
		byte[] file = TestFiles.withRun("e2e/utf16le-bom.csv", StandardCharsets.UTF_16LE, this.run);
		assertThat(file).startsWith(0xFF, 0xFE);

		assertNamesIntact(file);
	}

	@Test
	void reports_the_physical_line_where_a_record_starts_after_quoted_line_breaks() {
		byte[] file = TestFiles.withRun("e2e/quoted-line-breaks.csv", StandardCharsets.UTF_8, this.run);

		JsonNode finished = this.imports.run("multiline.csv", file, "?onError=skip", Login.ADMIN);

		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(finished.get("totalRows").asInt()).isEqualTo(5);
		assertThat(finished.get("created").asInt()).isEqualTo(2);
		assertThat(finished.get("failed").asInt()).isEqualTo(3);
		List<List<String>> report = this.imports.errorReport(finished.get("id").asString(), Login.ADMIN);
		assertThat(report).extracting((row) -> row.get(0), (row) -> row.get(1), (row) -> row.get(3))
			.containsExactly(tuple("line", "column", "code"), tuple("2", "lastName", "invalid_value"),
					tuple("6", "lastName", "invalid_value"), tuple("10", "email", "invalid_email"));
		assertThat(client("bo." + this.run + "@example.com").get("firstName").asString()).isEqualTo("Bo \"The Boss\"");
		assertThat(client("dee." + this.run + "@example.com").get("lastName").asString()).isEqualTo("a, b");
	}

	private void assertNamesIntact(byte[] file) {
		JsonNode finished = this.imports.run("clients.csv", file, "", Login.ADMIN);

		assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("created").asInt()).isEqualTo(2);
		JsonNode jose = client("jose." + this.run + "@example.com");
		assertThat(jose.get("firstName").asString()).isEqualTo("José");
		assertThat(jose.get("lastName").asString()).isEqualTo("Müller");
		JsonNode zoe = client("zoe." + this.run + "@example.com");
		assertThat(zoe.get("firstName").asString()).isEqualTo("Zoë");
		assertThat(zoe.get("lastName").asString()).isEqualTo("Åström");
	}

	private JsonNode client(String email) {
		return this.api.onlyClient(email, Login.ADMIN);
	}

}
