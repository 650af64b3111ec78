package io.clientdesk.importing.file;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.clientdesk.importing.file.FileRejectedException.Kind;
import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.shared.Problem;
import io.clientdesk.support.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class FileRejectionTest {

	private static final byte[] VALID = "email\nann@example.com\n".getBytes(StandardCharsets.UTF_8);

	@ParameterizedTest
	@ValueSource(strings = { "clients.xlsx", "clients.csv.exe", "clients", "clients.txt" })
	void rejects_a_file_whose_name_does_not_end_in_csv(String name) {
		FileRejectedException rejected = reject(name, VALID);

		assertThat(rejected.kind()).isEqualTo(Kind.NOT_CSV);
		assertThat(rejected.problems()).extracting(Problem::message)
			.containsExactly("the file name '" + name + "' does not end in .csv; only CSV files are accepted");
	}

	@Test
	void rejects_a_file_name_of_more_than_255_characters_naming_the_limit() {
		FileRejectedException rejected = reject("x".repeat(252) + ".csv", VALID);

		assertThat(rejected.kind()).isEqualTo(Kind.BAD_NAME);
		assertThat(rejected.problems()).extracting(Problem::message)
			.containsExactly("the file name has 256 characters, more than the limit of 255; rename the file");
	}

	@ParameterizedTest
	@ValueSource(strings = { "report\u202Eslx.csv", "a\u0000.csv", "a\u2028.csv", "a\uFEFF.csv", "a\uD800.csv" })
	void rejects_a_file_name_with_a_control_or_formatting_character(String name) {
		FileRejectedException rejected = reject(name, VALID);

		assertThat(rejected.kind()).isEqualTo(Kind.BAD_NAME);
		assertThat(rejected.problems()).singleElement()
			.extracting(Problem::message)
			.asString()
			.contains(String.format("U+%04X", name.chars().filter((c) -> c < ' ' || c > '~').findFirst().getAsInt()))
			.doesNotContain(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Kunden Müller (2024).csv", "клиенты.csv", "عملاء.csv", "👨\u200D👩\u200D👧.csv",
			"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.csv" })
	void accepts_a_file_name_in_any_script_with_emoji_and_joiners(String name) {
		assertThat(new ClientCsvParser().parse(name, VALID, ImportProperties.defaultLimits()).rows()).hasSize(1);
	}

	static Stream<Arguments> notText() {
		// A\uD800B: the lone surrogate's two bytes written by hand (getBytes would
		// replace it)
		byte[] loneSurrogate = TestFiles.concat(TestFiles.ofBytes(0xFF, 0xFE),
				"email,lastName\nann@example.com,A".getBytes(StandardCharsets.UTF_16LE), TestFiles.ofBytes(0x00, 0xD8),
				"B\n".getBytes(StandardCharsets.UTF_16LE));
		byte[] undefinedIn1252 = TestFiles.concat(
				"email,lastName\nann@example.com,Lee\nbob@example.com,M".getBytes(StandardCharsets.US_ASCII),
				TestFiles.ofBytes(0x81), "ller\n".getBytes(StandardCharsets.US_ASCII));
		return Stream.of(Arguments.of("a lone UTF-16 surrogate", loneSurrogate, 2, List.of("UTF-16LE", "surrogate")),
				Arguments.of("a byte neither UTF-8 nor Windows-1252", undefinedIn1252, 3,
						List.of("0x81", "neither UTF-8 nor Windows-1252")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notText")
	void rejects_what_is_not_text_in_its_charset_naming_the_line_instead_of_replacing_it(String why, byte[] content,
			int line, List<String> named) {
		FileRejectedException rejected = reject("clients.csv", content);

		assertThat(rejected.kind()).isEqualTo(Kind.INVALID);
		assertThat(rejected.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(line);
			assertThat(problem.message()).contains(named);
		});
	}

	@Test
	void accepts_the_csv_extension_in_any_case() {
		assertThat(new ClientCsvParser().parse("CLIENTS.CSV", VALID, ImportProperties.defaultLimits()).rows())
			.hasSize(1);
	}

	@Test
	void rejects_a_zip_archive_even_when_it_is_named_csv() {
		FileRejectedException rejected = reject("excel-workbook-renamed.csv",
				TestFiles.bytes("excel-workbook-renamed.csv"));

		assertThat(rejected.kind()).isEqualTo(Kind.NOT_CSV);
		assertThat(rejected.problems()).singleElement()
			.extracting(Problem::message)
			.asString()
			.startsWith("the file is a ZIP archive (an .xlsx or .docx?), not CSV text");
	}

	static Stream<Arguments> signatures() {
		return Stream.of(Arguments.of(TestFiles.ofBytes(0x50, 0x4B, 0x05, 0x06, 0, 0), "a ZIP archive"),
				Arguments.of(TestFiles.ofBytes(0x50, 0x4B, 0x07, 0x08, 1, 2), "a ZIP archive"),
				Arguments.of(TestFiles.ofBytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x41),
						"an Office document"),
				Arguments.of("%PDF-1.7\nemail\n".getBytes(StandardCharsets.US_ASCII), "a PDF document"),
				Arguments.of("{\\rtf1\\ansi email}".getBytes(StandardCharsets.US_ASCII), "an RTF document"),
				Arguments.of("MZ\u0090email,x\n".getBytes(StandardCharsets.ISO_8859_1), "a Windows executable"),
				Arguments.of(TestFiles.ofBytes(0x7F, 'E', 'L', 'F', 2, 1), "a Linux executable"),
				Arguments.of(TestFiles.ofBytes(0xFE, 0xED, 0xFA, 0xCF, 7), "a macOS executable"),
				Arguments.of(TestFiles.ofBytes(0xCF, 0xFA, 0xED, 0xFE, 7), "a macOS executable"),
				Arguments.of(TestFiles.ofBytes(0xCA, 0xFE, 0xBA, 0xBE, 7), "a macOS universal executable"),
				Arguments.of("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII), "a script"));
	}

	@ParameterizedTest
	@MethodSource("signatures")
	void rejects_a_file_with_the_signature_of_another_format(byte[] content, String format) {
		FileRejectedException rejected = reject("clients.csv", content);

		assertThat(rejected.kind()).isEqualTo(Kind.NOT_CSV);
		assertThat(rejected.problems()).singleElement()
			.extracting(Problem::message)
			.asString()
			.startsWith("the file is " + format);
	}

	@Test
	void rejects_binary_content_with_nul_bytes() {
		FileRejectedException rejected = reject("clients.csv", TestFiles.ofBytes('e', 'm', 0, 'a', 'i', 'l', '\n'));

		assertThat(rejected.kind()).isEqualTo(Kind.NOT_CSV);
		assertThat(rejected.problems()).extracting(Problem::message)
			.singleElement()
			.asString()
			.startsWith("the file contains NUL bytes");
	}

	@Test
	void rejects_utf16_text_without_a_byte_order_mark_as_binary() {
		FileRejectedException rejected = reject("clients.csv",
				"email\nann@example.com\n".getBytes(StandardCharsets.UTF_16LE));

		assertThat(rejected.kind()).isEqualTo(Kind.NOT_CSV);
	}

	@Test
	void rejects_nul_characters_in_utf16_text_with_a_byte_order_mark() {
		byte[] text = "email\n\u0000ann@example.com\n".getBytes(StandardCharsets.UTF_16LE);
		byte[] content = new byte[text.length + 2];
		content[0] = (byte) 0xFF;
		content[1] = (byte) 0xFE;
		System.arraycopy(text, 0, content, 2, text.length);

		assertThat(reject("clients.csv", content).kind()).isEqualTo(Kind.NOT_CSV);
	}

	@Test
	void lists_both_a_wrong_name_and_a_wrong_format() {
		FileRejectedException rejected = reject("report.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));

		assertThat(rejected.problems()).hasSize(2);
	}

	@Test
	void rejects_a_file_with_more_records_than_the_limit_and_gives_count_and_limit() {
		FileRejectedException rejected = reject("big.csv", TestFiles.withRecords(5001));

		assertThat(rejected.kind()).isEqualTo(Kind.TOO_LARGE);
		assertThat(rejected.problems()).extracting(Problem::message)
			.containsExactly(
					"the file has 5001 records, more than the limit of 5000 per file; split it into several files");
	}

	@Test
	void does_not_count_the_header_and_blank_lines_as_records() {
		String text = "email\n\n" + "a@example.com\n\n".repeat(3);
		ParsedFile file = new ClientCsvParser().parse("c.csv", text.getBytes(StandardCharsets.UTF_8),
				new ImportLimits(3, 1000));

		assertThat(file.rows()).hasSize(3);
	}

	@Test
	void rejects_a_file_larger_than_the_byte_limit_and_gives_size_and_limit() {
		FileRejectedException tooLarge = reject("big.csv", TestFiles.withRecords(300), new ImportLimits(5000, 10_000));

		assertThat(tooLarge.kind()).isEqualTo(Kind.TOO_LARGE);
		assertThat(tooLarge.problems()).extracting(Problem::message)
			.singleElement()
			.asString()
			.matches(
					"the file is \\d+ bytes, more than the limit of 10000 bytes per file; split it into smaller files");
	}

	@Test
	void gives_the_byte_limit_in_mebibytes() {
		byte[] content = new byte[10 * 1024 * 1024 + 1];
		java.util.Arrays.fill(content, (byte) 'a');
		FileRejectedException rejected = reject("big.csv", content);

		assertThat(rejected.kind()).isEqualTo(Kind.TOO_LARGE);
		assertThat(rejected.problems()).extracting(Problem::message)
			.containsExactly("the file is 10.0 MiB (10485761 bytes), more than the limit of 10 MiB per file; "
					+ "split it into smaller files");
	}

	@Test
	void rejects_an_empty_file() {
		FileRejectedException rejected = reject("empty.csv", new byte[0]);

		assertThat(rejected.kind()).isEqualTo(Kind.INVALID);
		assertThat(rejected.problems()).extracting(Problem::message)
			.containsExactly("the file is empty; it needs a header and at least one record");
	}

	@Test
	void rejects_a_file_with_a_header_but_no_records() {
		FileRejectedException rejected = reject("header-only.csv", TestFiles.bytes("header-only.csv"));

		assertThat(rejected.kind()).isEqualTo(Kind.INVALID);
		assertThat(rejected.problems()).extracting(Problem::line, Problem::message)
			.containsExactly(tuple(1, "the file has a header but no records"));
	}

	@Test
	void rejects_unknown_and_duplicated_columns_naming_each() {
		FileRejectedException rejected = reject("bad-header.csv", TestFiles.bytes("bad-header.csv"));

		assertThat(rejected.kind()).isEqualTo(Kind.INVALID);
		assertThat(rejected.problems()).extracting(Problem::line, Problem::column, Problem::message)
			.containsExactly(tuple(1, "Phone", "unknown column 'Phone'; the accepted columns are id, firstName, "
					+ "lastName, email, project, desk, active, type, created (case, spaces, _ and - are ignored)"),
					tuple(1, "email", "the columns 'Email' and 'E-mail' are both the email column; keep one of them"),
					tuple(1, "firstName",
							"the columns 'First Name' and 'first_name' are both the firstName column; keep one of them"));
	}

	@Test
	void rejects_a_header_cell_without_a_name() {
		FileRejectedException rejected = reject("c.csv",
				"email,,firstName\na@example.com,,Ann\n".getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).extracting(Problem::column).containsExactly("column 2");
	}

	@Test
	void rejects_a_file_with_neither_an_id_nor_an_email_column() {
		FileRejectedException rejected = reject("c.csv",
				"firstName,lastName\nAnn,Lee\n".getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.kind()).isEqualTo(Kind.INVALID);
		assertThat(rejected.problems()).extracting(Problem::message)
			.containsExactly("the header has neither an id nor an email column, so no row could be matched to a "
					+ "client; add one of them");
	}

	@Test
	void accepts_a_file_with_an_id_column_but_no_email_column() {
		ParsedFile file = new ClientCsvParser().parse("c.csv",
				"id,active\n66829b2e43c91e3ce480b6c4,no\n".getBytes(StandardCharsets.UTF_8),
				ImportProperties.defaultLimits());

		assertThat(file.rows()).hasSize(1);
	}

	@Test
	void rejects_a_quote_that_is_never_closed_giving_the_line_where_it_starts() {
		FileRejectedException rejected = reject("unclosed-quote.csv", TestFiles.bytes("unclosed-quote.csv"));

		assertThat(rejected.kind()).isEqualTo(Kind.INVALID);
		assertThat(rejected.problems()).extracting(Problem::line, Problem::column).containsExactly(tuple(3, "email"));
		assertThat(rejected.problems().get(0).message())
			.startsWith("a quoted field starts on this line and its " + "quote is never closed");
	}

	@Test
	void rejects_a_quote_followed_by_other_characters() {
		FileRejectedException rejected = reject("c.csv",
				"email,lastName\na@example.com,Lee\nb@example.com,\"O\"Neil\n".getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.kind()).isEqualTo(Kind.INVALID);
		assertThat(rejected.problems()).extracting(Problem::line).containsExactly(3);
		assertThat(rejected.problems().get(0).message()).contains("a quote inside a quoted field must be doubled");
	}

	@Test
	void rejects_cells_with_formulas_markup_and_script_urls_giving_line_and_column_of_each() {
		FileRejectedException rejected = reject("dangerous-cells.csv", TestFiles.bytes("dangerous-cells.csv"));

		assertThat(rejected.kind()).isEqualTo(Kind.INVALID);
		assertThat(rejected.problems()).extracting(Problem::line, Problem::column)
			.containsExactly(tuple(2, "lastName"), tuple(3, "lastName"), tuple(4, "lastName"), tuple(5, "lastName"),
					tuple(6, "lastName"), tuple(7, "email"), tuple(8, "lastName"), tuple(9, "lastName"));
		assertThat(rejected.problems()).extracting(Problem::message)
			.containsExactly(
					"the cell '=1+2' starts with '=', which spreadsheets run as a formula (this includes negative "
							+ "numbers); formulas are not accepted",
					"the cell '  @SUM(A1)' starts with '@', which spreadsheets run as a formula (this includes "
							+ "negative numbers); formulas are not accepted",
					"the cell '-5' starts with '-', which spreadsheets run as a formula (this includes negative "
							+ "numbers); formulas are not accepted",
					"the cell '+33 1 23' starts with '+', which spreadsheets run as a formula (this includes "
							+ "negative numbers); formulas are not accepted",
					"the cell '<script>alert(1)</script>' contains markup ('<s'); HTML and scripts are not accepted",
					"the cell 'JavaScript:alert(1)' contains a javascript: URL; scripts are not accepted",
					"the cell '\\tcmd' starts with a tab, which can hide a formula from spreadsheets; remove it",
					"the cell 'data:text/html;base64,PGI+' is a data: URL; embedded content is not accepted");
	}

	@Test
	void rejects_a_cell_that_starts_with_a_formula() {
		FileRejectedException rejected = reject("c.csv",
				"email,firstName\nann@example.com,\"=HYPERLINK(\"\"http://x\"\")\"\n".getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).extracting(Problem::line, Problem::column)
			.containsExactly(tuple(2, "firstName"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\n\n ", "\u2003", "\u3000", "\f", "\u000B", "\u2028", "\uFEFF" })
	void rejects_a_formula_behind_anything_the_import_trims_off_the_value(String before) {
		FileRejectedException rejected = reject("c.csv",
				("email,firstName\nann@example.com,\"" + before + "=cmd\"\n").getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).extracting(Problem::line, Problem::column)
			.containsExactly(tuple(2, "firstName"));
		assertThat(rejected.problems().get(0).message()).contains("starts with '='");
	}

	@Test
	void rejects_a_cell_that_starts_with_a_carriage_return() {
		FileRejectedException rejected = reject("c.csv",
				"email,firstName\nann@example.com,\"\r\n=cmd\"\nbob@example.com,Bob\n"
					.getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).extracting(Problem::line, Problem::column, Problem::message)
			.containsExactly(tuple(2, "firstName",
					"the cell '\\r\\n=cmd' starts with a carriage return, which can hide a formula from "
							+ "spreadsheets; remove it"));
	}

	@Test
	void rejects_a_lone_carriage_return_in_a_quoted_cell_that_ends_its_record() {
		FileRejectedException rejected = reject("c.csv",
				"email,firstName\nann@example.com,\"\r=cmd\"\nbob@example.com,Bob\n".getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.kind()).isEqualTo(Kind.INVALID);
		assertThat(rejected.problems()).extracting(Problem::line, Problem::column).contains(tuple(2, "firstName"));
		assertThat(rejected.problems()).extracting(Problem::message)
			.allMatch((message) -> !message.contains("no records"))
			.anyMatch((message) -> message.contains("carriage return without a line feed"));
	}

	@Test
	void reports_a_lone_carriage_return_at_the_start_of_a_cell_once() {
		FileRejectedException rejected = reject("c.csv",
				"firstName,email\n\"\r=cmd\",ann@example.com\n".getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).extracting(Problem::line, Problem::column, Problem::message)
			.containsExactly(tuple(2, "firstName",
					"the cell '\\r=cmd' starts with a carriage return, which can hide a formula from spreadsheets; "
							+ "remove it"));
	}

	@Test
	void checks_header_cells_too() {
		FileRejectedException rejected = reject("c.csv",
				"email,=cmd\nann@example.com,x\n".getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).extracting(Problem::line, Problem::column)
			.containsExactly(tuple(1, "=cmd"), tuple(1, "=cmd"));
	}

	@Test
	void names_an_unknown_column_by_its_header_text_for_dangerous_cells() {
		FileRejectedException rejected = reject("c.csv",
				"email,Notes\nann@example.com,<b>hi</b>\n".getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).extracting(Problem::line, Problem::column)
			.containsExactly(tuple(1, "Notes"), tuple(2, "Notes"));
	}

	@Test
	void finds_markup_and_script_urls_anywhere_in_a_cell() {
		FileRejectedException rejected = reject("c.csv",
				("email,lastName,firstName\na@example.com,Lee <!-- x,Ann\nb@example.com,Lee,go to java\tscript:x\n"
						+ "c@example.com,Lee,a <?php\n")
					.getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).extracting(Problem::line, Problem::column)
			.containsExactly(tuple(2, "lastName"), tuple(3, "firstName"), tuple(4, "firstName"));
	}

	@Test
	void lists_every_problem_of_a_file_at_once() {
		FileRejectedException rejected = reject("c.csv", "email,Phone\n=a,1\n@b,2\n".getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).extracting(Problem::line).containsExactly(1, 2, 3);
	}

	@Test
	void lists_cell_problems_along_with_too_many_records() {
		FileRejectedException rejected = reject("c.csv", "email\n=a\nb@example.com\n".getBytes(StandardCharsets.UTF_8),
				new ImportLimits(1, 1000));

		assertThat(rejected.kind()).isEqualTo(Kind.TOO_LARGE);
		assertThat(rejected.problems()).extracting(Problem::line).containsExactly(null, 2);
	}

	@Test
	void lists_at_most_a_thousand_problems_and_says_how_many_more_there_are() {
		FileRejectedException rejected = reject("c.csv",
				("email\n" + "=x\n".repeat(1200)).getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).hasSize(1001);
		assertThat(rejected.problems().get(1000).message()).isEqualTo("… and 200 more problems, not listed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u200B", "\u2060", "\u00AD", "\u200F", "\u202D", "\u200D\u200B " })
	void rejects_a_formula_after_invisible_formatting_characters(String invisible) {
		FileRejectedException rejected = reject("c.csv",
				("email,firstName\nann@example.com," + invisible + "=cmd|' /C calc'!A0\n")
					.getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.problems()).extracting(Problem::line, Problem::column)
			.containsExactly(tuple(2, "firstName"));
		assertThat(rejected.problems().get(0).message()).contains("starts with '='");
	}

	@Test
	void accepts_a_cell_of_invisible_formatting_characters_only_as_text() {
		ParsedFile parsed = new ClientCsvParser().parse("c.csv",
				"email,firstName\nann@example.com,\u200B\u200D\n".getBytes(StandardCharsets.UTF_8),
				ImportProperties.defaultLimits());

		assertThat(parsed.rows()).singleElement()
			.extracting((row) -> row.cell(ClientColumn.FIRST_NAME))
			.isEqualTo("\u200B\u200D");
	}

	@Test
	void names_an_unknown_column_of_megabytes_by_its_first_40_characters_only() {
		String name = "x".repeat(9 * 1024 * 1024);
		FileRejectedException rejected = reject("c.csv",
				("email," + name + "\na@example.com,x\n").getBytes(StandardCharsets.UTF_8));

		String shown = "x".repeat(40) + "…";
		assertThat(rejected.problems()).extracting(Problem::column).containsExactly(shown);
		assertThat(rejected.problems().get(0).message()).startsWith("unknown column '" + shown + "';")
			.hasSizeLessThan(300);
	}

	@Test
	void names_the_line_of_a_record_with_more_fields_than_can_be_read() {
		FileRejectedException header = reject("c.csv",
				("email" + ",c".repeat(19_999) + "\nx\n").getBytes(StandardCharsets.UTF_8));
		FileRejectedException record = reject("c.csv",
				("email\n\nx" + ",y".repeat(19_999) + "\n").getBytes(StandardCharsets.UTF_8));

		assertThat(header.problems()).extracting(Problem::line).containsExactly(1);
		assertThat(record.problems()).extracting(Problem::line).containsExactly(3);
		assertThat(record.problems().get(0).message()).isEqualTo("the record starting on this line has more than "
				+ "16384 fields, which no client file needs and no import reads; check its delimiters. The rest of "
				+ "the file was not checked");
	}

	private static FileRejectedException reject(String name, byte[] content) {
		return reject(name, content, ImportProperties.defaultLimits());
	}

	private static FileRejectedException reject(String name, byte[] content, ImportLimits limits) {
		FileRejectedException rejected = catchThrowableOfType(FileRejectedException.class,
				() -> new ClientCsvParser().parse(name, content, limits));
		assertThat(rejected).as("rejected").isNotNull();
		return rejected;
	}

}
