package io.clientdesk.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
	void a_missing_file_exits_with_code_two() throws Exception {
		Outcome outcome = validate(this.folder.resolve("nowhere.csv"));
		assertThat(outcome.exitCode()).isEqualTo(2);
		assertThat(outcome.output()).contains("nowhere.csv");
	}

	private Outcome validate(Path file) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				"target/clientdesk.jar", "validate", file.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Outcome(process.exitValue(), output);
	}

}
