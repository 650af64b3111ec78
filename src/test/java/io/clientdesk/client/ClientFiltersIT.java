package io.clientdesk.client;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestClients;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients list's filters as each endpoint that takes them reads them: the JSON list,
 * the list page (whole and as the htmx fragment) and the export. They select the same
 * clients, and an invalid one gets the same answer everywhere.
 */
@IntegrationTest
class ClientFiltersIT {

	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	private static final Instant T0 = Instant.parse("2024-06-13T15:06:02Z");

	@Autowired
	Api api;

	@Autowired
	TestClients clients;

	@Test
	void the_list_page_its_fragment_the_json_list_and_the_export_select_the_same_clients() {
		String project = created("/api/projects");
		String desk = created("/api/desks");
		String tag = ObjectIds.next();
		String active = this.clients.insert("Ava", "Filters", "ava." + tag + "@example.com", project, desk, true,
				"Personal", T0);
		String inactive = this.clients.insert("Ivo", "Filters", "ivo." + tag + "@example.com", project, desk, false,
				"Corporate", T0.plusSeconds(1));
		String query = "project=" + project + "&active=false&type=corporate&q=" + tag + "&desk=&page=0&size=10";
		WebSession session = WebSession.logIn(this.api, Login.ADMIN);

		for (Map<String, String> headers : List.of(Map.<String, String>of(), HTMX)) {
			HttpResponse<String> page = session.get("/clients?" + query, headers);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains(inactive).doesNotContain(active);
		}
		JsonNode list = this.api.get("/api/clients?" + query, Login.ADMIN).json();
		assertThat(list.get("items").valueStream().map((client) -> client.get("id").asString()))
			.containsExactly(inactive);
		Api.Response export = this.api.get("/api/clients/export.csv?" + query, Login.ADMIN);
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.body()).contains(inactive).doesNotContain(active);
	}

	@Test
	void a_filter_that_is_not_of_its_type_is_a_bad_request_naming_it_on_the_json_list_and_the_export() {
		for (String path : List.of("/api/clients", "/api/clients/export.csv")) {
			JsonNode problem = problem(path + "?active=maybe");
			assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
			assertThat(problem.get("detail").asString()).isEqualTo("The parameter active is not valid");
			assertThat(problem.get("errors")).hasSize(1);
			assertThat(problem.get("errors").get(0).get("column").asString()).isEqualTo("active");
			assertThat(problem.get("errors").get(0).get("message").asString())
				.isEqualTo("'maybe' is not true or false");
		}
	}

	@Test
	void invalid_filters_are_a_bad_request_naming_each_on_the_json_list_and_the_export() {
		for (String path : List.of("/api/clients", "/api/clients/export.csv")) {
			JsonNode problem = problem(path + "?project=not-an-id&desk=123");
			assertThat(problem.get("title").asString()).isEqualTo("Invalid query");
			assertThat(problem.get("detail").asString()).isEqualTo("The clients query is not valid");
			assertThat(problem.get("errors")
				.valueStream()
				.map((error) -> error.get("column").asString() + ": " + error.get("message").asString()))
				.containsExactly("project: must be a project ID (24 lowercase hex digits)",
						"desk: must be a desk ID (24 lowercase hex digits)");
		}
	}

	@Test
	void a_nul_in_q_or_type_is_a_bad_request_naming_each_on_the_json_list_and_the_export() {
		for (String path : List.of("/api/clients", "/api/clients/export.csv")) {
			JsonNode problem = problem(path + "?q=an%00n&type=%00Personal");
			assertThat(problem.get("errors")
				.valueStream()
				.map((error) -> error.get("column").asString() + ": " + error.get("message").asString()))
				.containsExactly("q: must not contain the NUL character (U+0000)",
						"type: must not contain the NUL character (U+0000)");
		}
	}

	@Test
	void invalid_filters_are_a_bad_request_on_the_list_page_and_its_fragment() {
		WebSession session = WebSession.logIn(this.api, this.api.user("filters-agent", "AGENT"));

		for (String query : List.of("active=maybe", "project=not-an-id", "size=0", "page=ten")) {
			for (Map<String, String> headers : List.of(Map.<String, String>of(), HTMX)) {
				HttpResponse<String> page = session.get("/clients?" + query, headers);
				assertThat(page.statusCode()).as(query).isEqualTo(400);
				assertThat(page.body()).as(query).contains("400 Bad Request");
			}
		}
	}

	private JsonNode problem(String path) {
		Api.Response response = this.api.get(path, Login.ADMIN);
		assertThat(response.status()).as(path).isEqualTo(400);
		assertThat(response.contentType()).as(path).startsWith("application/problem+json");
		return response.json();
	}

	private String created(String path) {
		Api.Response response = this.api.post(path, Api.json(Map.of("name", "Filters " + ObjectIds.next())),
				Login.ADMIN);
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asString();
	}

}
