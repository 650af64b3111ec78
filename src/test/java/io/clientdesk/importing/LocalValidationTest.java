package io.clientdesk.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clientdesk.importing.file.ImportLimits;
import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.organisation.OrganisationProperties;
import io.clientdesk.security.Scope;
import io.clientdesk.support.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

class LocalValidationTest {

	private static final String USAGE_FIRST_LINE = "Usage: java -jar clientdesk.jar validate [--date-format=DMY|MDY|YMD]"
			+ " [--projects=ID,…] [--desks=ID,…] FILE.csv";

	private static final String USAGE_DATE_FORMAT = "  --date-format: the order of the file's numeric dates (04/03/2024):"
			+ " day-month-year, month-day-year or year-month-day";

	private static final String USAGE_PROJECTS = "  --projects, --desks: your scope, the IDs of the projects and desks you"
			+ " may import into (the file's project and desk cells hold IDs); left out: no limit";

	private static final String MINE = "66829b2e43c91e3ce480b6c1";

	private static final String OTHER = "66829b2e43c91e3ce480b6c2";

	private static final String DESK = "66829b2e43c91e3ce480b6c3";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path directory;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@Test
	void exits_with_0_and_says_what_is_left_for_the_upload_for_a_clean_file() throws IOException {
		int exit = run(write("clean.csv", "email;firstName\nann@example.com;Ann\n"));

		assertThat(exit).isEqualTo(0);
		assertThat(lines()).containsExactly("clean.csv: no problems found (1 record, read as UTF-8 with semicolon as "
				+ "delimiter). Whether IDs, projects and desks exist and whether emails are taken by other clients is "
				+ "checked on upload.");
	}

	@Test
	void prints_every_row_problem_by_line_with_its_column_and_exits_with_1() throws IOException {
		int exit = run(copy("row-errors.csv"));

		assertThat(exit).isEqualTo(1);
		List<String> lines = lines();
		assertThat(lines).hasSize(17);
		assertThat(lines.subList(0, 16)).extracting((line) -> line.substring(0, line.indexOf(": ")))
			.containsExactly("2:id", "3:firstName", "4:firstName", "6:email", "7:email", "8:project", "9:desk",
					"10:active", "11:type", "12:created", "13:created", "14", "15:firstName", "15:email", "17:id",
					"18:email");
		assertThat(lines.get(14))
			.isEqualTo("17:id: duplicate of line 16: both rows are for client 66829b2e43c91e3ce480b6c4");
		// as the server says: the repeated row 17's email still counts against row 18
		assertThat(lines.get(15))
			.isEqualTo("18:email: duplicate of line 17: both rows give the email lou2@example.com");
		assertThat(lines.get(16)).startsWith("row-errors.csv: 16 problems (16 records, read as UTF-8");
	}

	@Test
	void finds_rows_with_the_same_id_or_the_same_email_ignoring_case() throws IOException {
		int exit = run(write("dups.csv", """
				id,email,firstName
				66829b2e43c91e3ce480b6c4,a@example.com,Ann
				66829b2e43c91e3ce480b6c4,b@example.com,Bob
				,A@Example.com,Cy
				,c@example.com,Dee
				"""));

		assertThat(exit).isEqualTo(1);
		assertThat(lines()).startsWith("3:id: duplicate of line 2: both rows are for client 66829b2e43c91e3ce480b6c4",
				"4:email: duplicate of line 2: both rows give the email a@example.com");
	}

	@Test
	void does_not_require_a_first_name_of_a_row_with_an_id() throws IOException {
		int exit = run(write("update.csv", "id,active\n66829b2e43c91e3ce480b6c4,no\n"));

		assertThat(exit).isEqualTo(0);
	}

	@Test
	void prints_why_a_file_would_be_rejected_at_upload() throws IOException {
		int exit = run(copy("dangerous-cells.csv"));

		assertThat(exit).isEqualTo(1);
		assertThat(lines()).hasSize(9);
		assertThat(lines().get(0)).startsWith("2:lastName: the cell '=1+2' starts with '='");
		assertThat(lines().get(8)).isEqualTo("dangerous-cells.csv: 8 problems (would be rejected at upload). Whether "
				+ "IDs, projects and desks exist and whether emails are taken by other clients is checked on upload.");
	}

	@Test
	void prints_problems_without_a_line_first() throws IOException {
		int exit = run(write("many.csv", "email\n=x\n=y\n"), new ImportLimits(1, 1000));

		assertThat(exit).isEqualTo(1);
		assertThat(lines()).hasSize(4);
		assertThat(lines().get(0))
			.isEqualTo("the file has 2 records, more than the limit of 1 per file; split it into several files");
		assertThat(lines().get(1)).startsWith("2:email: the cell '=x' starts with '='");
		assertThat(lines().get(2)).startsWith("3:email: the cell '=y' starts with '='");
	}

	@Test
	void reports_a_file_over_the_byte_limit_without_reading_it() throws IOException {
		int exit = run(write("big.csv", "email\n" + "a@example.com\n".repeat(100)), new ImportLimits(5000, 100));

		assertThat(exit).isEqualTo(1);
		assertThat(lines().get(0)).startsWith("the file is 1406 bytes, more than the limit of 100 bytes");
	}

