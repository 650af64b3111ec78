package io.clientdesk.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Users and Account pages as a browser sends their forms (no JavaScript): who may
 * open them, what a refused form shows, and what a change does to the sessions.
 */
@IntegrationTest
class UsersPagesIT {

	@Autowired
	Api api;

	@Test
	void the_users_page_is_for_admins_and_the_account_page_for_everybody() {
		Login agent = this.api.user("pages-agent", "AGENT");
		WebSession browser = WebSession.logIn(this.api, agent);

		assertThat(browser.get("/users").statusCode()).isEqualTo(403);
		assertThat(browser.get("/users/pages-agent/scope").statusCode()).isEqualTo(403);
		HttpResponse<String> account = browser.get("/account");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("pages-agent").contains("at least 8 characters, at most 72 bytes");

		HttpResponse<String> users = WebSession.logIn(this.api, Login.ADMIN).get("/users");
		assertThat(users.statusCode()).isEqualTo(200);
		assertThat(users.body()).contains("data-user=\"pages-agent\"")
			.contains("At least 8 characters, at most 72 bytes")
			.contains("8 characters or more, at most 72 bytes");
	}

	@Test
	void each_users_scope_is_changed_on_a_page_of_its_own_so_the_users_page_lists_no_project_or_desk() {
		Login agent = this.api.user("scope-page-agent", "AGENT");
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);

		HttpResponse<String> users = admin.get("/users");
		assertThat(users.body()).contains("href=\"/users/scope-page-agent/scope\"").doesNotContain("name=\"projects\"");
		HttpResponse<String> scope = admin.get("/users/scope-page-agent/scope");
		assertThat(scope.statusCode()).isEqualTo(200);
		assertThat(scope.body()).contains("Scope of scope-page-agent")
			.contains("name=\"projects\"")
			.contains("name=\"desks\"")
			.contains("Now: sees every client.");
		assertThat(admin.get("/users/admin/scope").body()).contains("is an admin: admins see every client");
		assertThat(admin.get("/users/nobody-" + agent.username() + "/scope").statusCode()).isEqualTo(404);
	}

	@Test
	void a_refused_new_user_comes_back_with_each_problem_next_to_its_field_and_the_name_kept() {
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);
		String token = WebSession.csrfTokenOfForm(admin.get("/users").body());
		String username = "Short-" + ObjectIds.next();

		HttpResponse<String> refused = admin.submitForm("/users",
				Map.of("username", username, "password", "short", "role", "MANAGER", "_csrf", token));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("value=\"" + username + "\"")
			.contains("<p class=\"field-error\" role=\"alert\">must have at least 8 characters")
			.doesNotContain("value=\"short\"");
		assertThat(this.api.get("/api/projects", new Login(username, "short")).status()).isEqualTo(401);

		HttpResponse<String> created = admin.submitForm("/users",
				Map.of("username", username, "password", "long-enough-1", "role", "MANAGER", "_csrf", token));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(admin.get("/users").body()).contains("Created the user " + username);
		assertThat(this.api.get("/api/projects", new Login(username.toLowerCase(), "long-enough-1")).status())
			.isEqualTo(200);
	}

	@Test
	void an_admin_cannot_disable_themselves_on_the_page_either() {
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);
		String token = WebSession.csrfTokenOfForm(admin.get("/users").body());

		HttpResponse<String> refused = admin.submitForm("/users/admin/enabled",
				Map.of("enabled", "false", "_csrf", token));

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(admin.get("/users").body()).contains("You cannot disable yourself");
		assertThat(this.api.get("/api/users", Login.ADMIN).status()).isEqualTo(200);
	}

	@Test
	void changing_ones_password_on_the_page_keeps_this_session_and_ends_the_others() {
		Login maria = this.api.user("pages-" + ObjectIds.next(), "AGENT");
		WebSession here = WebSession.logIn(this.api, maria);
		WebSession elsewhere = WebSession.logIn(this.api, maria);
		String token = WebSession.csrfTokenOfForm(here.get("/account").body());

		HttpResponse<String> changed = here.submitForm("/account/password", Map.of("currentPassword", maria.password(),
				"newPassword", "changed-on-the-page", "confirmPassword", "changed-on-the-page", "_csrf", token));

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/account"));
		HttpResponse<String> account = here.get("/account");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("Your password is changed");
		assertThat(elsewhere.get("/clients").statusCode()).isEqualTo(302);
		assertThat(this.api.get("/api/projects", new Login(maria.username(), "changed-on-the-page")).status())
			.isEqualTo(200);
	}

	@Test
	void a_wrong_current_password_or_a_confirmation_that_differs_is_shown_next_to_its_field() {
		Login maria = this.api.user("pages-" + ObjectIds.next(), "AGENT");
		WebSession here = WebSession.logIn(this.api, maria);
		String token = WebSession.csrfTokenOfForm(here.get("/account").body());

		HttpResponse<String> wrong = here.submitForm("/account/password", Map.of("currentPassword", "not-mine-at-all",
				"newPassword", "changed-on-the-page", "confirmPassword", "changed-on-the-page", "_csrf", token));
		HttpResponse<String> differs = here.submitForm("/account/password", Map.of("currentPassword", maria.password(),
				"newPassword", "changed-on-the-page", "confirmPassword", "changed-on-the-pag", "_csrf", token));

		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("is not your current password");
		assertThat(differs.statusCode()).isEqualTo(422);
		assertThat(differs.body()).contains("is not the same as the new password");
		assertThat(this.api.get("/api/projects", maria).status()).isEqualTo(200);
	}

	@Test
	void the_account_page_lists_recent_logins_and_failed_attempts_with_their_address() {
		Login maria = this.api.user("pages-" + ObjectIds.next(), "AGENT");
		assertThat(this.api.get("/api/projects", new Login(maria.username(), "wrong-password")).status())
			.isEqualTo(401);
		WebSession here = WebSession.logIn(this.api, maria);

		String page = here.get("/account").body();

		assertThat(page).contains("data-action=\"LOGIN\"").contains("data-action=\"LOGIN_FAILED\"");
		assertThat(page).contains("Login form").contains("API").contains("127.0.0.1");
	}

}
