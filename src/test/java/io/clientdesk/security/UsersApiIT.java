package io.clientdesk.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users administered through the API: the list, a new role, disabled and enabled, a
 * password set by an admin, and each user's own password; every change counts at the
 * caller's next request, remembered password checks and open sessions included.
 */
@IntegrationTest
class UsersApiIT {

	@Autowired
	Api api;

	@Test
	void an_admin_lists_every_user_with_role_status_created_and_last_login_never_a_password() {
		Login maria = newUser("list", "MANAGER");
		Instant before = Instant.now().minusSeconds(5);
		assertThat(this.api.get("/api/projects", maria).status()).isEqualTo(200);

		Api.Response response = this.api.get("/api/users", Login.ADMIN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode user = find(response.json(), maria.username());
		assertThat(user.propertyNames()).containsExactlyInAnyOrder("username", "role", "enabled", "created",
				"lastLogin");
		assertThat(user.get("role").asString()).isEqualTo("MANAGER");
		assertThat(user.get("enabled").asBoolean()).isTrue();
		assertThat(Instant.parse(user.get("created").asString())).isAfter(before);
		assertThat(Instant.parse(user.get("lastLogin").asString())).isAfter(before);
		assertThat(find(response.json(), "admin").get("role").asString()).isEqualTo("ADMIN");
		assertThat(response.body()).doesNotContain(maria.password()).doesNotContain("{bcrypt}").doesNotContain("$2a$");
	}

	@Test
	void a_user_who_never_logged_in_has_no_last_login() {
		Login quiet = newUser("quiet", "AGENT");
		JsonNode user = find(this.api.get("/api/users", Login.ADMIN).json(), quiet.username());
		assertThat(user.get("lastLogin").isNull()).isTrue();
	}

	@Test
	void usernames_are_matched_ignoring_case_so_a_second_maria_is_a_conflict() {
		String name = "Maria-" + ObjectIds.next();
		Login maria = newUser(name, "AGENT", "first-password");

		Api.Response clash = this.api.post("/api/users", body(name.toLowerCase(), "second-password", "ADMIN"),
				Login.ADMIN);

		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.contentType()).startsWith("application/problem+json");
		assertThat(clash.json().get("detail").asString()).contains("as " + name).contains("ignoring case");
		// one user, as created, who logs in whatever the case typed
		assertThat(this.api.get("/api/users", Login.ADMIN)
			.json()
			.valueStream()
			.filter((u) -> u.get("username").asString().equalsIgnoreCase(name))
			.map((u) -> u.get("username").asString())).containsExactly(name);
		assertThat(this.api.get("/api/projects", new Login(name.toUpperCase(), "first-password")).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/projects", new Login(name.toLowerCase(), "second-password")).status())
			.isEqualTo(401);
		assertThat(this.api.get("/api/projects", maria).status()).isEqualTo(200);
	}

	@Test
	void a_new_role_counts_at_the_next_request_of_a_user_whose_password_check_is_remembered() {
		Login agent = newUser("promoted", "AGENT");
		assertThat(this.api.get("/api/users", agent).status()).isEqualTo(403);
		assertThat(this.api.get("/api/users", agent).status()).isEqualTo(403);

		Api.Response changed = patch(agent.username().toUpperCase(), Map.of("role", "ADMIN"));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("username").asString()).isEqualTo(agent.username());
		assertThat(changed.json().get("role").asString()).isEqualTo("ADMIN");
		assertThat(this.api.get("/api/users", agent).status()).isEqualTo(200);

		assertThat(patch(agent.username(), Map.of("role", "AGENT")).status()).isEqualTo(200);
		assertThat(this.api.get("/api/users", agent).status()).isEqualTo(403);
		assertThat(audit("USER_ROLE_CHANGED", agent.username())).hasSize(2);
	}

