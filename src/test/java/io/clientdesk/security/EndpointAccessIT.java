package io.clientdesk.security;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Who may call what (API.md, "Authentication and roles"), tried with real requests for
 * every endpoint and every kind of caller.
 */
@IntegrationTest
class EndpointAccessIT {

	enum Caller {

		NO_CREDENTIALS, WRONG_PASSWORD, AGENT, MANAGER, ADMIN

	}

	@Autowired
	Api api;

	@Autowired
	TestClients clients;

	Login agent;

	Login manager;

	@BeforeEach
	void users() {
		this.agent = this.api.user("access-agent", "AGENT");
		this.manager = this.api.user("access-manager", "MANAGER");
	}

	/**
	 * Each endpoint with what it answers to: no credentials, a wrong password, an agent,
	 * a manager, an admin.
	 */
	static Stream<Arguments> endpoints() {
		return Stream
			.of(row("GET /api/projects", 401, 401, 200, 200, 200), row("POST /api/projects", 401, 401, 403, 403, 201),
					row("GET /api/desks", 401, 401, 200, 200, 200), row("POST /api/desks", 401, 401, 403, 403, 201),
					row("GET /api/settings/import-defaults", 401, 401, 200, 200, 200),
					row("PUT /api/settings/import-defaults", 401, 401, 403, 403, 200),
					row("PATCH /api/projects/{id}", 401, 401, 403, 403, 200),
					row("PATCH /api/desks/{id}", 401, 401, 403, 403, 200),
					row("GET /api/settings/client-types", 401, 401, 200, 200, 200),
					row("PUT /api/settings/client-types", 401, 401, 403, 403, 200),
					row("POST /api/users", 401, 401, 403, 403, 201), row("GET /api/users", 401, 401, 403, 403, 200),
					row("PATCH /api/users/{username}", 401, 401, 403, 403, 200),
					row("POST /api/users/{username}/password", 401, 401, 403, 403, 204),
					row("POST /api/account/password", 401, 401, 204, 204, 204),
					row("GET /api/users/{username}/scope", 401, 401, 403, 403, 200),
					row("PUT /api/users/{username}/scope", 401, 401, 403, 403, 200),
					row("GET /api/account/scope", 401, 401, 200, 200, 200),
					row("GET /api/clients", 401, 401, 200, 200, 200),
					row("GET /api/clients/{id}", 401, 401, 200, 200, 200),
					row("GET /actuator/metrics", 401, 401, 403, 403, 200))
			.flatMap((row) -> row);
	}

	private static Stream<Arguments> row(String endpoint, int... statuses) {
		Caller[] callers = Caller.values();
		return Stream.iterate(0, (i) -> i + 1)
			.limit(callers.length)
			.map((i) -> Arguments.of(endpoint, callers[i], statuses[i]));
	}

