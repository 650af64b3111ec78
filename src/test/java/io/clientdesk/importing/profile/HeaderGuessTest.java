package io.clientdesk.importing.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.FilePreview;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proposals for files with foreign headers: by name in several languages and near
 * spellings, by content where the name says nothing, each field once.
 */
class HeaderGuessTest {

	final KnownValues known = new KnownValues(List.of("Personal", "Corporate"),
			Map.of(ClientColumn.PROJECT, List.of(new KnownValues.Unit("6b0f522742fe1e5f16f2c17a", "Brand")),
					ClientColumn.DESK, List.of(new KnownValues.Unit("6b0f522742fe1e5f16f2c17b", "Retail EU"))));

	@Test
	void headers_in_other_languages_and_near_spellings_are_proposed_by_name() {
		ImportProfile proposed = propose(List.of("Prénom", "Apellidos", "Courriel", "Abteilung", "Emial Adresse"),
				List.of("Léa", "Díaz", "lea@example.com", "Retail EU", "siehe oben"));
		assertThat(proposed.columns()).containsExactlyEntriesOf(map("Prénom", "firstName", "Apellidos", "lastName",
				"Courriel", "email", "Abteilung", "desk", "Emial Adresse", null));
	}

	@Test
	void columns_whose_names_say_nothing_are_proposed_by_their_content_and_each_field_once() {
		ImportProfile proposed = propose(List.of("Spalte 1", "Spalte 2", "Spalte 3", "Spalte 4", "Mail"),
				List.of("a@example.com", "J", "13.06.2024", "Anna", "b@example.com"));
		// "Mail" is a known name for email, stronger than the first column's content
		assertThat(proposed.columns()).containsExactlyEntriesOf(
				map("Spalte 1", null, "Spalte 2", "active", "Spalte 3", "created", "Spalte 4", null, "Mail", "email"));
		assertThat(proposed.values()).containsExactly(Map.entry("active", Map.of("J", "true")));
		assertThat(proposed.dateFormat()).isEqualTo("DMY");
	}

	@Test
	void values_the_importer_would_not_take_are_proposed_and_the_rest_left_for_the_user() {
		FilePreview file = new FilePreview(List.of("E-Mail", "Aktiv", "Typ", "Abteilung"),
				List.of(List.of("a@example.com", "ja", "Firma", "retail eu"),
						List.of("b@example.com", "yes", "Privat", "Retail"),
						List.of("c@example.com", "nein", "Personal", "6b0f522742fe1e5f16f2c17b")));
		ImportProfile proposed = new HeaderGuess(this.known).propose(file);
		assertThat(proposed.values().get("active")).containsExactly(Map.entry("ja", "true"),
				Map.entry("nein", "false"));
		assertThat(proposed.values().get("type")).containsExactly(Map.entry("Firma", "Corporate"),
				Map.entry("Privat", "Personal"));
		assertThat(proposed.values().get("desk"))
			.containsExactlyEntriesOf(map("retail eu", "Retail EU", "Retail", null));
	}

	@Test
	void the_date_order_is_proposed_only_where_the_dates_tell() {
		assertThat(HeaderGuess.dateOrder(List.of("04/03/2024", "12/25/2024"))).isEqualTo("MDY");
		assertThat(HeaderGuess.dateOrder(List.of("25/12/2024"))).isEqualTo("DMY");
		assertThat(HeaderGuess.dateOrder(List.of("04/03/2024"))).isNull();
		assertThat(HeaderGuess.dateOrder(List.of("2024-06-13"))).isNull();
	}

	/**
	 * An ordered map that may hold null values: "ignore this column", "choose a value".
	 */
	private static Map<String, String> map(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private ImportProfile propose(List<String> headers, List<String> row) {
		return new HeaderGuess(this.known).propose(new FilePreview(headers, List.of(row)));
	}

}