	@Test
	void a_disabled_user_is_refused_at_once_by_the_api_and_the_login_form_and_their_session_ends() {
		Login maria = newUser("disabled", "MANAGER");
		WebSession browser = WebSession.logIn(this.api, maria);
		for (int i = 0; i < 3; i++) { // remembered after the first
			assertThat(this.api.get("/api/projects", maria).status()).isEqualTo(200);
		}

		Api.Response disabled = patch(maria.username(), Map.of("enabled", false));

		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
		Api.Response refused = this.api.get("/api/projects", maria);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().get("detail").asString()).contains("disabled");
		assertThat(this.api.get("/api/projects", new Login(maria.username(), "not-the-password"))
			.json()
			.get("detail")
			.asString()).as("a wrong password says nothing of the user").doesNotContain("disabled");
		assertThat(browser.get("/clients").statusCode()).as("the open session").isEqualTo(302);
		WebSession again = WebSession.open(this.api);
		assertThat(again.submitForm("/login",
				Map.of("username", maria.username(), "password", maria.password(), "_csrf",
						again.csrfTokenOfLoginForm()))
			.headers()
			.firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login?disabled"));
		assertThat(again.get("/login?disabled").body()).contains("This user is disabled");

		Api.Response enabled = patch(maria.username(), Map.of("enabled", true));
		assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
		assertThat(this.api.get("/api/projects", maria).status()).isEqualTo(200);
		assertThat(audit("USER_DISABLED", maria.username())).hasSize(1);
		assertThat(audit("USER_ENABLED", maria.username())).hasSize(1);
	}

	@Test
	void a_password_set_by_an_admin_replaces_the_old_one_at_once_and_ends_the_users_sessions() {
		Login maria = newUser("reset", "AGENT");
		WebSession browser = WebSession.logIn(this.api, maria);
		assertThat(this.api.get("/api/projects", maria).status()).isEqualTo(200);

		Api.Response reset = this.api.post("/api/users/" + maria.username() + "/password",
				Api.json(Map.of("password", "set-by-the-admin")), Login.ADMIN);

		assertThat(reset.status()).isEqualTo(204);
		assertThat(this.api.get("/api/projects", maria).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", new Login(maria.username(), "set-by-the-admin")).status())
			.isEqualTo(200);
		assertThat(browser.get("/clients").statusCode()).isEqualTo(302);
		List<JsonNode> entries = audit("USER_PASSWORD_RESET", maria.username());
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("actor").asString()).isEqualTo("admin");
		assertThat(entries.get(0).toString()).doesNotContain("set-by-the-admin");
	}

	@Test
	void a_user_changes_their_own_password_giving_the_current_one_and_their_sessions_end() {
		Login maria = newUser("own", "AGENT");
		WebSession browser = WebSession.logIn(this.api, maria);

		Api.Response changed = this.api.post("/api/account/password",
				Api.json(Map.of("currentPassword", maria.password(), "newPassword", "my-own-new-password")), maria);

		assertThat(changed.status()).isEqualTo(204);
		assertThat(this.api.get("/api/projects", maria).status()).isEqualTo(401);
		assertThat(this.api.get("/api/projects", new Login(maria.username(), "my-own-new-password")).status())
			.isEqualTo(200);
		assertThat(browser.get("/clients").statusCode()).isEqualTo(302);
		assertThat(audit("PASSWORD_CHANGED", maria.username())).hasSize(1);
	}

	@Test
	void a_wrong_current_password_is_a_422_naming_current_password_and_changes_nothing() {
		Login maria = newUser("wrong-current", "AGENT");

		Api.Response refused = this.api.post("/api/account/password",
				Api.json(Map.of("currentPassword", "not-my-password", "newPassword", "my-own-new-password")), maria);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(columns(refused)).containsExactly("currentPassword");
		assertThat(refused.body()).doesNotContain("not-my-password").doesNotContain("my-own-new-password");
		assertThat(this.api.get("/api/projects", maria).status()).isEqualTo(200);
		assertThat(this.api.get("/api/projects", new Login(maria.username(), "my-own-new-password")).status())
			.isEqualTo(401);
	}

