package io.clientdesk.importing.web;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.RowError;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReportCsvTest {

	@Test
	void writes_one_row_per_error_under_the_header_with_crlf_line_breaks() throws IOException {
		String report = write(List.of(new RowError(3, "email", "bob@", ErrorCode.of("invalid_email"),
				"email 'bob@' is not a valid email address")));

		assertThat(report).isEqualTo("line,column,value,code,error\r\n"
				+ "3,email,bob@,invalid_email,email 'bob@' is not a valid email address\r\n");
	}

	@Test
	void sorts_errors_by_line_then_by_column_order_with_row_errors_first() throws IOException {
		List<RowError> errors = List.of(new RowError(9, "type", "x", ErrorCode.of("invalid_value"), "t"),
				new RowError(2, "created", "x", ErrorCode.of("invalid_value"), "c"),
				new RowError(9, "id", "x", ErrorCode.of("invalid_value"), "i"),
				new RowError(2, "firstName", "", ErrorCode.of("required"), "f"),
				new RowError(9, null, "3", ErrorCode.of("field_count"), "n"),
				new RowError(10, "email", "x", ErrorCode.of("email_taken"), "e"));

		assertThat(rows(write(errors))).containsExactly("2 firstName", "2 created", "9 ", "9 id", "9 type", "10 email");
	}

	@Test
	void prefixes_cells_that_a_spreadsheet_would_run_with_a_single_quote() throws IOException {
		String report = write(List.of(new RowError(4, "lastName", "-5", ErrorCode.of("invalid_value"), "=cmd"),
				new RowError(5, "email", "@bob", ErrorCode.of("invalid_email"), "+x")));

		assertThat(report).contains("4,lastName,'-5,invalid_value,'=cmd\r\n")
			.contains("5,email,'@bob,invalid_email,'+x\r\n");
	}

	@Test
	void quotes_cells_with_delimiters_quotes_and_line_breaks() throws IOException {
		String value = "Lee, \"Jr\"\nsecond";
		String report = write(List.of(new RowError(4, "lastName", value, ErrorCode.of("invalid_value"), "bad")));

		List<CsvRecord> records = CsvReader.builder().ofCsvRecord(report).stream().toList();
		assertThat(records).hasSize(2);
		assertThat(records.get(1).getFields()).containsExactly("4", "lastName", value, "invalid_value", "bad");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			=1+2        | '=1+2
			+33 1       | '+33 1
			-5          | '-5
			@SUM(A1)    | '@SUM(A1)
			"  =x"      | "'  =x"
			Smith-Jones | Smith-Jones
			a=b         | a=b
			""")
	void neutralizes_formulas_for_spreadsheets(String cell, String safe) {
		assertThat(SpreadsheetSafe.cell(cell)).isEqualTo(safe);
	}

	@Test
	void neutralizes_cells_starting_with_a_tab_or_carriage_return() {
		assertThat(SpreadsheetSafe.cell("\t=1")).isEqualTo("'\t=1");
		assertThat(SpreadsheetSafe.cell("\r=1")).isEqualTo("'\r=1");
		assertThat(SpreadsheetSafe.cell("")).isEmpty();
		assertThat(SpreadsheetSafe.cell(null)).isEmpty();
	}

	private static String write(List<RowError> errors) throws IOException {
		StringWriter out = new StringWriter();
		ErrorReportCsv.write(errors, out);
		return out.toString();
	}

	private static List<String> rows(String report) {
		return CsvReader.builder()
			.ofCsvRecord(report)
			.stream()
			.skip(1)
			.map((record) -> record.getField(0) + " " + record.getField(1))
			.toList();
	}

}
