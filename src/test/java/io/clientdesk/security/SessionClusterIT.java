package io.clientdesk.security;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.PostgresAvailableCondition;
import io.clientdesk.support.ServerProcess;
import io.clientdesk.support.TestDatabase;
import io.clientdesk.support.WebSession;

import static io.clientdesk.support.WebSession.HTMX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two servers behind a load balancer serve one user: the session is in the shared
 * database, so a login on one is valid on the other, and so is a logout, and so is an
 * admin disabling the user or changing their role. On PostgreSQL only: an H2 file
 * database is open in one process at a time.
 */
@ExtendWith(PostgresAvailableCondition.class)
class SessionClusterIT {

	@TempDir
	static Path folder;

	static ServerProcess first;

	static ServerProcess second;

	@BeforeAll
	static void startTwoServersOnOneDatabase() {
		assumeTrue(TestDatabase.isPostgres(), "two servers share a database only on PostgreSQL");
		Map<String, String> database = TestDatabase.newSharedDatabase(folder);
		first = new ServerProcess(database, folder.resolve("first.log")).start();
		second = new ServerProcess(database, folder.resolve("second.log")).start();
	}

	@AfterAll
	static void stopServers() {
		if (first != null) {
			first.close();
			second.close();
		}
	}

	@Test
	void a_login_on_one_server_opens_pages_and_sends_forms_on_the_other_and_a_logout_there_ends_it_on_both() {
		WebSession onFirst = WebSession.logIn(first.api(), Login.ADMIN);
		WebSession onSecond = onFirst.on(second.api());

		HttpResponse<String> page = onSecond.get("/clients");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Log out");
		HttpResponse<String> bell = onSecond.htmx("/notifications/bell");
		assertThat(bell.statusCode()).isEqualTo(200);

		// the CSRF token of the session made on the first server holds on the second
		byte[] file = "firstName,lastName,email\r\nSam,Second,sam.second@example.com\r\n"
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> upload = onSecond.upload("/imports", "second.csv", file, Map.of("dryRun", "true"), true);
		assertThat(upload.statusCode()).isEqualTo(200);
		assertThat(upload.body()).contains("id=\"import-status\"");
		assertThat(onSecond.post("/notifications/open", false, HTMX).statusCode()).as("a write without the token")
			.isEqualTo(403);

		String cookie = onFirst.sessionCookie().orElseThrow();
		HttpResponse<String> logout = onSecond.post("/logout", true, Map.of());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?logout"));

		// the old cookie, sent again as somebody who kept it would
		HttpResponse<String> afterLogout = Api.exchange(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(first.api().uri("/clients"))
					.header("Cookie", WebSession.COOKIE + "=" + cookie)
					.build());
		assertThat(afterLogout.statusCode()).isEqualTo(302);
		assertThat(afterLogout.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	@Test
	void a_user_disabled_on_one_server_has_their_sessions_and_api_calls_refused_on_both_at_once() {
		Login maria = first.api().user("cluster-maria", "MANAGER");
		WebSession madeOnFirst = WebSession.logIn(first.api(), maria);
		WebSession madeOnSecond = WebSession.logIn(second.api(), maria);
		for (Api server : List.of(first.api(), second.api())) {
			for (int i = 0; i < 2; i++) { // each server remembers the password check
				assertThat(server.get("/api/projects", maria).status()).isEqualTo(200);
			}
		}
		assertThat(madeOnFirst.on(second.api()).get("/clients").statusCode()).isEqualTo(200);

		Api.Response disabled = patch(second.api(), maria.username(), Map.of("enabled", false));
		assertThat(disabled.status()).isEqualTo(200);

		for (Api server : List.of(first.api(), second.api())) {
			assertThat(server.get("/api/projects", maria).status()).isEqualTo(401);
		}
		for (WebSession session : List.of(madeOnFirst, madeOnSecond, madeOnFirst.on(second.api()),
				madeOnSecond.on(first.api()))) {
			HttpResponse<String> page = session.get("/clients");
			assertThat(page.statusCode()).isEqualTo(302);
			assertThat(page.headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
		}

		assertThat(patch(first.api(), maria.username(), Map.of("enabled", true)).status()).isEqualTo(200);
		assertThat(second.api().get("/api/projects", maria).status()).isEqualTo(200);
	}

	@Test
	void a_new_role_given_on_one_server_counts_on_the_other_at_the_next_request() {
		Login agent = first.api().user("cluster-agent", "AGENT");
		assertThat(second.api().get("/api/users", agent).status()).isEqualTo(403);

		assertThat(patch(first.api(), agent.username(), Map.of("role", "ADMIN")).status()).isEqualTo(200);

		assertThat(second.api().get("/api/users", agent).status()).isEqualTo(200);
	}

	private static Api.Response patch(Api server, String username, Map<String, ?> change) {
		return server.send("PATCH", "/api/users/" + username, HttpRequest.BodyPublishers.ofString(Api.json(change)),
				"application/json", Login.ADMIN);
	}

}
