package io.clientdesk.importing.rows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.clientdesk.importing.file.Cells;
import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.CsvRow;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.ParsedFile;
import io.clientdesk.importing.file.RowError;
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

class RowValidatorTest {

	private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

	private final RowValidator validator = new RowValidator(List.of("Personal", "Corporate"),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void parses_every_field_of_a_valid_row() {
		ValidatedRow row = validate(Map.of(ID, "66829b2e43c91e3ce480b6c4", FIRST_NAME, "José", LAST_NAME, "Müller",
				EMAIL, " Jose.Muller@Example.COM ", PROJECT, "66829b2e43c91e3ce480b6c5", DESK,
				"66829b2e43c91e3ce480b6c6", ACTIVE, "No", TYPE, "CORPORATE", CREATED, "2024-06-13T15:06:02.802Z"));

		assertThat(row.errors()).isEmpty();
		assertThat(row.fields()).isEqualTo(new ClientFields("66829b2e43c91e3ce480b6c4", "José", "Müller",
				"jose.muller@example.com", "66829b2e43c91e3ce480b6c5", "66829b2e43c91e3ce480b6c6", false, "Corporate",
				Instant.parse("2024-06-13T15:06:02.802Z")));
	}

	@Test
	void leaves_absent_and_empty_cells_null() {
		ValidatedRow row = validate(Map.of(EMAIL, "ann@example.com", FIRST_NAME, "", ACTIVE, ""));

		assertThat(row.errors()).isEmpty();
		assertThat(row.fields())
			.isEqualTo(new ClientFields(null, null, null, "ann@example.com", null, null, null, null, null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "66829B2E43C91E3CE480B6C4", "66829b2e43c91e3ce480b6c", "66829b2e43c91e3ce480b6c4a",
			"66829b2e43c91e3ce480b6cg", "not-an-id" })
	void rejects_an_id_that_is_not_24_lowercase_hex_digits(String id) {
		assertThat(validate(Map.of(ID, id)).errors())
			.extracting(RowError::column, RowError::value, (error) -> error.code().code())
			.containsExactly(tuple("id", id, "invalid_value"));
	}

	@Test
	void accepts_names_of_up_to_100_characters_counting_accented_letters_once() {
		String name = "é".repeat(99) + "𝒜";
		ValidatedRow row = validate(Map.of(FIRST_NAME, name, LAST_NAME, name));

		assertThat(row.errors()).isEmpty();
		assertThat(row.fields().firstName()).isEqualTo(name);
	}

	@Test
	void rejects_a_name_longer_than_100_characters() {
		ValidatedRow row = validate(Map.of(FIRST_NAME, "a".repeat(101), LAST_NAME, "b".repeat(101)));

		assertThat(row.errors()).extracting(RowError::column, (error) -> error.code().code(), RowError::message)
			.containsExactly(
					tuple("firstName", "too_long", "firstName is 101 characters long; at most 100 are allowed"),
					tuple("lastName", "too_long", "lastName is 101 characters long; at most 100 are allowed"));
		assertThat(row.fields().firstName()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ann\nMarie", "Ann\tMarie", "Ann\u0000", "Ann\u0085Marie", "Ann\u007F" })
	void rejects_a_name_with_a_control_character(String name) {
		assertThat(validate(Map.of(LAST_NAME, name)).errors())
			.extracting(RowError::column, (error) -> error.code().code())
			.containsExactly(tuple("lastName", "invalid_value"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ann@example.com", "ann.lee+crm@mail.example.co.uk", "o'neil@example.ie",
			"x@xn--bcher-kva.example", "a_b-c@sub-domain.example.org" })
	void accepts_a_valid_email(String email) {
		assertThat(validate(Map.of(EMAIL, email)).fields().email()).isEqualTo(email);
	}

	@ParameterizedTest
	@ValueSource(strings = { "bob@", "@example.com", "bob", "bob@example", "bob@@example.com", "bob@example..com",
			"bob.@example.com", "bo b@example.com", "bob@-example.com", "bob@example.c", "bob@exam_ple.com",
			"josé@example.com", "bob@example.com." })
	void rejects_an_invalid_email(String email) {
		assertThat(validate(Map.of(EMAIL, email)).errors())
			.extracting(RowError::column, RowError::value, (error) -> error.code().code(), RowError::message)
			.containsExactly(tuple("email", email, "invalid_email",
					"email " + Cells.quote(email) + " is not a valid email address"));
	}

	@Test
	void rejects_an_email_with_a_local_part_longer_than_64_characters() {
		assertThat(validate(Map.of(EMAIL, "a".repeat(65) + "@example.com")).errors())
			.extracting((error) -> error.code().code())
			.containsExactly("invalid_email");
	}

	@Test
	void rejects_an_email_longer_than_254_characters() {
		String email = "ab@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(60)
				+ ".com";
		assertThat(email).hasSize(250);

		assertThat(validate(Map.of(EMAIL, email)).errors()).isEmpty();
		assertThat(validate(Map.of(EMAIL, "xxxxx" + email)).errors()).extracting((error) -> error.code().code())
			.containsExactly("too_long");
	}

	@Test
	void says_that_a_project_or_desk_must_be_given_by_id() {
		ValidatedRow row = validate(Map.of(PROJECT, "Default project", DESK, "66829b2e43c91e3ce480b6c"));

		assertThat(row.errors()).extracting(RowError::column, (error) -> error.code().code(), RowError::message)
			.containsExactly(
					tuple("project", "invalid_value",
							"project 'Default project' is not a project ID; use the ID (24 lowercase hex digits) "
									+ "shown on the Projects page, not the name"),
					tuple("desk", "invalid_value",
							"desk '66829b2e43c91e3ce480b6c' is not a desk ID; use the ID (24 lowercase hex digits) "
									+ "shown on the Desks page, not the name"));
	}

	@ParameterizedTest
	@CsvSource({ "true,true", "TRUE,true", "Yes,true", "1,true", "false,false", "No,false", "0,false", "FaLsE,false" })
	void reads_active_as_true_false_yes_no_one_or_zero_in_any_case(String value, boolean active) {
		assertThat(validate(Map.of(ACTIVE, value)).fields().active()).isEqualTo(active);
	}

	@ParameterizedTest
	@ValueSource(strings = { "maybe", "y", "2", "on", "ja" })
	void rejects_any_other_active_value(String value) {
		assertThat(validate(Map.of(ACTIVE, value)).errors())
			.extracting((error) -> error.code().code(), RowError::message)
			.containsExactly(tuple("invalid_value",
					"active '" + value + "' is not a yes/no value; use true or false, yes or no, 1 or 0"));
	}

	@Test
	void stores_a_type_given_in_any_case_in_its_canonical_spelling() {
		assertThat(validate(Map.of(TYPE, "pErSoNaL")).fields().type()).isEqualTo("Personal");
	}

	@Test
	void rejects_an_unknown_type_listing_the_accepted_ones() {
		assertThat(validate(Map.of(TYPE, "Gold")).errors())
			.extracting((error) -> error.code().code(), RowError::message)
			.containsExactly(
					tuple("invalid_value", "type 'Gold' is not a client type; use one of Personal, Corporate"));
	}

	@ParameterizedTest
	@CsvSource({ "2024-06-13T15:06:02.802Z,2024-06-13T15:06:02.802Z", "2024-06-13T17:06:02+02:00,2024-06-13T15:06:02Z",
			"2024-06-13T15:06:02,2024-06-13T15:06:02Z", "2024-06-13T15:06,2024-06-13T15:06:00Z",
			"2024-06-13,2024-06-13T00:00:00Z", "2025-03-01T12:00:00Z,2025-03-01T12:00:00Z" })
	void reads_created_as_an_instant_an_offset_date_time_a_utc_date_time_or_a_date(String value, Instant created) {
		assertThat(validate(Map.of(CREATED, value)).fields().created()).isEqualTo(created);
	}

	@ParameterizedTest
	@ValueSource(strings = { "13/06/2024", "2024-13-01", "2024-06-13  15:06:02", "yesterday", "1718291162" })
	void rejects_a_created_value_that_is_not_iso_8601(String value) {
		assertThat(validate(Map.of(CREATED, value)).errors()).extracting((error) -> error.code().code())
			.containsExactly("invalid_value");
	}

	@Test
	void rejects_a_created_time_in_the_future() {
		assertThat(validate(Map.of(CREATED, "2025-03-01T12:00:00.001Z")).errors())
			.extracting((error) -> error.code().code(), RowError::message)
			.containsExactly(tuple("invalid_value", "created '2025-03-01T12:00:00.001Z' is in the future"));
	}

	@Test
	void reports_every_invalid_field_of_a_row() {
		ValidatedRow row = validate(Map.of(ID, "x", EMAIL, "y", ACTIVE, "z", TYPE, "w", CREATED, "v"));

		assertThat(row.errors()).extracting(RowError::line).containsOnly(7);
		assertThat(row.errors()).extracting(RowError::column)
			.containsExactly("id", "email", "active", "type", "created");
	}

	@Test
	void gives_a_row_with_a_wrong_number_of_fields_only_its_field_count_error() {
		RowError fieldCount = RowError.of(7, null, "3", ErrorCode.FIELD_COUNT, "the row has 3 fields");
		ValidatedRow row = this.validator.validate(new CsvRow(7, Map.of(EMAIL, "bad"), fieldCount));

		assertThat(row.errors()).containsExactly(fieldCount);
		assertThat(row.fields().email()).isNull();
	}

	@Test
	void requires_first_name_and_email_for_a_new_client() {
		ValidatedRow row = validate(Map.of(LAST_NAME, "Lee"));

		assertThat(this.validator.requiredForCreate(row))
			.extracting(RowError::line, RowError::column, (error) -> error.code().code())
			.containsExactly(tuple(7, "firstName", "required"), tuple(7, "email", "required"));
	}

	@Test
	void requires_nothing_more_of_a_new_client_with_first_name_and_email() {
		assertThat(this.validator.requiredForCreate(validate(Map.of(FIRST_NAME, "Ann", EMAIL, "ann@example.com"))))
			.isEmpty();
	}

	@Test
	void does_not_call_an_invalid_email_missing() {
		ValidatedRow row = validate(Map.of(FIRST_NAME, "Ann", EMAIL, "bob@"));

		assertThat(this.validator.requiredForCreate(row)).isEmpty();
		assertThat(row.errors()).extracting((error) -> error.code().code()).containsExactly("invalid_email");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ann\u202Egnp.exe", "\u202Bx", "Lee\u2067x\u2069", "\u202Ax" })
	void refuses_a_name_with_a_bidi_override_embedding_or_isolate_naming_the_character(String name) {
		ValidatedRow row = validate(Map.of(FIRST_NAME, name, LAST_NAME, name, EMAIL, "ann@example.com"));

		assertThat(row.errors()).extracting(RowError::column, (error) -> error.code().code())
			.containsExactly(tuple("firstName", "invalid_value"), tuple("lastName", "invalid_value"));
		assertThat(row.errors().get(0).message()).matches("firstName contains U\\+20(2[A-E]|6[6-9]) \\(.+\\), which "
				+ "changes how the text around it reads; remove it");
	}

	@Test
	void accepts_right_to_left_names_with_direction_marks_and_emoji_with_joiners() {
		ValidatedRow row = validate(Map.of(FIRST_NAME, "\u05D3\u05E0\u05D4\u200F", LAST_NAME,
				"\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", EMAIL, "ann@example.com"));

		assertThat(row.errors()).isEmpty();
	}

	@Test
	void validates_every_row_of_a_real_file() {
		ParsedFile file = TestFiles.parse("row-errors.csv");

		List<RowError> errors = file.rows()
			.stream()
			.flatMap((row) -> this.validator.validate(row).errors().stream())
			.toList();

		assertThat(errors).extracting(RowError::line, RowError::column, (error) -> error.code().code())
			.containsExactly(tuple(2, "id", "invalid_value"), tuple(3, "firstName", "too_long"),
					tuple(4, "firstName", "invalid_value"), tuple(6, "email", "invalid_email"),
					tuple(7, "email", "too_long"), tuple(8, "project", "invalid_value"),
					tuple(9, "desk", "invalid_value"), tuple(10, "active", "invalid_value"),
					tuple(11, "type", "invalid_value"), tuple(12, "created", "invalid_value"),
					tuple(13, "created", "invalid_value"), tuple(14, null, "field_count"));
	}

	private ValidatedRow validate(Map<ClientColumn, String> cells) {
		return this.validator.validate(new CsvRow(7, new EnumMap<>(cells)));
	}

}
