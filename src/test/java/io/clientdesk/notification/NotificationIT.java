package io.clientdesk.notification;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell: the user who started an import hears how it ended, and nobody else does.
 */
@IntegrationTest
class NotificationIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Pattern LINK = Pattern.compile("(?:href|action|src)=\"([^\"]*)\"");

	@Autowired
	Api api;

	Imports imports;

	String run;

	Login manager;

	Login otherManager;

	@BeforeEach
	void setUp() {
		this.imports = new Imports(this.api);
		this.run = Imports.run();
		this.manager = this.api.user("manager-" + this.run, "MANAGER");
		this.otherManager = this.api.user("other-" + this.run, "MANAGER");
	}

	@Test
	void tells_the_user_who_started_an_import_how_many_clients_were_imported() {
		String id = this.imports.run("clients.csv", file("Ann,ann@", "Bob,bob@", "Cy,cy@"), "", this.manager)
			.get("id")
			.asString();

		JsonNode notification = awaitNotifications(this.manager, 1).get(0);

		assertThat(notification.get("kind").asString()).isEqualTo("IMPORT_SUCCEEDED");
		assertThat(notification.get("message").asString())
			.isEqualTo("Client(s) imported successfully — 3 clients were imported");
		assertThat(notification.get("link").asString()).isEqualTo("/imports/" + id);
		assertThat(notification.get("importId").asString()).isEqualTo(id);
		assertThat(notification.get("read").asBoolean()).isFalse();
		assertThat(notification.get("id").asString()).matches("[0-9a-f]{24}");
		assertThat(notification.get("createdAt").asString()).matches(".*T.*\\.\\d{3}Z");
		assertThat(notifications(this.otherManager)).isEmpty();
		assertThat(notifications(Login.ADMIN)).extracting((n) -> n.get("link").asString())
			.noneSatisfy((link) -> assertThat(link).contains(id));
	}

	@Test
	void tells_the_user_that_an_import_failed_and_where_the_error_report_is() {
		String id = this.imports.run("clients.csv", file("Ann,ann@", "Bob,not-an-email"), "", this.manager)
			.get("id")
			.asString();

		JsonNode notification = awaitNotifications(this.manager, 1).get(0);

		assertThat(notification.get("kind").asString()).isEqualTo("IMPORT_FAILED");
		assertThat(notification.get("message").asString()).contains("/api/imports/" + id + "/errors.csv");
		assertThat(notification.get("message").asString()).isEqualTo(
				"Import failed — 1 row has errors in clients.csv; nothing was imported. Error report: /api/imports/"
						+ id + "/errors.csv");
		assertThat(notification.get("link").asString()).contains(id);
		assertThat(notifications(this.otherManager)).isEmpty();
	}

	/**
	 * A file name is the user's text: the bell shows it as text, and its links are the
	 * server's own, built from the import's ID, whatever the name says.
	 */
	@Test
	void a_file_named_like_an_error_report_link_is_shown_as_text_and_the_bell_links_only_the_import() {
		String name = "q. Error report: //evil.example/r.csv";
		String id = this.imports.run(name, file("Ann,ann@", "Bob,not-an-email"), "?dryRun=true", this.manager)
			.get("id")
			.asString();
		JsonNode notification = awaitNotifications(this.manager, 1).get(0);

		HttpResponse<String> panel = WebSession.logIn(this.api, this.manager)
			.get("/notifications/panel", Map.of("HX-Request", "true"));

		assertThat(panel.statusCode()).isEqualTo(200);
		assertThat(links(panel.body())).containsExactly("/imports/" + id, "/imports/" + id + "/errors.csv");
		assertThat(panel.body())
			.contains("<strong>Check failed</strong> — <span>1 row has errors in " + name + ".</span>");
		assertThat(notification.get("link").asString()).isEqualTo("/imports/" + id);
		assertThat(notification.get("message").asString()).isEqualTo(
				"Check failed — 1 row has errors in " + name + ". Error report: /api/imports/" + id + "/errors.csv");
	}

	@Test
	void a_notification_is_marked_read_by_its_owner_only() {
		this.imports.run("clients.csv", file("Ann,ann@"), "", this.manager);
		String id = awaitNotifications(this.manager, 1).get(0).get("id").asString();

		Api.Response byOther = this.api.post("/api/notifications/" + id + "/read", "", this.otherManager);
		assertThat(byOther.status()).isEqualTo(404);
		assertThat(byOther.contentType()).startsWith("application/problem+json");
		assertThat(notifications(this.manager).get(0).get("read").asBoolean()).isFalse();

		Api.Response byOwner = this.api.post("/api/notifications/" + id + "/read", "", this.manager);
		assertThat(byOwner.status()).isEqualTo(204);
		assertThat(notifications(this.manager).get(0).get("read").asBoolean()).isTrue();
		assertThat(this.api.post("/api/notifications/ffffffffffffffffffffffff/read", "", this.manager).status())
			.isEqualTo(404);
	}

	@Test
	void lists_the_newest_notification_first() {
		String first = this.imports.run("first.csv", file("Ann,ann@"), "", this.manager).get("id").asString();
		awaitNotifications(this.manager, 1);
		String second = this.imports.run("second.csv", file("Bob,bob@"), "", this.manager).get("id").asString();

		List<JsonNode> notifications = awaitNotifications(this.manager, 2);

		assertThat(notifications.get(0).get("link").asString()).contains(second);
		assertThat(notifications.get(1).get("link").asString()).contains(first);
	}

	/**
	 * The notifications are written after the import's transaction, in the background.
	 */
	private List<JsonNode> awaitNotifications(Login login, int count) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			List<JsonNode> notifications = notifications(login);
			if (notifications.size() >= count || System.nanoTime() > deadline) {
				assertThat(notifications).hasSize(count);
				return notifications;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private List<JsonNode> notifications(Login login) {
		Api.Response response = this.api.get("/api/notifications", login);
		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> notifications = new ArrayList<>();
		response.json().forEach(notifications::add);
		return notifications;
	}

	/** Every URL the markup leads to. */
	private static List<String> links(String html) {
		List<String> links = new ArrayList<>();
		Matcher link = LINK.matcher(html);
		while (link.find()) {
			links.add(link.group(1));
		}
		return links;
	}

	/** firstName,email rows; an email ending in @ gets the test's run and domain. */
	private byte[] file(String... rows) {
		StringBuilder text = new StringBuilder("firstName,email\n");
		for (String row : rows) {
			String email = row.endsWith("@") ? row + this.run + ".example.com" : row;
			text.append(email).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
