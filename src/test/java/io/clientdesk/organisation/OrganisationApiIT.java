package io.clientdesk.organisation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects, desks and the import defaults through the API. The database is shared with
 * other test classes: every name is unique, and a test that changes the import defaults
 * puts them back.
 */
@IntegrationTest
class OrganisationApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Api api;

	@Autowired
	OrganisationService organisation;

	@Test
	void first_start_creates_one_default_project_and_desk_and_import_defaults_pointing_to_them() {
		List<JsonNode> defaultProjects = named(this.api.get("/api/projects", Login.ADMIN), "Default project");
		List<JsonNode> defaultDesks = named(this.api.get("/api/desks", Login.ADMIN), "Default desk");
		assertThat(defaultProjects).hasSize(1);
		assertThat(defaultDesks).hasSize(1);

		JsonNode defaults = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		assertThat(fieldNames(defaults)).containsExactlyInAnyOrder("project", "desk", "active", "type");
		assertThat(defaults.get("project").asString()).isEqualTo(defaultProjects.get(0).get("id").asString());
		assertThat(defaults.get("desk").asString()).isEqualTo(defaultDesks.get(0).get("id").asString());
		assertThat(defaults.get("active").isBoolean()).isTrue();
		assertThat(defaults.get("active").asBoolean()).isTrue();
		assertThat(defaults.get("type").asString()).isEqualTo("Personal");
	}

	@Test
	void a_later_start_leaves_the_defaults_alone() {
		String projects = this.api.get("/api/projects", Login.ADMIN).body();
		String desks = this.api.get("/api/desks", Login.ADMIN).body();
		String defaults = this.api.get("/api/settings/import-defaults", Login.ADMIN).body();

		this.organisation.setUpDefaults();

		assertThat(this.api.get("/api/projects", Login.ADMIN).body()).isEqualTo(projects);
		assertThat(this.api.get("/api/desks", Login.ADMIN).body()).isEqualTo(desks);
		assertThat(this.api.get("/api/settings/import-defaults", Login.ADMIN).body()).isEqualTo(defaults);
	}

	@Test
	void an_admin_creates_a_project_and_finds_it_listed() {
		String name = "Project " + ObjectIds.next();
		Api.Response response = this.api.post("/api/projects", Api.json(Map.of("name", name)), Login.ADMIN);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode project = response.json();
		assertThat(fieldNames(project)).containsExactlyInAnyOrder("id", "name", "archived");
		assertThat(project.get("archived").isBoolean()).isTrue();
		assertThat(project.get("archived").asBoolean()).isFalse();
		assertThat(project.get("id").asString()).matches("[0-9a-f]{24}");
		assertThat(project.get("name").asString()).isEqualTo(name);
		assertThat(named(this.api.get("/api/projects", this.api.user("organisation-agent", "AGENT")), name))
			.singleElement()
			.satisfies((listed) -> assertThat(listed.get("id").asString()).isEqualTo(project.get("id").asString()));
	}

	@Test
	void an_admin_creates_a_desk_and_finds_it_listed() {
		String name = "Desk " + ObjectIds.next();
		Api.Response response = this.api.post("/api/desks", Api.json(Map.of("name", name)), Login.ADMIN);

		assertThat(response.status()).isEqualTo(201);
		JsonNode desk = response.json();
		assertThat(fieldNames(desk)).containsExactlyInAnyOrder("id", "name", "archived");
		assertThat(desk.get("id").asString()).matches("[0-9a-f]{24}");
		assertThat(desk.get("name").asString()).isEqualTo(name);
		assertThat(named(this.api.get("/api/desks", Login.ADMIN), name)).singleElement()
			.satisfies((listed) -> assertThat(listed.get("id").asString()).isEqualTo(desk.get("id").asString()));
	}

	@Test
	void a_name_is_stored_without_surrounding_spaces() {
		String name = "Trimmed " + ObjectIds.next();
		Api.Response response = this.api.post("/api/projects", Api.json(Map.of("name", "  " + name + "  ")),
				Login.ADMIN);
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("name").asString()).isEqualTo(name);
		assertThat(named(this.api.get("/api/projects", Login.ADMIN), name)).hasSize(1);
	}

	@Test
	void a_project_name_that_is_taken_is_a_conflict() {
		String name = "Taken " + ObjectIds.next();
		assertThat(this.api.post("/api/projects", Api.json(Map.of("name", name)), Login.ADMIN).status()).isEqualTo(201);

		for (String again : List.of(name, " " + name + " ")) {
			Api.Response response = this.api.post("/api/projects", Api.json(Map.of("name", again)), Login.ADMIN);
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("status").asInt()).isEqualTo(409);
			assertThat(response.json().get("detail").asString()).contains(name);
		}
		assertThat(named(this.api.get("/api/projects", Login.ADMIN), name)).hasSize(1);
	}

	@Test
	void a_desk_name_that_is_taken_is_a_conflict() {
		String name = "Taken desk " + ObjectIds.next();
		assertThat(this.api.post("/api/desks", Api.json(Map.of("name", name)), Login.ADMIN).status()).isEqualTo(201);

		Api.Response response = this.api.post("/api/desks", Api.json(Map.of("name", name)), Login.ADMIN);
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(named(this.api.get("/api/desks", Login.ADMIN), name)).hasSize(1);
	}

	@Test
	void a_project_without_a_name_is_refused_naming_the_field() {
		for (String body : List.of("{\"name\":\"\"}", "{\"name\":\"   \"}", "{}", "{\"name\":null}")) {
			Api.Response response = this.api.post("/api/projects", body, Login.ADMIN);
			assertThat(response.status()).as(body).isEqualTo(422);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(columns(response)).as(body).containsExactly("name");
		}
	}

	@Test
	void a_project_or_desk_name_with_a_nul_or_another_control_character_is_refused_naming_the_field() {
		for (String path : List.of("/api/projects", "/api/desks")) {
			for (String name : List.of("Nul\u0000 " + ObjectIds.next(), "Tab\t" + ObjectIds.next())) {
				Api.Response response = this.api.post(path, Api.json(Map.of("name", name)), Login.ADMIN);
				assertThat(response.status()).as(path).isEqualTo(422);
				assertThat(response.contentType()).startsWith("application/problem+json");
				assertThat(columns(response)).as(path).containsExactly("name");
				assertThat(response.json().get("errors").get(0).get("message").asString())
					.contains("control characters");
				assertThat(named(this.api.get(path, Login.ADMIN), name)).isEmpty();
			}
		}
	}

	@Test
	void a_desk_name_longer_than_100_characters_is_refused() {
		Api.Response response = this.api.post("/api/desks", Api.json(Map.of("name", "d".repeat(101))), Login.ADMIN);
		assertThat(response.status()).isEqualTo(422);
		assertThat(columns(response)).containsExactly("name");
	}

	@Test
	void import_defaults_naming_an_unknown_project_desk_and_type_are_refused_naming_each() {
		JsonNode before = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		Api.Response response = this.api.put("/api/settings/import-defaults", Api.json(
				Map.of("project", ObjectIds.next(), "desk", ObjectIds.next(), "active", false, "type", "Governmental")),
				Login.ADMIN);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(columns(response)).containsExactlyInAnyOrder("project", "desk", "type");
		assertThat(response.json().get("errors").toString()).contains("Personal").contains("Corporate");
		assertThat(this.api.get("/api/settings/import-defaults", Login.ADMIN).json()).isEqualTo(before);
	}

	@Test
	void import_defaults_with_only_an_unknown_desk_are_refused_naming_only_the_desk() {
		JsonNode before = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		Api.Response response = this.api.put("/api/settings/import-defaults", Api.json(Map.of("project",
				before.get("project").asString(), "desk", "not-an-id", "active", true, "type", "Personal")),
				Login.ADMIN);

		assertThat(response.status()).isEqualTo(422);
		assertThat(columns(response)).containsExactly("desk");
		assertThat(this.api.get("/api/settings/import-defaults", Login.ADMIN).json()).isEqualTo(before);
	}

	@Test
	void import_defaults_with_missing_fields_are_refused_naming_each() {
		Api.Response response = this.api.put("/api/settings/import-defaults", "{}", Login.ADMIN);
		assertThat(response.status()).isEqualTo(422);
		assertThat(columns(response)).containsExactlyInAnyOrder("project", "desk", "active", "type");
	}

	@Test
	void import_defaults_store_a_type_given_in_another_case_in_its_canonical_spelling() {
		JsonNode before = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		String project = this.api.newProject("Defaults " + ObjectIds.next());
		String desk = this.api.newDesk("Defaults " + ObjectIds.next());
		try {
			Api.Response response = this.api.put("/api/settings/import-defaults",
					Api.json(Map.of("project", project, "desk", desk, "active", false, "type", "corporate")),
					Login.ADMIN);

			assertThat(response.status()).isEqualTo(200);
			JsonNode expected = JSON
				.readTree(Api.json(Map.of("project", project, "desk", desk, "active", false, "type", "Corporate")));
			assertThat(response.json()).isEqualTo(expected);
			assertThat(this.api.get("/api/settings/import-defaults", Login.ADMIN).json()).isEqualTo(expected);
		}
		finally {
			Api.Response restored = this.api.put("/api/settings/import-defaults", before.toString(), Login.ADMIN);
			assertThat(restored.status()).isEqualTo(200);
		}
		assertThat(this.api.get("/api/settings/import-defaults", Login.ADMIN).json()).isEqualTo(before);
	}

	@Test
	void a_name_that_differs_only_in_case_is_taken() {
		String name = "Cased " + ObjectIds.next();
		for (String path : List.of("/api/projects", "/api/desks")) {
			assertThat(this.api.post(path, Api.json(Map.of("name", name)), Login.ADMIN).status()).isEqualTo(201);

			Api.Response response = this.api.post(path, Api.json(Map.of("name", name.toUpperCase())), Login.ADMIN);
			assertThat(response.status()).as(path).isEqualTo(409);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).contains(name.toUpperCase(), "as '" + name + "'",
					"ignoring case");
			assertThat(this.api.get(path, Login.ADMIN).body().toLowerCase()).containsOnlyOnce(name.toLowerCase());
		}
	}

	@Test
	void an_admin_renames_a_project_and_a_desk() {
		for (String path : List.of("/api/projects", "/api/desks")) {
			String id = created(path, "Old name " + ObjectIds.next());
			String name = "New name " + ObjectIds.next();

			Api.Response response = this.api.patch(path + "/" + id, Api.json(Map.of("name", " " + name + " ")),
					Login.ADMIN);

			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(response.json()).isEqualTo(unit(id, name, false));
			assertThat(named(this.api.get(path, Login.ADMIN), name)).singleElement()
				.satisfies((listed) -> assertThat(listed).isEqualTo(unit(id, name, false)));
		}
	}

	@Test
	void a_rename_that_changes_only_the_case_is_allowed_and_one_to_another_name_ignoring_case_is_a_conflict() {
		for (String path : List.of("/api/projects", "/api/desks")) {
			String name = "Recased " + ObjectIds.next();
			String id = created(path, name);
			String other = "Other " + ObjectIds.next();
			created(path, other);

			assertThat(this.api.patch(path + "/" + id, Api.json(Map.of("name", name.toUpperCase())), Login.ADMIN)
				.json()
				.get("name")
				.asString()).isEqualTo(name.toUpperCase());
			Api.Response taken = this.api.patch(path + "/" + id, Api.json(Map.of("name", other.toLowerCase())),
					Login.ADMIN);
			assertThat(taken.status()).as(path).isEqualTo(409);
			assertThat(taken.json().get("detail").asString()).contains(other);
			assertThat(named(this.api.get(path, Login.ADMIN), name.toUpperCase())).hasSize(1);
		}
	}

	@Test
	void an_admin_archives_a_desk_and_takes_it_out_of_the_archive_and_lists_show_it_flagged() {
		for (String path : List.of("/api/projects", "/api/desks")) {
			String name = "Archived " + ObjectIds.next();
			String id = created(path, name);

			Api.Response archived = this.api.patch(path + "/" + id, "{\"archived\":true}", Login.ADMIN);
			assertThat(archived.status()).as(path).isEqualTo(200);
			assertThat(archived.json()).isEqualTo(unit(id, name, true));
			assertThat(named(this.api.get(path, this.api.user("organisation-agent", "AGENT")), name)).singleElement()
				.satisfies((listed) -> assertThat(listed.get("archived").asBoolean()).isTrue());
			// a name stays taken while archived
			assertThat(this.api.post(path, Api.json(Map.of("name", name)), Login.ADMIN).status()).isEqualTo(409);

			Api.Response both = this.api.patch(path + "/" + id,
					Api.json(Map.of("name", name + " again", "archived", false)), Login.ADMIN);
			assertThat(both.status()).isEqualTo(200);
			assertThat(both.json()).isEqualTo(unit(id, name + " again", false));
		}
	}

	@Test
	void a_change_of_an_unknown_project_or_desk_is_not_found() {
		for (String path : List.of("/api/projects/", "/api/desks/")) {
			Api.Response response = this.api.patch(path + ObjectIds.next(), "{\"archived\":true}", Login.ADMIN);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void a_change_with_a_bad_body_is_refused_naming_the_field() {
		String id = created("/api/desks", "Bad body " + ObjectIds.next());
		for (String body : List.of("{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":null}",
				"{\"name\":\"" + "d".repeat(101) + "\"}", "{\"name\":\"Tab\\there\"}")) {
			Api.Response response = this.api.patch("/api/desks/" + id, body, Login.ADMIN);
			assertThat(response.status()).as(body).isEqualTo(422);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(columns(response)).as(body).containsExactly("name");
		}
		Api.Response notABoolean = this.api.patch("/api/desks/" + id, "{\"archived\":\"maybe\"}", Login.ADMIN);
		assertThat(notABoolean.status()).isEqualTo(400);
		assertThat(columns(notABoolean)).containsExactly("archived");
		assertThat(notABoolean.json().get("errors").get(0).get("message").asString()).contains("true or false");
		assertThat(this.api.patch("/api/desks/" + id, "{not json", Login.ADMIN).status()).isEqualTo(400);
	}

	@Test
	void the_project_and_desk_of_the_import_defaults_cannot_be_archived() {
		JsonNode defaults = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		for (String path : List.of("/api/projects/" + defaults.get("project").asString(),
				"/api/desks/" + defaults.get("desk").asString())) {
			Api.Response response = this.api.patch(path, "{\"archived\":true}", Login.ADMIN);
			assertThat(response.status()).as(path).isEqualTo(409);
			assertThat(response.json().get("detail").asString()).contains("change the import defaults");
		}
		assertThat(this.api.get("/api/projects", Login.ADMIN).json().valueStream())
			.filteredOn((p) -> p.get("id").asString().equals(defaults.get("project").asString()))
			.singleElement()
			.satisfies((p) -> assertThat(p.get("archived").asBoolean()).isFalse());
	}

	@Test
	void import_defaults_cannot_name_an_archived_project_or_desk() {
		JsonNode before = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		String project = created("/api/projects", "Archived default " + ObjectIds.next());
		String desk = created("/api/desks", "Archived default " + ObjectIds.next());
		this.api.patch("/api/projects/" + project, "{\"archived\":true}", Login.ADMIN);
		this.api.patch("/api/desks/" + desk, "{\"archived\":true}", Login.ADMIN);

		Api.Response response = this.api.put("/api/settings/import-defaults",
				Api.json(Map.of("project", project, "desk", desk, "active", true, "type", "Personal")), Login.ADMIN);

		assertThat(response.status()).isEqualTo(422);
		assertThat(columns(response)).containsExactlyInAnyOrder("project", "desk");
		assertThat(response.json().get("errors").toString()).contains("is archived", project, desk);
		assertThat(this.api.get("/api/settings/import-defaults", Login.ADMIN).json()).isEqualTo(before);
	}

	@Test
	void renames_and_archiving_are_in_the_audit_log() {
		String name = "Audited " + ObjectIds.next();
		String id = created("/api/desks", name);
		this.api.patch("/api/desks/" + id, Api.json(Map.of("name", name + "!")), Login.ADMIN);
		this.api.patch("/api/desks/" + id, "{\"archived\":true}", Login.ADMIN);
		// no change, no entry
		this.api.patch("/api/desks/" + id, "{\"archived\":true}", Login.ADMIN);

		JsonNode entries = this.api.get("/api/audit?action=DESK_CHANGED&size=500", Login.ADMIN).json().get("items");
		List<JsonNode> mine = entries.valueStream().filter((e) -> id.equals(e.get("target").asString())).toList();
		assertThat(mine).hasSize(2);
		assertThat(mine).allSatisfy((e) -> assertThat(e.get("actor").asString()).isEqualTo("admin"));
		assertThat(mine.get(1).get("details").get("name").asString()).isEqualTo(name + "!");
		assertThat(mine.get(1).get("details").get("previousName").asString()).isEqualTo(name);
		assertThat(mine.get(0).get("details").get("archived").asBoolean()).isTrue();
	}

	@Test
	void client_types_are_read_by_anybody_and_replaced_by_an_admin() {
		Login agent = this.api.user("organisation-agent", "AGENT");
		Api.Response initial = this.api.get("/api/settings/client-types", agent);
		assertThat(initial.status()).isEqualTo(200);
		assertThat(initial.json().valueStream().map(JsonNode::asString)).containsExactly("Personal", "Corporate");
		try {
			Api.Response response = this.api.put("/api/settings/client-types",
					"[\" Personal \",\"Corporate\",\"Partner\"]", Login.ADMIN);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().valueStream().map(JsonNode::asString)).containsExactly("Personal", "Corporate",
					"Partner");
			assertThat(this.api.get("/api/settings/client-types", agent).json().valueStream().map(JsonNode::asString))
				.containsExactly("Personal", "Corporate", "Partner");
			JsonNode audit = this.api.get("/api/audit?action=SETTINGS_CHANGED&size=1", Login.ADMIN)
				.json()
				.get("items")
				.get(0);
			assertThat(audit.get("target").asString()).isEqualTo("client-types");
			assertThat(audit.get("details").get("types").asString()).isEqualTo("Personal, Corporate, Partner");
		}
		finally {
			assertThat(this.api.put("/api/settings/client-types", "[\"Personal\",\"Corporate\"]", Login.ADMIN).status())
				.isEqualTo(200);
		}
	}

	@Test
	void client_types_that_are_empty_repeated_blank_too_long_or_with_control_characters_are_refused() {
		for (String body : List.of("[]", "[\"Personal\",\"PERSONAL\"]", "[\"Personal\",\"  \"]", "[\"Personal\",null]",
				"[\"Personal\",\"" + "t".repeat(51) + "\"]", "[\"Personal\",\"Line\\nbreak\"]")) {
			Api.Response response = this.api.put("/api/settings/client-types", body, Login.ADMIN);
			assertThat(response.status()).as(body).isEqualTo(422);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(columns(response)).as(body).containsOnly("types");
		}
		assertThat(this.api.put("/api/settings/client-types", "{\"types\":[]}", Login.ADMIN).status()).isEqualTo(400);
		assertThat(this.api.get("/api/settings/client-types", Login.ADMIN).json().valueStream().map(JsonNode::asString))
			.containsExactly("Personal", "Corporate");
	}

	@Test
	void the_type_of_the_import_defaults_cannot_be_removed_but_can_be_spelt_anew() {
		JsonNode before = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		assertThat(before.get("type").asString()).isEqualTo("Personal");

		Api.Response removed = this.api.put("/api/settings/client-types", "[\"Corporate\"]", Login.ADMIN);
		assertThat(removed.status()).isEqualTo(409);
		assertThat(removed.json().get("detail").asString()).contains("'Personal'", "import defaults");

		try {
			assertThat(this.api.put("/api/settings/client-types", "[\"PERSONAL\",\"Corporate\"]", Login.ADMIN).status())
				.isEqualTo(200);
			assertThat(this.api.get("/api/settings/import-defaults", Login.ADMIN).json().get("type").asString())
				.isEqualTo("PERSONAL");
		}
		finally {
			this.api.put("/api/settings/client-types", "[\"Personal\",\"Corporate\"]", Login.ADMIN);
		}
		assertThat(this.api.get("/api/settings/import-defaults", Login.ADMIN).json()).isEqualTo(before);
	}

	@Test
	void import_defaults_take_a_type_added_to_the_client_types_at_once() {
		JsonNode before = this.api.get("/api/settings/import-defaults", Login.ADMIN).json();
		try {
			this.api.put("/api/settings/client-types", "[\"Personal\",\"Corporate\",\"Partner\"]", Login.ADMIN);
			Api.Response response = this.api.put("/api/settings/import-defaults",
					Api.json(Map.of("project", before.get("project").asString(), "desk", before.get("desk").asString(),
							"active", true, "type", "partner")),
					Login.ADMIN);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("type").asString()).isEqualTo("Partner");
		}
		finally {
			this.api.put("/api/settings/import-defaults", before.toString(), Login.ADMIN);
			this.api.put("/api/settings/client-types", "[\"Personal\",\"Corporate\"]", Login.ADMIN);
		}
		assertThat(this.api.get("/api/settings/client-types", Login.ADMIN).json().valueStream().map(JsonNode::asString))
			.containsExactly("Personal", "Corporate");
	}

	private String created(String path, String name) {
		Api.Response response = this.api.post(path, Api.json(Map.of("name", name)), Login.ADMIN);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static JsonNode unit(String id, String name, boolean archived) {
		return JSON.readTree(Api.json(Map.of("id", id, "name", name, "archived", archived)));
	}

	private static List<JsonNode> named(Api.Response list, String name) {
		assertThat(list.status()).isEqualTo(200);
		return list.json().valueStream().filter((unit) -> name.equals(unit.get("name").asString())).toList();
	}

	private static List<String> fieldNames(JsonNode node) {
		return node.propertyNames().stream().toList();
	}

	private static List<String> columns(Api.Response problem) {
		return problem.json().get("errors").valueStream().map((error) -> error.get("column").asString()).toList();
	}

}
