package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Multipart;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner files with foreign headers: a mapping proposed for the file's columns, saved as
 * a named import profile, and the next file with the same headers imported by it at once
 * ({@code POST /api/imports?profile=}); a file whose columns differ from its profile
 * refused, naming them; profiles listed, saved, edited and deleted by managers.
 */
@IntegrationTest
class ImportProfilesIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	/**
	 * Profiles are everybody's: the phone column is this test's own, so that a profile of
	 * another test never matches its files.
	 */
	final String phone = "Telefon " + this.run;

	final String germanHeader = "Vorname;Nachname;E-Mail;Aktiv;Projekt;Abteilung;" + this.phone;

	Login manager;

	String project;

	String desk;

	@BeforeEach
	void organisation() {
		this.manager = this.api.user("profiles-" + this.run, "MANAGER");
		this.project = this.api.newProject("Brand " + this.run);
		this.desk = this.api.newDesk("Retail " + this.run);
	}

	@Test
	void a_german_partner_file_is_proposed_a_mapping_saved_as_a_profile_and_the_next_file_imports_by_it_at_once() {
		byte[] first = german("juergen", "J", "anna", "N");
		Api.Response plain = this.imports.upload("partner.csv", first, "", this.manager);
		assertThat(plain.status()).isEqualTo(422);
		assertThat(plain.body()).contains("unknown column 'Vorname'");

		JsonNode proposal = proposal("partner.csv", first);
		assertThat(proposal.get("known").asBoolean()).isFalse();
		assertThat(proposal.get("profile").isNull()).isTrue();
		Map<String, String> columns = strings(proposal.get("columns"));
		assertThat(columns).containsExactly(Map.entry("Vorname", "firstName"), Map.entry("Nachname", "lastName"),
				Map.entry("E-Mail", "email"), Map.entry("Aktiv", "active"), Map.entry("Projekt", "project"),
				Map.entry("Abteilung", "desk"), Map.entry(this.phone, "null"));
		assertThat(strings(proposal.get("values").get("active"))).containsExactly(Map.entry("J", "true"),
				Map.entry("N", "false"));
		// no desk or project is named so: for the user to choose
		assertThat(strings(proposal.get("values").get("desk"))).containsExactly(Map.entry("Retail Süd", "null"));
		assertThat(strings(proposal.get("values").get("project"))).containsExactly(Map.entry("Partner A", "null"));
		assertThat(proposal.get("samples").get(this.phone).get(0).asString()).isEqualTo("+49 30 1234567");

		String name = "Partner A " + this.run;
		Api.Response saved = this.api.post("/api/import-profiles", profileJson(name), this.manager);
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		assertThat(saved.headers().firstValue("Location")).hasValue("/api/import-profiles/" + name.replace(" ", "%20"));
		assertThat(saved.json().get("values").get("desk").get("Retail Süd").asString()).isEqualTo("Retail " + this.run);

		JsonNode firstImport = this.imports.run("partner.csv", first, "?profile=" + name.replace(" ", "%20"),
				this.manager);
		assertThat(firstImport.get("status").asString()).as(firstImport.toString()).isEqualTo("SUCCEEDED");
		assertThat(firstImport.get("created").asInt()).isEqualTo(2);
		assertThat(firstImport.get("profile").asString()).isEqualTo(name);
		JsonNode anna = this.api.onlyClient("anna." + this.run, this.manager);
		assertThat(anna.get("firstName").asString()).isEqualTo("Anna");
		assertThat(anna.get("lastName").asString()).isEqualTo("Müller");
		assertThat(anna.get("active").asBoolean()).isFalse();
		assertThat(anna.get("desk").asString()).isEqualTo(this.desk);
		assertThat(anna.get("project").asString()).isEqualTo(this.project);
		assertThat(this.api.onlyClient("juergen." + this.run, this.manager).get("active").asBoolean()).isTrue();

		// the next file with the same headers (in another order of rows and case) is
		// known at once, and imports without a question
		byte[] second = german("carla", "N", "dieter", "J");
		JsonNode again = proposal("partner-june.csv", second);
		assertThat(again.get("profile").asString()).isEqualTo(name);
		JsonNode secondImport = this.imports.run("partner-june.csv", second,
				"?profile=" + name.toLowerCase().replace(" ", "%20"), this.manager);
		assertThat(secondImport.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(secondImport.get("created").asInt()).isEqualTo(2);
		assertThat(this.api.onlyClient("carla." + this.run, this.manager).get("active").asBoolean()).isFalse();
	}

	@Test
	void errors_of_a_mapped_file_name_its_physical_line_and_its_own_column_header() {
		String name = "Errors " + this.run;
		assertThat(this.api.post("/api/import-profiles", profileJson(name), this.manager).status()).isEqualTo(201);
		// line 3 is blank, the record of line 4 goes on on line 5
		String file = this.germanHeader + "\n" + row("ok", "J") + "\n\n"
				+ "Eva;Roth;not-an-email;J;Partner A;Retail Süd;\"030\n1234\"\n" + row("bad", "vielleicht") + "\n";
		JsonNode failed = this.imports.run("partner.csv", file.getBytes(StandardCharsets.UTF_8),
				"?profile=" + name.replace(" ", "%20"), this.manager);
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		List<List<String>> report = this.imports.errorReport(failed.get("id").asString(), this.manager);
		assertThat(report).extracting((line) -> line.get(0) + ":" + line.get(1) + ":" + line.get(3))
			.containsExactly("line:column:code", "4:E-Mail:invalid_email", "6:Aktiv:invalid_value");
	}

	@Test
	void a_file_whose_columns_differ_from_its_profile_is_refused_naming_the_columns() {
		String name = "Strict " + this.run;
		assertThat(this.api.post("/api/import-profiles", profileJson(name), this.manager).status()).isEqualTo(201);
		String query = "?profile=" + name.replace(" ", "%20");

		Api.Response added = this.imports.upload("added.csv",
				(this.germanHeader + ";Geburtstag\n" + row("x", "J") + ";1990-01-01\n")
					.getBytes(StandardCharsets.UTF_8),
				query, this.manager);
		assertThat(added.status()).isEqualTo(422);
		assertThat(columns(added)).containsExactly("Geburtstag");
		assertThat(added.json().get("detail").asString()).contains("'Geburtstag' is not in the import profile");

		Api.Response renamed = this.imports.upload("renamed.csv",
				(this.germanHeader.replace("Abteilung", "Team") + "\n" + row("x", "J") + "\n")
					.getBytes(StandardCharsets.UTF_8),
				query, this.manager);
		assertThat(renamed.status()).isEqualTo(422);
		assertThat(columns(renamed)).containsExactlyInAnyOrder("Team", "Abteilung");
		assertThat(renamed.body()).contains("'Abteilung' of the import profile", "is missing from the file");

		Api.Response missing = this.imports.upload("missing.csv",
				("Vorname;Nachname;E-Mail;Projekt;Abteilung;" + this.phone
						+ "\nOla;Nord;ola@example.com;Partner A;Retail Süd;\n")
					.getBytes(StandardCharsets.UTF_8),
				query, this.manager);
		assertThat(missing.status()).isEqualTo(422);
		assertThat(columns(missing)).containsExactly("Aktiv");

		Api.Response noSuchProfile = this.imports.upload("partner.csv", german("x", "J", "y", "N"),
				"?profile=nobody-" + this.run, this.manager);
		assertThat(noSuchProfile.status()).isEqualTo(422);
		assertThat(columns(noSuchProfile)).containsExactly("profile");
		// nothing of the refused files was stored
		assertThat(this.api.get("/api/imports", this.manager).json().findValuesAsString("fileName"))
			.doesNotContain("added.csv", "renamed.csv", "missing.csv");
	}

	@Test
	void managers_and_admins_list_save_edit_and_delete_profiles_and_agents_may_not() {
		Login agent = this.api.user("agent-" + this.run, "AGENT");
		String name = "Crud " + this.run;
		String path = "/api/import-profiles/" + name.replace(" ", "%20");
		assertThat(this.api.get("/api/import-profiles", agent).status()).isEqualTo(403);
		assertThat(this.api.post("/api/import-profiles", profileJson(name), agent).status()).isEqualTo(403);
		assertThat(this.api.get("/api/import-profiles", null).status()).isEqualTo(401);

		assertThat(this.api.post("/api/import-profiles", profileJson(name), this.manager).status()).isEqualTo(201);
		assertThat(this.api.post("/api/import-profiles", profileJson(name.toUpperCase()), Login.ADMIN).status())
			.as("names are unique ignoring case")
			.isEqualTo(409);
		assertThat(this.api.get("/api/import-profiles", Login.ADMIN).json().findValuesAsString("name")).contains(name);
		assertThat(this.api.delete(path, agent).status()).isEqualTo(403);

		// an admin edits it: Telefon is now the last name, Nachname ignored
		String edited = profileJson(name).replace("\"Nachname\":\"lastName\"", "\"Nachname\":null")
			.replace("\"" + this.phone + "\":null", "\"" + this.phone + "\":\"lastName\"")
			.replace("\"dateFormat\":null", "\"dateFormat\":\"dmy\"");
		Api.Response put = this.api.put(path, edited, Login.ADMIN);
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		JsonNode read = this.api.get(path, this.manager).json();
		assertThat(read.get("columns").get("Nachname").isNull()).isTrue();
		assertThat(read.get("columns").get(this.phone).asString()).isEqualTo("lastName");
		assertThat(read.get("dateFormat").asString()).isEqualTo("DMY");

		// renamed by a PUT with another name
		String renamedPath = "/api/import-profiles/Renamed%20" + this.run;
		assertThat(this.api.put(path, edited.replace(name, "Renamed " + this.run), this.manager).status())
			.isEqualTo(200);
		assertThat(this.api.get(path, this.manager).status()).isEqualTo(404);
		assertThat(this.api.delete(renamedPath, this.manager).status()).isEqualTo(204);
		assertThat(this.api.get(renamedPath, this.manager).status()).isEqualTo(404);
		assertThat(this.api.delete(renamedPath, this.manager).status()).isEqualTo(404);
	}

	@Test
	void a_profile_with_unknown_fields_a_field_mapped_twice_or_values_of_unknown_fields_is_refused_naming_them() {
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("name", "Bad " + this.run);
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("Vorname", "vorname");
		columns.put("E-Mail", "email");
		columns.put("Mail 2", "email");
		columns.put("Aktiv", "active");
		profile.put("columns", columns);
		profile.put("values",
				Map.of("colour", Map.of("rot", "red"), "active", Map.of("J", "vielleicht"), "email", Map.of("a", "b")));
		profile.put("dateFormat", "DD.MM.YYYY");
		Api.Response refused = this.api.post("/api/import-profiles", Api.json(profile), this.manager);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(columns(refused)).containsExactlyInAnyOrder("columns.Vorname", "columns.Mail 2", "values.colour",
				"values.active", "values.email", "dateFormat");
		assertThat(refused.body()).contains("'vorname' is not a client field",
				"the field email is mapped twice, from 'E-Mail' and from 'Mail 2'", "'colour' is not a client field",
				"'J' is mapped to 'vielleicht', which is not true or false", "values are mapped only for active",
				"'DD.MM.YYYY' is not a date order");

		Map<String, Object> noKey = Map.of("name", "No key " + this.run, "columns", Map.of("Vorname", "firstName"));
		Api.Response withoutEmail = this.api.post("/api/import-profiles", Api.json(noKey), this.manager);
		assertThat(withoutEmail.status()).isEqualTo(422);
		assertThat(withoutEmail.body()).contains("no column is mapped to id or email");

		Map<String, Object> unknownDesk = Map.of("name", "Desk " + this.run, "columns",
				Map.of("E-Mail", "email", "Abteilung", "desk"), "values", Map.of("desk", Map.of("Retail", "Nowhere")));
		Api.Response deskRefused = this.api.post("/api/import-profiles", Api.json(unknownDesk), this.manager);
		assertThat(deskRefused.status()).isEqualTo(422);
		assertThat(deskRefused.body())
			.contains("'Retail' is mapped to 'Nowhere', which is not the name or ID of a desk");
		assertThat(this.api.get("/api/import-profiles", this.manager).json().findValuesAsString("name"))
			.doesNotContain("Bad " + this.run, "No key " + this.run, "Desk " + this.run);
	}

	@Test
	void a_file_in_the_importers_own_columns_is_known_and_day_first_dates_are_proposed_as_dmy() {
		JsonNode known = proposal("clients.csv", "firstName,email\nAda,ada@example.com\n".getBytes());
		assertThat(known.get("known").asBoolean()).isTrue();

		JsonNode dated = proposal("dated.csv",
				"Prénom;Courriel;Créé le\nLéa;lea@example.com;13.06.2024\nMax;max@example.com;01.02.2023\n"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(strings(dated.get("columns"))).containsExactly(Map.entry("Prénom", "firstName"),
				Map.entry("Courriel", "email"), Map.entry("Créé le", "created"));
		assertThat(dated.get("dateFormat").asString()).isEqualTo("DMY");
	}

	private JsonNode proposal(String fileName, byte[] content) {
		Multipart multipart = Multipart.file("file", fileName, content);
		Api.Response response = this.api.send("POST", "/api/imports/mapping-proposal", multipart.publisher(),
				multipart.contentType(), this.manager);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** The profile a user makes of the proposal: the desk and project chosen. */
	private String profileJson(String name) {
		return "{\"name\":\"" + name + "\",\"columns\":{\"Vorname\":\"firstName\",\"Nachname\":\"lastName\","
				+ "\"E-Mail\":\"email\",\"Aktiv\":\"active\",\"Projekt\":\"project\",\"Abteilung\":\"desk\"," + "\""
				+ this.phone + "\":null},\"values\":{\"active\":{\"J\":\"true\",\"N\":\"false\"},"
				+ "\"project\":{\"Partner A\":\"Brand " + this.run + "\"},\"desk\":{\"Retail Süd\":\"retail " + this.run
				+ "\"}},\"dateFormat\":null}";
	}

	private byte[] german(String first, String firstActive, String second, String secondActive) {
		return (this.germanHeader + "\r\n" + row(first, firstActive) + "\r\n" + row(second, secondActive) + "\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private String row(String who, String active) {
		String first = Character.toUpperCase(who.charAt(0)) + who.substring(1);
		return first + ";Müller;" + who + "." + this.run + "@example.com;" + active
				+ ";Partner A;Retail Süd;+49 30 1234567";
	}

	private static List<String> columns(Api.Response response) {
		return response.json().get("errors").findValuesAsString("column");
	}

	private static Map<String, String> strings(JsonNode object) {
		Map<String, String> map = new LinkedHashMap<>();
		object.properties()
			.forEach((entry) -> map.put(entry.getKey(),
					entry.getValue().isNull() ? "null" : entry.getValue().asString()));
		return map;
	}

}
