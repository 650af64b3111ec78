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
		assertThat(fieldNames(project)).containsExactlyInAnyOrder("id", "name");
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
		assertThat(fieldNames(desk)).containsExactlyInAnyOrder("id", "name");
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
