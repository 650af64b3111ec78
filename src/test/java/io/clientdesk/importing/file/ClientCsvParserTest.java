package io.clientdesk.importing.file;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.support.TestFiles;

import static io.clientdesk.importing.file.ClientColumn.ACTIVE;
import static io.clientdesk.importing.file.ClientColumn.CREATED;
import static io.clientdesk.importing.file.ClientColumn.DESK;
import static io.clientdesk.importing.file.ClientColumn.EMAIL;
import static io.clientdesk.importing.file.ClientColumn.FIRST_NAME;
import static io.clientdesk.importing.file.ClientColumn.ID;
import static io.clientdesk.importing.file.ClientColumn.LAST_NAME;
import static io.clientdesk.importing.file.ClientColumn.PROJECT;
import static io.clientdesk.importing.file.ClientColumn.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ClientCsvParserTest {

	@Test
	void reads_an_excel_file_with_semicolons_in_windows_1252() {
		ParsedFile file = TestFiles.parse("excel-semicolon-windows-1252.csv");

		assertThat(file.charset()).isEqualTo(FileContent.WINDOWS_1252);
		assertThat(file.delimiter()).isEqualTo(';');
		assertThat(file.columns()).containsExactly(FIRST_NAME, LAST_NAME, EMAIL, TYPE, ACTIVE);
		assertThat(file.rows()).extracting(CsvRow::line, (row) -> row.cell(FIRST_NAME), (row) -> row.cell(LAST_NAME))
			.containsExactly(tuple(2, "José", "Müller"), tuple(3, "Zoë", "Smith; Jones"), tuple(5, "Ana", "Ibáñez"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "utf8-bom.csv", "utf8-no-bom.csv", "utf16le-bom.csv", "utf16be-bom.csv" })
	void keeps_accented_names_intact_in_every_unicode_encoding(String name) {
		ParsedFile file = TestFiles.parse(name);

		assertThat(file.columns()).containsExactly(FIRST_NAME, LAST_NAME, EMAIL);
		assertThat(file.rows()).extracting((row) -> row.cell(FIRST_NAME), (row) -> row.cell(LAST_NAME))
			.containsExactly(tuple("José", "Müller"), tuple("Zoë", "Åström"));
	}

	@Test
	void reports_the_charset_of_a_byte_order_mark() {
		assertThat(TestFiles.parse("utf8-bom.csv").charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(TestFiles.parse("utf16le-bom.csv").charset()).isEqualTo(StandardCharsets.UTF_16LE);
		assertThat(TestFiles.parse("utf16be-bom.csv").charset()).isEqualTo(StandardCharsets.UTF_16BE);
	}

	@Test
	void reads_a_tab_delimited_file() {
		ParsedFile file = TestFiles.parse("tab-delimited.csv");

		assertThat(file.delimiter()).isEqualTo('\t');
		assertThat(file.rows()).singleElement()
			.satisfies((row) -> assertThat(row.cells()).containsEntry(EMAIL, "bob@example.com")
				.containsEntry(LAST_NAME, "O'Neil, Jr."));
	}

	@Test
	void gives_the_physical_line_where_each_record_starts_when_quoted_fields_span_lines() {
		ParsedFile file = TestFiles.parse("quoted-line-breaks.csv");

		assertThat(file.rows()).extracting(CsvRow::line, (row) -> row.cell(FIRST_NAME))
			.containsExactly(tuple(2, "Ann"), tuple(4, "Bo \"The Boss\""), tuple(8, "Cy"), tuple(9, "Dee"));
		assertThat(file.rows().get(1).cell(LAST_NAME)).isEqualTo("Multi\r\nline\r\nname");
		assertThat(file.rows().get(3).cell(LAST_NAME)).isEqualTo("a, b");
	}

	@Test
	void accepts_every_documented_header_alias_in_any_order() {
		ParsedFile file = TestFiles.parse("header-aliases.csv");

		assertThat(file.columns()).containsExactly(ID, FIRST_NAME, LAST_NAME, EMAIL, PROJECT, DESK, ACTIVE, TYPE,
				CREATED);
		assertThat(file.rows().get(0).cells()).containsEntry(ID, "66829b2e43c91e3ce480b6c4")
			.containsEntry(CREATED, "2024-06-13");
	}

	@Test
	void detects_the_delimiter_from_the_header_not_from_the_data() {
		ParsedFile file = TestFiles.parseText("email;firstName\nann@example.com;Ann, the first\n");

		assertThat(file.delimiter()).isEqualTo(';');
		assertThat(file.rows().get(0).cell(FIRST_NAME)).isEqualTo("Ann, the first");
	}

	@Test
	void takes_a_comma_when_the_header_has_a_single_column() {
		ParsedFile file = TestFiles.parseText("email\nann@example.com\n");

		assertThat(file.delimiter()).isEqualTo(',');
		assertThat(file.rows()).singleElement()
			.satisfies((row) -> assertThat(row.cells()).isEqualTo(Map.of(EMAIL, "ann@example.com")));
	}

	@Test
	void ignores_blank_lines_and_rows_of_empty_cells_without_counting_them() {
		ParsedFile file = TestFiles.parseText("\n\nemail,firstName\n\n  \n,\nann@example.com,Ann\n\r\n");

		assertThat(file.rows()).singleElement().satisfies((row) -> assertThat(row.line()).isEqualTo(7));
	}

	@Test
	void trims_cells_but_keeps_empty_ones() {
		ParsedFile file = TestFiles.parseText("email,firstName,lastName\n  ann@example.com ,\" Ann\u00A0\",\n");

		assertThat(file.rows().get(0).cells())
			.isEqualTo(Map.of(EMAIL, "ann@example.com", FIRST_NAME, "Ann", LAST_NAME, ""));
	}

	@Test
	void keeps_a_row_with_too_few_or_too_many_fields_as_a_field_count_error() {
		ParsedFile file = TestFiles
			.parseText("email,firstName\nann@example.com\nbob@example.com,Bob,extra\n" + "cy@example.com,Cy\n");

		assertThat(file.rows()).extracting(CsvRow::line, CsvRow::hasFieldCountError)
			.containsExactly(tuple(2, true), tuple(3, true), tuple(4, false));
		assertThat(file.fieldCountErrors()).extracting(RowError::line, (error) -> error.code().code(), RowError::value)
			.containsExactly(tuple(2, "field_count", "1"), tuple(3, "field_count", "3"));
		assertThat(file.fieldCountErrors().get(0).message()).isEqualTo(
				"the row has 1 field but the header has 2; check for a missing or extra delimiter (',') or quote");
	}

	@Test
	void reads_a_file_with_exactly_the_maximum_number_of_records() {
		ParsedFile file = new ClientCsvParser().parse("big.csv", TestFiles.withRecords(5000),
				ImportProperties.defaultLimits());

		assertThat(file.rows()).hasSize(5000);
		assertThat(file.rows().get(4999).line()).isEqualTo(5001);
		assertThat(file.rows().get(4999).cell(EMAIL)).isEqualTo("client5000@example.com");
	}

	@Test
	void accepts_negative_looking_text_inside_a_cell_but_not_at_its_start() {
		ParsedFile file = TestFiles.parseText("email,lastName\nann@example.com,Smith-Jones\n");

		assertThat(file.rows().get(0).cell(LAST_NAME)).isEqualTo("Smith-Jones");
	}

	@Test
	void accepts_a_less_than_sign_that_starts_no_markup_and_the_word_data_inside_a_text() {
		ParsedFile file = TestFiles.parseText("email,lastName\nann@example.com,a < b and Big Data: Analytics\n");

		assertThat(file.rows().get(0).cell(LAST_NAME)).isEqualTo("a < b and Big Data: Analytics");
	}

	@Test
	void reads_a_file_with_bare_carriage_returns_as_line_breaks() {
		ParsedFile file = TestFiles.parseText("email,firstName\rann@example.com,Ann\rbob@example.com,Bob");

		assertThat(file.rows()).extracting(CsvRow::line).containsExactly(2, 3);
	}

	@Test
	void lists_the_columns_present_in_file_order() {
		ParsedFile file = TestFiles.parseText("type,email,id\nPersonal,ann@example.com,\n");

		assertThat(file.columns()).isEqualTo(List.of(TYPE, EMAIL, ID));
		assertThat(file.has(FIRST_NAME)).isFalse();
		assertThat(file.has(EMAIL)).isTrue();
	}

}
