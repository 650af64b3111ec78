package io.clientdesk.importing.rows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.CsvRow;
import io.clientdesk.importing.file.FileRejectedException;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Dates as people write them: RFC 3339 with a space, and numeric dates read only in the
 * order the file declares.
 */
class DateOrderTest {

	private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

	@ParameterizedTest
	@CsvSource({ "DMY,DMY", "dmy,DMY", " MDY ,MDY", "ymd,YMD" })
	void parses_the_three_orders_ignoring_case_and_spaces(String text, DateOrder order) {
		assertThat(DateOrder.parse(text)).contains(order);
	}

	@Test
	void parses_no_text_as_no_declared_order() {
		assertThat(DateOrder.parse(null)).isEmpty();
		assertThat(DateOrder.parse(" ")).isEmpty();
	}

	@Test
	void refuses_another_order_naming_the_allowed_values() {
		assertThatIllegalArgumentException().isThrownBy(() -> DateOrder.parse("DDMMYYYY"))
			.withMessage("'DDMMYYYY' is not DMY, MDY or YMD");
	}

	@ParameterizedTest
	@CsvSource({ "2024-03-04 10:11:12,2024-03-04T10:11:12Z", "2024-03-04 10:11:12.345,2024-03-04T10:11:12.345Z",
			"2024-03-04 10:11:12.123456789Z,2024-03-04T10:11:12.123456789Z",
			"2024-03-04 10:11:12+02:00,2024-03-04T08:11:12Z", "2024-03-04 10:11:12.5-05:30,2024-03-04T15:41:12.500Z",
			"2024-03-04t10:11:12z,2024-03-04T10:11:12Z", "2024-02-29 23:59:59Z,2024-02-29T23:59:59Z" })
	void reads_rfc_3339_with_a_space_for_the_t_without_a_declared_order(String value, Instant created) {
		assertThat(created(null, value)).isEqualTo(created);
	}

	@ParameterizedTest
	@CsvSource({ "DMY,04/03/2024,2024-03-04T00:00:00Z", "MDY,04/03/2024,2024-04-03T00:00:00Z",
			"DMY,4.3.2024,2024-03-04T00:00:00Z", "DMY,04-03-2024,2024-03-04T00:00:00Z",
			"YMD,2024/03/04,2024-03-04T00:00:00Z", "YMD,2024.3.4,2024-03-04T00:00:00Z",
			"DMY,04/03/2024 10:11,2024-03-04T10:11:00Z", "MDY,04/03/2024 10:11:12,2024-04-03T10:11:12Z",
			"DMY,4.3.2024 9:05:07.25,2024-03-04T09:05:07.250Z", "DMY,04/03/2024 10:11:12+02:00,2024-03-04T08:11:12Z",
			"DMY,04/03/2024 10:11:12Z,2024-03-04T10:11:12Z", "DMY,29/02/2024,2024-02-29T00:00:00Z",
			"MDY,02/29/2000,2000-02-29T00:00:00Z", "DMY,31/12/1999 23:59:59,1999-12-31T23:59:59Z" })
	void reads_a_numeric_date_in_the_declared_order(DateOrder order, String value, Instant created) {
		assertThat(created(order, value)).isEqualTo(created);
	}

