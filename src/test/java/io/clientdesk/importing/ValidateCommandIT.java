package io.clientdesk.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clientdesk.support.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar target/clientdesk.jar validate FILE.csv}, as a user runs it before
 * uploading.
 */
class ValidateCommandIT {

	@TempDir
	Path folder;

	record Outcome(int exitCode, String output) {
	}

	@Test
	void a_clean_file_passes_with_exit_code_zero() throws Exception {
		Path file = this.folder.resolve("clean.csv");
		Files.write(file, TestFiles.newClients("validate", 5000, "Clean"));
		Outcome outcome = validate(file);
		assertThat(outcome.exitCode()).as(outcome.output()).isZero();
	}

	@Test
	void a_file_with_row_errors_lists_each_as_line_column_message_and_exits_non_zero() throws Exception {
		Outcome outcome = validate(Path.of("src/test/resources/csv/row-errors.csv"));
		assertThat(outcome.exitCode()).isEqualTo(1);
		assertThat(outcome.output()).contains("2:id: ")
			.contains("6:email: ")
			.containsPattern("(?m)^4:firstName: .*")
			.doesNotContain("Exception");
	}

	@Test
	void a_file_that_is_not_csv_is_rejected_with_the_reason() throws Exception {
		Outcome outcome = validate(Path.of("src/test/resources/csv/excel-workbook-renamed.csv"));
		assertThat(outcome.exitCode()).isEqualTo(1);
		assertThat(outcome.output()).containsIgnoringCase("zip");
	}

	@Test
	void day_first_dates_are_read_in_the_order_given_with_date_format() throws Exception {
		Path file = this.folder.resolve("day-first.csv");
		Files.writeString(file,
				"email,firstName,created\r\nann@example.com,Ann,04/03/2024\r\n" + "bob@example.com,Bob,13/25/2024\r\n");

		Outcome undeclared = validate(file.toString());
		assertThat(undeclared.exitCode()).isEqualTo(1);
		assertThat(undeclared.output()).startsWith("2:created: created '04/03/2024' could be day-month or month-day")
			.contains("give the file's date order with --date-format=DMY, MDY or YMD");

		Outcome dayFirst = validate("--date-format=DMY", file.toString());
		assertThat(dayFirst.exitCode()).isEqualTo(1);
		assertThat(dayFirst.output())
			.startsWith("3:created: created '13/25/2024' does not fit the date order "
					+ "declared for the file, day-month-year (DMY): there is no month 25")
			.doesNotContain("2:created");

		Outcome wrong = validate("--date-format=DD.MM.YYYY", file.toString());
		assertThat(wrong.exitCode()).isEqualTo(2);
		assertThat(wrong.output()).contains("--date-format: 'DD.MM.YYYY' is not DMY, MDY or YMD")
			.contains("Usage: java -jar clientdesk.jar validate [--date-format=DMY|MDY|YMD] [--projects=ID,…]");
	}

	@Test
	void a_missing_file_exits_with_code_two() throws Exception {
		Outcome outcome = validate(this.folder.resolve("nowhere.csv"));
		assertThat(outcome.exitCode()).isEqualTo(2);
		assertThat(outcome.output()).contains("nowhere.csv");
	}

	private Outcome validate(Path file) throws IOException, InterruptedException {
		return validate(file.toString());
	}

	private Outcome validate(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						"target/clientdesk.jar", "validate"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Outcome(process.exitValue(), output);
	}

}
