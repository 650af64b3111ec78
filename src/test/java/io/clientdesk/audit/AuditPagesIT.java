package io.clientdesk.audit;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Layout;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log's page: for admins only, linked from their header, the API's filters,
 * whole or as the results htmx asks for, and every user-supplied text as text.
 */
@IntegrationTest
class AuditPagesIT {

	@Autowired
	Api api;

	final String run = Imports.run();

	@Test
	void an_admin_finds_the_page_in_the_header_and_filters_it_by_user_and_action() {
		Login user = this.api.user("paged-" + this.run, "AGENT");
		this.api.get("/api/projects", new Login(user.username(), "wrong-password"));
		this.api.get("/api/projects", user);
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);

		assertThat(admin.get("/clients").body()).contains("href=\"/audit\"");
		HttpResponse<String> page = admin.get("/audit?user=" + user.username() + "&action=LOGIN_FAILED");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(Layout.AROUND_THE_CONTENT)
			.contains("<h1>Audit log</h1>", "LOGIN_FAILED", "method=basic", "reason=BadCredentialsException")
			.contains("value=\"" + user.username() + "\"", "<option value=\"LOGIN_FAILED\" selected");
		assertThat(entries(page.body())).isEqualTo(1);
		// the Content-Security-Policy allows no inline style or script
		assertThat(page.body()).doesNotContain("style=", "<style").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
	}

	@Test
	void htmx_gets_only_the_results() {
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);

		HttpResponse<String> results = admin.htmx("/audit?action=LOGIN");

		assertThat(results.statusCode()).isEqualTo(200);
		assertThat(results.body()).contains("id=\"results\"", "LOGIN").doesNotContain(Layout.AROUND_THE_CONTENT);
		assertThat(results.body()).doesNotContain("<form");
	}

	@Test
	void a_name_tried_with_markup_and_control_characters_is_shown_as_text() {
		String hostile = "<script>alert(1)</script>\n" + this.run;
		Instant before = Instant.now();
		this.api.get("/api/projects", new Login(hostile, "wrong-password"));
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);

		String page = admin.get("/audit?action=LOGIN_FAILED&from=" + before).body();

		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;\\u000A" + this.run)
			.doesNotContain("<script>alert(1)");
	}

	@Test
	void a_bad_filter_shows_the_page_again_naming_it_with_400() {
		WebSession admin = WebSession.logIn(this.api, Login.ADMIN);

		HttpResponse<String> page = admin
			.get("/audit?from=" + URLEncoder.encode("last tuesday", StandardCharsets.UTF_8));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains(Layout.AROUND_THE_CONTENT).contains("from: must be an instant in ISO-8601");
	}

	@Test
	void managers_and_agents_get_403_and_no_link() {
		for (String role : new String[] { "MANAGER", "AGENT" }) {
			WebSession session = WebSession.logIn(this.api, this.api.user("no-audit-" + role + this.run, role));
			assertThat(session.get("/audit").statusCode()).as(role).isEqualTo(403);
			assertThat(session.htmx("/audit").statusCode()).as(role).isEqualTo(403);
			assertThat(session.get("/clients").body()).as(role).doesNotContain("href=\"/audit\"");
		}
	}

	private static long entries(String page) {
		return page.lines().filter((line) -> line.contains("data-entry=")).count();
	}

}
