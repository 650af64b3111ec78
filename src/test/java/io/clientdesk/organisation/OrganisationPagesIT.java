package io.clientdesk.organisation;

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
 * The forms of the Projects & desks page over HTTP, as a browser posts them: admins only,
 * with their CSRF token; a refused form comes back with its error and what was typed.
 * (The page in a real browser: {@code web.OrganisationBrowserIT}.)
 */
@IntegrationTest
class OrganisationPagesIT {

	@Autowired
	Api api;

	@Test
	void an_admin_creates_a_desk_with_the_form_and_is_sent_back_to_the_page() {
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);
		String name = "Form desk " + ObjectIds.next();

		HttpResponse<String> created = admin.submitForm("/organisation/desks",
				Map.of("name", name, "_csrf", token(admin)));

		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/organisation"));
		assertThat(admin.get("/organisation").body()).contains("Desk &#39;" + name + "&#39; created");
		assertThat(this.api.get("/api/desks", Login.ADMIN).body()).contains(name);
	}

	@Test
	void a_refused_form_comes_back_with_the_error_next_to_its_field_and_what_was_typed() {
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);
		String id = this.api.newProject("Form project " + ObjectIds.next());

		HttpResponse<String> refused = admin.submitForm("/organisation/projects/" + id,
				Map.of("name", "Line\nbreak", "_csrf", token(admin)));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("aria-invalid=\"true\"")
			.contains("<p class=\"field-error\">must not contain control characters");
		assertThat(this.api.get("/api/projects", Login.ADMIN).body()).doesNotContain("Line\\nbreak");
	}

	@Test
	void a_change_of_an_unknown_desk_is_not_found() {
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);
		assertThat(admin
			.submitForm("/organisation/desks/" + ObjectIds.next(), Map.of("archived", "true", "_csrf", token(admin)))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void agents_and_managers_get_no_forms_and_their_posts_are_refused() {
		for (String role : new String[] { "AGENT", "MANAGER" }) {
			WebSession session = WebSession.logIn(this.api,
					this.api.user("organisation-page-" + role.toLowerCase(), role));
			HttpResponse<String> page = session.get("/organisation");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Default desk").doesNotContain("action=\"/organisation");
			String name = "Refused " + ObjectIds.next();

			HttpResponse<String> refused = session.submitForm("/organisation/desks",
					Map.of("name", name, "_csrf", WebSession.csrfTokenOfForm(session.get("/clients").body())));

			assertThat(refused.statusCode()).as(role).isEqualTo(403);
			assertThat(this.api.get("/api/desks", Login.ADMIN).body()).doesNotContain(name);
		}
	}

	@Test
	void a_form_without_its_csrf_token_is_refused() {
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);
		String name = "No token " + ObjectIds.next();
		assertThat(admin.submitForm("/organisation/desks", Map.of("name", name)).statusCode()).isEqualTo(403);
		assertThat(this.api.get("/api/desks", Login.ADMIN).body()).doesNotContain(name);
	}

	private static String token(WebSession session) {
		return WebSession.csrfTokenOfForm(session.get("/organisation").body());
	}

}