	@ParameterizedTest(name = "{0} as {1} -> {2}")
	@MethodSource("endpoints")
	void each_endpoint_answers_each_kind_of_caller_as_its_role_allows(String endpoint, Caller caller, int expected) {
		Api.Response response = call(endpoint, login(caller));
		assertThat(response.status()).as(response.toString()).isEqualTo(expected);
		if (expected == 401 || expected == 403) {
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("status").asInt()).isEqualTo(expected);
			assertThat(response.json().get("title").asString()).isNotBlank();
			assertThat(response.json().get("detail").asString()).isNotBlank();
		}
		else if (expected == 204) {
			assertThat(response.body()).isEmpty();
		}
		else {
			assertThat(response.contentType()).contains("json").doesNotContain("problem");
		}
	}

	@Test
	void a_401_carries_its_problem_but_no_basic_challenge_so_that_no_browser_remembers_credentials() {
		for (Login login : new Login[] { null, new Login("admin", "not-the-password"),
				new Login("nobody-" + ObjectIds.next(), "whatever-password") }) {
			Api.Response response = this.api.get("/api/projects", login);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).as("for %s", login).isEmpty();
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).contains("HTTP Basic");
		}
	}

	@Test
	void writes_refused_to_agents_and_managers_change_nothing() {
		for (Login login : new Login[] { this.agent, this.manager }) {
			String name = "Refused " + ObjectIds.next();
			this.api.post("/api/projects", Api.json(Map.of("name", name)), login);
			this.api.post("/api/desks", Api.json(Map.of("name", name)), login);
			String username = "refused-" + ObjectIds.next();
			this.api.post("/api/users",
					Api.json(Map.of("username", username, "password", "long-enough-password", "role", "ADMIN")), login);
			this.api.patch("/api/desks/" + this.clients.defaultDesk(), Api.json(Map.of("name", name)), login);
			this.api.put("/api/settings/client-types", "[\"Personal\",\"Corporate\",\"" + name + "\"]", login);
			assertThat(this.api.get("/api/projects", Login.ADMIN).body()).doesNotContain(name);
			assertThat(this.api.get("/api/desks", Login.ADMIN).body()).doesNotContain(name);
			assertThat(this.api.get("/api/settings/client-types", Login.ADMIN).body()).doesNotContain(name);
			assertThat(this.api.get("/api/projects", new Login(username, "long-enough-password")).status())
				.isEqualTo(401);
		}
	}

	@Test
	void a_caller_without_the_role_is_refused_whatever_the_body() {
		for (Login login : new Login[] { this.agent, this.manager }) {
			for (String body : new String[] { "{}", "{\"name\":\"\"}", "{not json" }) {
				assertThat(this.api.post("/api/projects", body, login).status()).as(body).isEqualTo(403);
				assertThat(this.api.post("/api/desks", body, login).status()).as(body).isEqualTo(403);
				assertThat(this.api.post("/api/users", body, login).status()).as(body).isEqualTo(403);
				assertThat(this.api.post("/api/users/admin/password", body, login).status()).as(body).isEqualTo(403);
				assertThat(this.api.patch("/api/users/admin", body, login).status()).as(body).isEqualTo(403);
				assertThat(this.api.put("/api/settings/import-defaults", body, login).status()).as(body).isEqualTo(403);
				assertThat(this.api.put("/api/settings/client-types", body, login).status()).as(body).isEqualTo(403);
				String project = this.clients.defaultProject();
				assertThat(this.api.patch("/api/projects/" + project, body, login).status()).as(body).isEqualTo(403);
				// refused before it is looked up: no 404 tells whether the ID exists
				assertThat(this.api.patch("/api/desks/" + ObjectIds.next(), body, login).status()).as(body)
					.isEqualTo(403);
			}
		}
	}

	@Test
	void an_agent_cannot_change_the_import_defaults() {
		Api.Response current = this.api.get("/api/settings/import-defaults", Login.ADMIN);
		String before = current.body();
		JsonNode defaults = current.json();
		String changed = Api.json(Map.of("project", defaults.get("project").asString(), "desk",
				defaults.get("desk").asString(), "active", !defaults.get("active").asBoolean(), "type", "Corporate"));
		Api.Response response = this.api.put("/api/settings/import-defaults", changed, this.agent);
		assertThat(response.status()).isEqualTo(403);
		assertThat(this.api.get("/api/settings/import-defaults", Login.ADMIN).body()).isEqualTo(before);
	}

	@Test
	void the_login_page_is_open_to_everyone() {
		Api.Response response = this.api.get("/login", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.body()).contains("name=\"username\"").contains("name=\"password\"");
	}

	@Test
	void logging_in_with_the_form_opens_the_clients_page() {
		WebSession browser = WebSession.open(this.api);
		String token = browser.csrfTokenOfLoginForm();

		HttpResponse<String> login = browser.submitForm("/login",
				Map.of("username", "admin", "password", IntegrationTest.ADMIN_PASSWORD, "_csrf", token));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/clients"));

		HttpResponse<String> clients = browser.get("/clients");
		assertThat(clients.statusCode()).isEqualTo(200);
		assertThat(clients.body()).contains("ClientDesk");
	}

	@Test
	void the_login_form_with_a_wrong_password_sends_back_to_the_login_page_with_an_error() {
		WebSession browser = WebSession.open(this.api);
		String token = browser.csrfTokenOfLoginForm();

		HttpResponse<String> login = browser.submitForm("/login",
				Map.of("username", "admin", "password", "not-the-password", "_csrf", token));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
		assertThat(browser.get("/clients").statusCode()).isEqualTo(302);
	}

	@Test
	void the_login_form_without_its_csrf_token_is_refused() {
		WebSession browser = WebSession.open(this.api);
		browser.csrfTokenOfLoginForm();

		HttpResponse<String> login = browser.submitForm("/login",
				Map.of("username", "admin", "password", IntegrationTest.ADMIN_PASSWORD));
		assertThat(login.statusCode()).isEqualTo(403);
		assertThat(browser.get("/clients").statusCode()).isEqualTo(302);
	}

	private Login login(Caller caller) {
		return switch (caller) {
			case NO_CREDENTIALS -> null;
			case WRONG_PASSWORD -> new Login("admin", "not-the-password");
			case AGENT -> this.agent;
			case MANAGER -> this.manager;
			case ADMIN -> Login.ADMIN;
		};
	}

	/** A request to the endpoint that it would carry out for a caller allowed to. */
	private Api.Response call(String endpoint, Login login) {
		String unique = ObjectIds.next();
		return switch (endpoint) {
			case "GET /api/projects" -> this.api.get("/api/projects", login);
			case "POST /api/projects" ->
				this.api.post("/api/projects", Api.json(Map.of("name", "Access " + unique)), login);
			case "GET /api/desks" -> this.api.get("/api/desks", login);
			case "POST /api/desks" -> this.api.post("/api/desks", Api.json(Map.of("name", "Access " + unique)), login);
			case "GET /api/settings/import-defaults" -> this.api.get("/api/settings/import-defaults", login);
			case "PUT /api/settings/import-defaults" -> this.api.put("/api/settings/import-defaults",
					this.api.get("/api/settings/import-defaults", Login.ADMIN).body(), login);
			case "POST /api/users" -> this.api.post("/api/users", Api
				.json(Map.of("username", "access-" + unique, "password", "long-enough-password", "role", "AGENT")),
					login);
			case "GET /api/users" -> this.api.get("/api/users", login);
			case "PATCH /api/users/{username}" ->
				this.api.patch("/api/users/" + newUser(unique), Api.json(Map.of("role", "MANAGER")), login);
			case "POST /api/users/{username}/password" -> this.api.post("/api/users/" + newUser(unique) + "/password",
					Api.json(Map.of("password", "another-long-password")), login);
			// the caller's own password, set to itself: the next rows still log in with
			// it
			case "POST /api/account/password" -> this.api.post("/api/account/password",
					Api.json(Map.of("currentPassword", (login != null) ? login.password() : "whatever-password",
							"newPassword", (login != null) ? login.password() : "whatever-password")),
					login);
			case "GET /api/users/{username}/scope" -> this.api.get("/api/users/" + newUser(unique) + "/scope", login);
			case "PUT /api/users/{username}/scope" -> this.api.put("/api/users/" + newUser(unique) + "/scope",
					Api.json(Map.of("projects", List.of(this.clients.defaultProject()), "desks", List.of())), login);
			case "GET /api/account/scope" -> this.api.get("/api/account/scope", login);
			case "PATCH /api/projects/{id}" ->
				this.api.patch("/api/projects/" + this.api.newProject("Access " + unique),
						Api.json(Map.of("name", "Access renamed " + unique)), login);
			case "PATCH /api/desks/{id}" ->
				this.api.patch("/api/desks/" + this.api.newDesk("Access " + unique), "{\"archived\":true}", login);
			case "GET /api/settings/client-types" -> this.api.get("/api/settings/client-types", login);
			case "PUT /api/settings/client-types" -> this.api.put("/api/settings/client-types",
					this.api.get("/api/settings/client-types", Login.ADMIN).body(), login);
			case "GET /api/clients" -> this.api.get("/api/clients", login);
			case "GET /api/clients/{id}" -> this.api.get("/api/clients/" + newClient(unique), login);
			case "GET /actuator/metrics" -> this.api.get("/actuator/metrics", login);
			default -> throw new IllegalArgumentException(endpoint);
		};
	}

	/** A new agent, to be changed; its name. */
	private String newUser(String unique) {
		return this.api.user("access-target-" + unique, "AGENT").username();
	}

	private String newClient(String unique) {
		return this.clients.insert("Access", "Client", "access-" + unique + "@example.com",
				this.clients.defaultProject(), this.clients.defaultDesk(), true, "Personal", Instant.now());
	}

}
