package io.clientdesk.notification;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Layout;
import io.clientdesk.support.Poll;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static io.clientdesk.support.WebSession.HTMX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell's routes answer fragments only: the layout of every page loads the bell and
 * its list into the header with htmx.
 */
@IntegrationTest
class BellFragmentsIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	@Test
	void the_bell_and_its_list_are_fragments_for_the_header() {
		WebSession session = WebSession.logIn(this.api, this.api.user("bell-" + this.run, "AGENT"));

		HttpResponse<String> bell = session.htmx("/notifications/bell");
		assertThat(bell.statusCode()).isEqualTo(200);
		assertThat(bell.body()).contains("id=\"bell\"", "No unread notifications")
			.doesNotContain(Layout.AROUND_THE_CONTENT);
		HttpResponse<String> list = session.htmx("/notifications/panel");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Notifications", "Nothing yet").doesNotContain(Layout.AROUND_THE_CONTENT);
	}

	@Test
	void opening_the_list_is_a_fragment_that_shows_what_was_unread_and_the_bell_then_counts_none() {
		Login manager = this.api.user("opener-" + this.run, "MANAGER");
		byte[] file = ("firstName,email\nAnn,ann." + this.run + "@example.com\n").getBytes(StandardCharsets.UTF_8);
		this.imports.run("bell-" + this.run + ".csv", file, "", manager);
		WebSession session = WebSession.logIn(this.api, manager);
		Poll.until(Duration.ofSeconds(20), Duration.ofMillis(50), () -> session.htmx("/notifications/bell").body(),
				(bell) -> bell.contains("1 unread"), "the bell to count the import's end");

		HttpResponse<String> opened = session.post("/notifications/open", true, HTMX);

		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.body()).contains("Client(s) imported successfully", "unread")
			.doesNotContain(Layout.AROUND_THE_CONTENT);
		assertThat(session.htmx("/notifications/bell").body()).contains("No unread notifications")
			.doesNotContain(Layout.AROUND_THE_CONTENT);
	}

}