	@Test
	void reads_iso_dates_whatever_order_is_declared() {
		for (DateOrder order : DateOrder.values()) {
			assertThat(created(order, "2024-03-04")).isEqualTo(Instant.parse("2024-03-04T00:00:00Z"));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"DMY|13/25/2024|created '13/25/2024' does not fit the date order declared for the file, day-month-year (DMY): there is no month 25",
			"MDY|25/12/2024|created '25/12/2024' does not fit the date order declared for the file, month-day-year (MDY): there is no month 25",
			"DMY|29/02/2023|created '29/02/2023' does not fit the date order declared for the file, day-month-year (DMY): 2023 is not a leap year: February has 28 days",
			"MDY|02/29/1900|created '02/29/1900' does not fit the date order declared for the file, month-day-year (MDY): 1900 is not a leap year: February has 28 days",
			"DMY|31/04/2024|created '31/04/2024' does not fit the date order declared for the file, day-month-year (DMY): there is no day 31 in April 2024",
			"DMY|00/04/2024|created '00/04/2024' does not fit the date order declared for the file, day-month-year (DMY): there is no day 0 in April 2024",
			"DMY|04/03/24|created '04/03/24' does not fit the date order declared for the file, day-month-year (DMY): the year 24 has two digits; write it with four (24 may be 1924 or 2024)",
			"DMY|2024/03/04|created '2024/03/04' does not fit the date order declared for the file, day-month-year (DMY): 2024 is not a day",
			"YMD|04/03/2024|created '04/03/2024' does not fit the date order declared for the file, year-month-day (YMD): 2024 is not a day",
			"MDY|04/03/202|created '04/03/202' does not fit the date order declared for the file, month-day-year (MDY): 202 is not a year of four digits",
			"DMY|04/03/2024 24:00|created '04/03/2024 24:00' does not fit the date order declared for the file, day-month-year (DMY): 24:00 is not a time of day",
			"DMY|04/03/2024 10:00+19:00|created '04/03/2024 10:00+19:00' does not fit the date order declared for the file, day-month-year (DMY): +19:00 is not an offset from UTC" })
	void a_numeric_date_that_does_not_fit_the_declared_order_names_the_order_and_why(DateOrder order, String value,
			String message) {
		assertThat(errors(order, value)).extracting((error) -> error.code().code(), RowError::message)
			.containsExactly(tuple("invalid_value", message));
	}

	@Test
	void a_numeric_date_without_a_declared_order_is_not_guessed() {
		assertThat(errors(null, "04/03/2024")).extracting(RowError::message)
			.containsExactly("created '04/03/2024' could be day-month or month-day, and the file declares no date "
					+ "order; declare one of day-month-year (DMY), month-day-year (MDY), year-month-day (YMD)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "04/03/2024", "4.3.2024", "04-03-2024 10:11", "2024/03/04", "2024-3-4" })
	void a_file_with_a_numeric_date_and_no_declared_order_is_rejected_at_its_first_such_cell(String value) {
		List<CsvRow> rows = List.of(row(2, "2024-03-04 10:11:12"), row(3, ""), row(4, value), row(5, "05/03/2024"));

		FileRejectedException rejected = catchThrowableOfType(FileRejectedException.class,
				() -> RowValidator.requireDateOrder(rows, null));

		assertThat(rejected.kind()).isEqualTo(FileRejectedException.Kind.DATE_ORDER_NEEDED);
		assertThat(rejected.kind().code()).isEqualTo("date_order_needed");
		assertThat(rejected.problems()).extracting(Problem::line, Problem::column).containsExactly(tuple(4, "created"));
		assertThat(rejected.problems().get(0).message()).startsWith("created '" + value + "' could be day-month");
	}

	@Test
	void a_file_with_only_iso_dates_or_a_declared_order_needs_nothing_more() {
		RowValidator.requireDateOrder(List.of(row(2, "2024-03-04"), row(3, "2024-13-45 10:00")), null);
		RowValidator.requireDateOrder(List.of(row(2, "04/03/2024")), DateOrder.DMY);
	}

	private static Instant created(DateOrder order, String value) {
		List<RowError> errors = errors(order, value);
		assertThat(errors).isEmpty();
		return validator(order).validate(row(7, value)).fields().created();
	}

	private static List<RowError> errors(DateOrder order, String value) {
		return validator(order).validate(row(7, value)).errors();
	}

	private static RowValidator validator(DateOrder order) {
		return new RowValidator(List.of("Personal"), Clock.fixed(NOW, ZoneOffset.UTC), order);
	}

	private static CsvRow row(int line, String created) {
		return new CsvRow(line, Map.of(ClientColumn.CREATED, created));
	}

}
