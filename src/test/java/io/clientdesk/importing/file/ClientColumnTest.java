package io.clientdesk.importing.file;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientColumnTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			id          | ID
			ID          | ID
			firstName   | FIRST_NAME
			First Name  | FIRST_NAME
			first_name  | FIRST_NAME
			FIRST-NAME  | FIRST_NAME
			Last Name   | LAST_NAME
			last_name   | LAST_NAME
			Email       | EMAIL
			E-mail      | EMAIL
			e_mail      | EMAIL
			Project     | PROJECT
			DESK        | DESK
			Active      | ACTIVE
			Type        | TYPE
			Created     | CREATED
			""")
	void matches_headers_ignoring_case_spaces_underscores_and_hyphens(String header, ClientColumn column) {
		assertThat(ClientColumn.fromHeader(header)).contains(column);
	}

	@Test
	void matches_a_header_with_surrounding_and_no_break_spaces() {
		assertThat(ClientColumn.fromHeader("\u00A0 First\u00A0Name ")).contains(ClientColumn.FIRST_NAME);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "phone", "name", "mail", "first", "ids" })
	void knows_no_other_headers(String header) {
		assertThat(ClientColumn.fromHeader(header)).isEmpty();
	}

	@Test
	void every_alias_and_canonical_header_names_its_own_column() {
		for (ClientColumn column : ClientColumn.values()) {
			assertThat(ClientColumn.fromHeader(column.header())).contains(column);
			for (String alias : column.aliases()) {
				assertThat(ClientColumn.fromHeader(alias)).as(alias).contains(column);
			}
		}
	}

	@Test
	void only_first_name_and_email_are_required_on_create() {
		assertThat(Arrays.stream(ClientColumn.values()).filter(ClientColumn::requiredOnCreate))
			.containsExactly(ClientColumn.FIRST_NAME, ClientColumn.EMAIL);
	}

	@Test
	void canonical_headers_are_in_the_order_of_the_clients_list() {
		assertThat(ClientColumn.canonicalHeaders()).containsExactly("id", "firstName", "lastName", "email", "project",
				"desk", "active", "type", "created");
		assertThat(ClientColumn.canonicalHeaderList())
			.isEqualTo("id, firstName, lastName, email, project, desk, active, type, created");
	}

	@Test
	void every_column_describes_its_values_and_default_in_sentences() {
		for (ClientColumn column : ClientColumn.values()) {
			assertThat(column.acceptedValues()).as(column.header()).endsWith(".").hasSizeGreaterThan(10);
			assertThat(column.defaultOnCreate()).as(column.header()).endsWith(".");
		}
	}

}