	@Test
	void exits_with_2_when_the_file_cannot_be_read() {
		int exit = run(this.directory.resolve("missing.csv"));

		assertThat(exit).isEqualTo(2);
		assertThat(lines()).containsExactly("Cannot read " + this.directory.resolve("missing.csv") + ": no such file");
	}

	@Test
	void with_a_scope_flags_each_row_whose_project_or_desk_cell_is_outside_it() throws IOException {
		Path file = write("scoped.csv", """
				email,firstName,project,desk
				in@example.com,In,%1$s,%3$s
				other-project@example.com,Out,%2$s,%3$s
				other-desk@example.com,Out,%1$s,%2$s
				no-cells@example.com,Defaults,,
				""".formatted(MINE, OTHER, DESK));

		int exit = command("--projects=" + MINE, "--desks=" + DESK + "," + MINE, file.toString());

		assertThat(exit).isEqualTo(1);
		assertThat(lines()).startsWith("3:project: project " + OTHER + " is outside your scope",
				"4:desk: desk " + OTHER + " is outside your scope");
		assertThat(lines().get(2)).startsWith("scoped.csv: 2 problems")
			.contains("rows that take the import defaults' project or desk, and the stored clients that rows update, "
					+ "on upload");
	}

	@Test
	void an_empty_scope_option_sets_no_limit() throws IOException {
		Path file = write("free.csv", "email,firstName,project\nann@example.com,Ann," + OTHER + "\n");

		assertThat(command("--projects=", "--desks=", file.toString())).isZero();
		assertThat(command(file.toString())).isZero();
	}

	@Test
	void a_scope_option_that_is_not_a_list_of_ids_prints_the_usage_and_exits_with_2() throws IOException {
		Path file = write("any.csv", "email,firstName\nann@example.com,Ann\n");

		assertThat(command("--projects=Retail," + MINE, file.toString())).isEqualTo(2);
		assertThat(lines().get(0)).isEqualTo(
				"validate: not an ID (24 lowercase hex digits, as GET /api/projects and /api/desks list them): Retail");
		assertThat(lines().get(1)).isEqualTo(USAGE_FIRST_LINE);
		this.output.reset();
		assertThat(command("--teams=" + MINE, file.toString())).isEqualTo(2);
		assertThat(lines().get(0)).isEqualTo("validate: '--teams=" + MINE + "' is not an option of validate");
	}

	@Test
	void exits_with_2_for_a_directory() {
		assertThat(run(this.directory)).isEqualTo(2);
	}

	@Test
	void reads_day_first_dates_with_the_date_format_option_and_refuses_to_guess_without_it() throws IOException {
		Path file = write("day-first.csv", "email,firstName,created\nann@example.com,Ann,29/02/2024 10:11\n");

		assertThat(command(file.toString())).isEqualTo(1);
		assertThat(lines()).containsExactly(
				"2:created: created '29/02/2024 10:11' could be day-month or month-day; dates like it are read only "
						+ "in the order declared for the file: day-month-year (DMY), month-day-year (MDY), "
						+ "year-month-day (YMD)",
				"day-first.csv: 1 problem (would be rejected at upload; give the file's date order with "
						+ "--date-format=DMY, MDY or YMD). Whether IDs, projects and desks exist and whether emails "
						+ "are taken by other clients is checked on upload.");

		this.output.reset();
		assertThat(command("--date-format=dmy", file.toString())).isEqualTo(0);
		assertThat(lines()).singleElement().asString().startsWith("day-first.csv: no problems found");

		this.output.reset();
		assertThat(command("--date-format=MDY", file.toString())).isEqualTo(1);
		assertThat(lines().get(0)).isEqualTo("2:created: created '29/02/2024 10:11' does not fit the date order "
				+ "declared for the file, month-day-year (MDY): there is no month 29");
	}

	@Test
	void a_date_format_other_than_dmy_mdy_or_ymd_or_no_file_prints_the_usage_and_exits_with_2() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

		assertThat(LocalValidation.command(List.of("--date-format=DD/MM", "x.csv"), System.out, errors)).isEqualTo(2);
		assertThat(LocalValidation.command(List.of("--date-format=DMY"), System.out, errors)).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
				"validate: --date-format: 'DD/MM' is not DMY, MDY or YMD", USAGE_FIRST_LINE, USAGE_DATE_FORMAT,
				USAGE_PROJECTS, "validate: name the file to check", USAGE_FIRST_LINE, USAGE_DATE_FORMAT,
				USAGE_PROJECTS);
	}

	private int command(String... arguments) {
		return LocalValidation.command(List.of(arguments), new PrintStream(this.output, true, StandardCharsets.UTF_8),
				new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	private int run(Path file) {
		return run(file, ImportProperties.defaultLimits());
	}

	private int run(Path file, ImportLimits limits) {
		PrintStream out = new PrintStream(this.output, true, StandardCharsets.UTF_8);
		return LocalValidation.run(file, out, limits, OrganisationProperties.defaultClientTypes(), CLOCK);
	}

	private List<String> lines() {
		return this.output.toString(StandardCharsets.UTF_8).lines().toList();
	}

	private Path copy(String name) throws IOException {
		return Files.write(this.directory.resolve(name), TestFiles.bytes(name));
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.directory.resolve(name), text);
	}

}
