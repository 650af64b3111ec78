package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestFiles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates as people write them, through HTTP with real files: RFC 3339 with a space as
 * databases export it, and day-first or month-first dates read only in the order the
 * upload declares ({@code dateFormat}).
 */
@IntegrationTest
class ImportDatesIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	@Test
	void imports_rfc_3339_dates_with_a_space_as_the_instants_they_name() {
		JsonNode done = this.imports.run(this.run + ".csv", file("dates-database-export.csv"), "", Login.ADMIN);

		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
		assertThat(done.get("dateFormat").isNull()).isTrue();
		assertThat(created("db1")).isEqualTo("2024-03-04T10:11:12.000Z");
		assertThat(created("db2")).isEqualTo("2024-03-04T08:11:12.345Z");
		assertThat(created("db3")).isEqualTo("2024-03-04T10:11:12.000Z");
	}

	@Test
	void a_file_with_day_or_month_first_dates_and_no_date_order_is_rejected_offering_the_choice() {
		Api.Response response = this.imports.upload(this.run + ".csv", file("dates-day-or-month-first.csv"), "",
				Login.ADMIN);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("code").asString()).isEqualTo("date_order_needed");
		assertThat(problem.get("detail").asString()).startsWith("The file's date order is needed: created '04/03/2024'")
			.contains("Pass dateFormat=DMY, MDY or YMD");
		assertThat(problem.get("errors")).hasSize(1);
		assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(3);
		assertThat(problem.get("errors").get(0).get("column").asString()).isEqualTo("created");
		assertThat(this.api.get("/api/clients?q=" + this.run, Login.ADMIN).json().get("total").asInt()).isZero();
	}

	@Test
	void reads_day_first_dates_with_dmy_and_month_first_dates_with_mdy() {
		JsonNode dayFirst = this.imports.run(this.run + ".csv", file("dates-day-or-month-first.csv"), "?dateFormat=DMY",
				Login.ADMIN);
		assertThat(dayFirst.get("status").asString()).as(dayFirst.toString()).isEqualTo("SUCCEEDED");
		assertThat(dayFirst.get("dateFormat").asString()).isEqualTo("DMY");
		assertThat(created("dm1")).isEqualTo("2024-03-01T00:00:00.000Z");
		assertThat(created("dm2")).isEqualTo("2024-03-04T00:00:00.000Z");
		assertThat(created("dm3")).isEqualTo("2024-03-04T10:11:00.000Z");

		JsonNode monthFirst = this.imports.run(this.run + ".csv", file("dates-day-or-month-first.csv"),
				"?dateFormat=mdy", Login.ADMIN);
		assertThat(monthFirst.get("status").asString()).as(monthFirst.toString()).isEqualTo("SUCCEEDED");
		assertThat(monthFirst.get("dateFormat").asString()).isEqualTo("MDY");
		assertThat(monthFirst.get("updated").asInt()).isEqualTo(2);
		assertThat(created("dm1")).isEqualTo("2024-03-01T00:00:00.000Z");
		assertThat(created("dm2")).isEqualTo("2024-04-03T00:00:00.000Z");
		assertThat(created("dm3")).isEqualTo("2024-04-03T10:11:00.000Z");
	}

	@Test
	void a_date_that_does_not_fit_the_declared_order_is_a_row_error_naming_line_column_and_order() {
		JsonNode done = this.imports.run(this.run + ".csv", file("dates-not-day-first.csv"), "?dateFormat=DMY",
				Login.ADMIN);

		assertThat(done.get("status").asString()).isEqualTo("FAILED");
		assertThat(done.get("failed").asInt()).isEqualTo(2);
		assertThat(this.imports.errorReport(done.get("id").asString(), Login.ADMIN)).containsExactly(
				java.util.List.of("line", "column", "value", "code", "error"),
				java.util.List.of("2", "created", "13/25/2024", "invalid_value",
						"created '13/25/2024' does not fit the date order declared for the file, "
								+ "day-month-year (DMY): there is no month 25"),
				java.util.List.of("3", "created", "29/02/2023", "invalid_value",
						"created '29/02/2023' does not fit the date order declared for the file, "
								+ "day-month-year (DMY): 2023 is not a leap year: February has 28 days"));
	}

	@Test
	void rejects_a_date_format_other_than_dmy_mdy_or_ymd_with_400_naming_it() {
		Api.Response response = this.imports.upload(this.run + ".csv", file("dates-day-or-month-first.csv"),
				"?dateFormat=DD/MM/YYYY", Login.ADMIN);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).contains("dateFormat");
		assertThat(response.json().get("errors").get(0).get("column").asString()).isEqualTo("dateFormat");
		assertThat(response.json().get("errors").get(0).get("message").asString())
			.isEqualTo("'DD/MM/YYYY' is not DMY, MDY or YMD");
	}

	@Test
	void committing_a_dry_run_reads_the_dates_in_the_order_the_dry_run_declared() {
		JsonNode dryRun = this.imports.run(this.run + ".csv", file("dates-day-or-month-first.csv"),
				"?dryRun=true&dateFormat=MDY", Login.ADMIN);
		assertThat(dryRun.get("status").asString()).as(dryRun.toString()).isEqualTo("SUCCEEDED");

		Api.Response commit = this.api.post("/api/imports/" + dryRun.get("id").asString() + "/commit", "", Login.ADMIN);
		assertThat(commit.status()).as(commit.body()).isEqualTo(202);
		assertThat(commit.json().get("dateFormat").asString()).isEqualTo("MDY");
		JsonNode committed = this.imports.awaitEnd(commit.json().get("id").asString(), Login.ADMIN);

		assertThat(committed.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(committed.get("dateFormat").asString()).isEqualTo("MDY");
		assertThat(created("dm2")).isEqualTo("2024-04-03T00:00:00.000Z");
	}

	private byte[] file(String name) {
		return TestFiles.withRun(name, StandardCharsets.UTF_8, this.run);
	}

	private String created(String prefix) {
		return this.api.onlyClient(prefix + "-" + this.run, Login.ADMIN).get("created").asString();
	}

}