	@Test
	void a_new_password_breaking_the_rules_is_refused_naming_the_field_and_stating_the_limit() {
		Login maria = newUser("rules", "AGENT");
		for (String password : List.of("short", "a".repeat(73), "é".repeat(37))) {
			Api.Response reset = this.api.post("/api/users/" + maria.username() + "/password",
					Api.json(Map.of("password", password)), Login.ADMIN);
			Api.Response own = this.api.post("/api/account/password",
					Api.json(Map.of("currentPassword", maria.password(), "newPassword", password)), maria);

			assertThat(reset.status()).isEqualTo(422);
			assertThat(columns(reset)).containsExactly("password");
			assertThat(own.status()).isEqualTo(422);
			assertThat(columns(own)).containsExactly("newPassword");
			assertThat(reset.body() + own.body()).doesNotContain(password);
		}
		assertThat(this.api
			.post("/api/account/password",
					Api.json(Map.of("currentPassword", maria.password(), "newPassword", "é".repeat(36))), maria)
			.status()).as("72 bytes").isEqualTo(204);
		assertThat(this.api.get("/api/projects", maria).status()).isEqualTo(401);
	}

	@Test
	void an_unknown_user_is_a_404() {
		String nobody = "nobody-" + ObjectIds.next();
		Api.Response patched = patch(nobody, Map.of("role", "ADMIN"));
		Api.Response reset = this.api.post("/api/users/" + nobody + "/password",
				Api.json(Map.of("password", "long-enough-password")), Login.ADMIN);

		assertThat(List.of(patched, reset)).allSatisfy((response) -> {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
		});
		assertThat(this.api.get("/api/projects", new Login(nobody, "long-enough-password")).status()).isEqualTo(401);
	}

	@Test
	void an_admin_cannot_disable_themselves() {
		Api.Response refused = patch("ADMIN", Map.of("enabled", false));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("yourself");
		assertThat(this.api.get("/api/users", Login.ADMIN).status()).isEqualTo(200);
	}

	@Test
	void a_change_without_role_or_enabled_is_refused_and_an_unknown_role_too() {
		Login maria = newUser("nothing", "AGENT");
		Api.Response empty = patch(maria.username(), Map.of());
		Api.Response unknown = patch(maria.username(), Map.of("role", "SUPERUSER"));

		assertThat(empty.status()).isEqualTo(422);
		assertThat(columns(empty)).containsExactly("role");
		assertThat(unknown.status()).isBetween(400, 422);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(find(this.api.get("/api/users", Login.ADMIN).json(), maria.username()).get("role").asString())
			.isEqualTo("AGENT");
	}

	private Login newUser(String name, String role) {
		return newUser(name + "-" + ObjectIds.next(), role, "password-" + ObjectIds.next());
	}

	private Login newUser(String username, String role, String password) {
		Api.Response created = this.api.post("/api/users", body(username, password, role), Login.ADMIN);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Login(username, password);
	}

	private Api.Response patch(String username, Map<String, ?> change) {
		return this.api.send("PATCH", "/api/users/" + username,
				java.net.http.HttpRequest.BodyPublishers.ofString(Api.json(change)), "application/json", Login.ADMIN);
	}

	private List<JsonNode> audit(String action, String target) {
		return this.api.get("/api/audit?size=500&action=" + action, Login.ADMIN)
			.json()
			.get("items")
			.valueStream()
			.filter((entry) -> target.equals(entry.get("target").asString()))
			.toList();
	}

	private static JsonNode find(JsonNode users, String username) {
		return users.valueStream()
			.filter((u) -> u.get("username").asString().equals(username))
			.findFirst()
			.orElseThrow(() -> new AssertionError(username + " is not in " + users));
	}

	private static String body(String username, String password, String role) {
		return Api.json(Map.of("username", username, "password", password, "role", role));
	}

	private static List<String> columns(Api.Response problem) {
		return problem.json().get("errors").valueStream().map((error) -> error.get("column").asString()).toList();
	}

}
