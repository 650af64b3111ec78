package io.clientdesk.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class UserApiIT {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void an_admin_creates_users_of_each_role_who_can_then_log_in() {
		for (String role : List.of("AGENT", "MANAGER", "ADMIN")) {
			String username = "user-" + role.toLowerCase() + "-" + ObjectIds.next();
			String password = "secret-" + ObjectIds.next();

			Api.Response response = this.api.post("/api/users", body(username, password, role), Login.ADMIN);

			assertThat(response.status()).isEqualTo(201);
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(response.json().get("username").asString()).isEqualTo(username);
			assertThat(response.json().get("role").asString()).isEqualTo(role);
			assertThat(response.json().get("enabled").asBoolean()).isTrue();
			assertThat(response.json().get("lastLogin").isNull()).isTrue();
			assertThat(this.api.get("/api/projects", new Login(username, password)).status()).isEqualTo(200);
			assertThat(this.api.get("/api/projects", new Login(username, password + "x")).status()).isEqualTo(401);
		}
	}

	@Test
	void a_new_user_gets_the_rights_of_the_role_given() {
		String username = "new-admin-" + ObjectIds.next();
		this.api.post("/api/users", body(username, "long-enough-password", "ADMIN"), Login.ADMIN);
		Login newAdmin = new Login(username, "long-enough-password");

		Api.Response created = this.api.post("/api/projects", Api.json(Map.of("name", "By " + username)), newAdmin);
		assertThat(created.status()).isEqualTo(201);

		String agentName = "new-agent-" + ObjectIds.next();
		this.api.post("/api/users", body(agentName, "long-enough-password", "AGENT"), newAdmin);
		Login newAgent = new Login(agentName, "long-enough-password");
		assertThat(this.api.post("/api/projects", Api.json(Map.of("name", "By " + agentName)), newAgent).status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/clients", newAgent).status()).isEqualTo(200);
	}

	@Test
	void a_username_that_is_taken_is_a_conflict() {
		String username = "taken-" + ObjectIds.next();
		assertThat(this.api.post("/api/users", body(username, "first-password", "AGENT"), Login.ADMIN).status())
			.isEqualTo(201);

		Api.Response response = this.api.post("/api/users", body(username, "second-password", "ADMIN"), Login.ADMIN);

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains(username);
		assertThat(response.body()).doesNotContain("second-password");
		// the first user keeps their password and role
		assertThat(this.api.get("/api/projects", new Login(username, "first-password")).status()).isEqualTo(200);
		assertThat(this.api.get("/api/projects", new Login(username, "second-password")).status()).isEqualTo(401);
		assertThat(this.api
			.post("/api/desks", Api.json(Map.of("name", "By " + username)), new Login(username, "first-password"))
			.status()).isEqualTo(403);
	}

	@Test
	void the_admin_user_cannot_be_created_again() {
		Api.Response response = this.api.post("/api/users", body("admin", "another-password", "AGENT"), Login.ADMIN);
		assertThat(response.status()).isEqualTo(409);
		assertThat(this.api.get("/api/projects", Login.ADMIN).status()).isEqualTo(200);
	}

	@Test
	void a_password_shorter_than_8_characters_is_refused_naming_the_field() {
		String username = "short-" + ObjectIds.next();
		Api.Response response = this.api.post("/api/users", body(username, "1234567", "AGENT"), Login.ADMIN);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(columns(response)).containsExactly("password");
		assertThat(response.body()).doesNotContain("1234567");
		assertThat(this.api.get("/api/projects", new Login(username, "1234567")).status()).isEqualTo(401);
	}

	@Test
	void a_password_longer_than_72_bytes_is_refused_naming_the_field_and_the_limit() {
		String ascii = "a".repeat(73);
		String accented = "é".repeat(40); // 40 characters, 80 bytes in UTF-8
		for (String password : List.of(ascii, accented)) {
			String username = "long-password-" + ObjectIds.next();

			Api.Response response = this.api.post("/api/users", body(username, password, "AGENT"), Login.ADMIN);

			assertThat(response.status()).isEqualTo(422);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(columns(response)).containsExactly("password");
			assertThat(response.json().get("errors").get(0).get("message").asString()).contains("at most 72 bytes");
			assertThat(response.body()).doesNotContain(password);
			assertThat(this.api.get("/api/projects", new Login(username, password)).status()).isEqualTo(401);
		}
	}

	@Test
	void a_password_of_exactly_72_bytes_is_accepted() {
		String username = "bcrypt-limit-" + ObjectIds.next();
		String password = "é".repeat(36);

		assertThat(this.api.post("/api/users", body(username, password, "AGENT"), Login.ADMIN).status()).isEqualTo(201);
		assertThat(this.api.get("/api/projects", new Login(username, password)).status()).isEqualTo(200);
	}

	@Test
	void an_unknown_role_is_refused() {
		String username = "no-role-" + ObjectIds.next();
		Api.Response response = this.api.post("/api/users", body(username, "long-enough-password", "SUPERUSER"),
				Login.ADMIN);

		assertThat(response.status()).isBetween(400, 499);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("long-enough-password").doesNotContain("Exception");
		assertThat(this.api.get("/api/projects", new Login(username, "long-enough-password")).status()).isEqualTo(401);
	}

	@Test
	void a_username_with_spaces_or_a_missing_role_is_refused_naming_the_fields() {
		Api.Response response = this.api.post("/api/users",
				Api.json(Map.of("username", "has space", "password", "long-enough-password")), Login.ADMIN);
		assertThat(response.status()).isEqualTo(422);
		assertThat(columns(response)).containsExactlyInAnyOrder("username", "role");
	}

	@Test
	void the_password_is_never_in_an_answer() {
		String username = "quiet-" + ObjectIds.next();
		String password = "do-not-echo-" + ObjectIds.next();

		Api.Response created = this.api.post("/api/users", body(username, password, "MANAGER"), Login.ADMIN);
		Api.Response duplicate = this.api.post("/api/users", body(username, password, "MANAGER"), Login.ADMIN);
		Api.Response invalid = this.api.post("/api/users", body(username + " x", password, "MANAGER"), Login.ADMIN);
		Api.Response forbidden = this.api.post("/api/users", body(username + "-2", password, "MANAGER"),
				new Login(username, password));

		assertThat(List.of(created, duplicate, invalid, forbidden)).extracting(Api.Response::status)
			.containsExactly(201, 409, 422, 403);
		assertThat(List.of(created, duplicate, invalid, forbidden))
			.allSatisfy((response) -> assertThat(response.body()).doesNotContain(password));
		assertThat(created.json().propertyNames()).containsExactlyInAnyOrder("username", "role", "enabled", "created",
				"lastLogin");
	}

	@Test
	void the_password_is_stored_as_a_bcrypt_hash() {
		String username = "hashed-" + ObjectIds.next();
		String password = "plain-" + ObjectIds.next();
		this.api.post("/api/users", body(username, password, "AGENT"), Login.ADMIN);

		String hash = this.jdbc.sql("select password_hash from users where username = ?")
			.param(username)
			.query(String.class)
			.single();

		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(password);
		assertThat(hash.substring("{bcrypt}".length())).hasSize(60);
	}

	private static String body(String username, String password, String role) {
		return Api.json(Map.of("username", username, "password", password, "role", role));
	}

	private static List<String> columns(Api.Response problem) {
		return problem.json().get("errors").valueStream().map((error) -> error.get("column").asString()).toList();
	}

}
