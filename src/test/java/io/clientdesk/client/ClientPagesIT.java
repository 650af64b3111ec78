package io.clientdesk.client;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.clientdesk.support.Api;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Layout;
import io.clientdesk.support.TestClients;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients list in the web UI: the whole page when it is opened, only its results when
 * htmx asks (the search and the filters change the table without a reload).
 */
@IntegrationTest
class ClientPagesIT {

	private static final Instant CREATED = Instant.parse("2024-06-13T15:06:02Z");

	@Autowired
	Api api;

	@Autowired
	TestClients clients;

	final String run = Imports.run();

	@Test
	void the_clients_list_is_a_whole_page_and_for_htmx_only_its_results() {
		String project = this.api.newProject("Pages " + this.run);
		String desk = this.clients.defaultDesk();
		this.clients.insert("Ada", "Lovelace", email("ada"), project, desk, true, "Personal", CREATED);
		this.clients.insert("Cy", "Young", email("cy"), project, desk, false, "Corporate", CREATED);
		this.clients.insert("Bo", "Elsewhere", email("bo"), this.clients.defaultProject(), desk, true, "Personal",
				CREATED);
		WebSession session = WebSession.logIn(this.api, this.api.user("agent-" + this.run, "AGENT"));

		HttpResponse<String> page = session.get("/clients?project=" + project);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(Layout.AROUND_THE_CONTENT)
			.contains("<h1>Clients</h1>", "class=\"filters\"", "id=\"results\"", email("ada"), email("cy"))
			.doesNotContain(email("bo"));

		HttpResponse<String> fragment = session.htmx("/clients?project=" + project + "&active=false");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("id=\"results\"", email("cy"), "Young")
			.doesNotContain(email("ada"), email("bo"))
			.doesNotContain(Layout.AROUND_THE_CONTENT)
			.doesNotContain("<h1>", "class=\"filters\"");
	}

	@Test
	void the_results_for_htmx_follow_the_search_as_the_page_does() {
		String project = this.api.newProject("Search " + this.run);
		String desk = this.clients.defaultDesk();
		this.clients.insert("Zebulon", "Smith", email("zebulon"), project, desk, true, "Personal", CREATED);
		this.clients.insert("Peter", "Quill", email("peter"), project, desk, true, "Personal", CREATED);
		WebSession session = WebSession.logIn(this.api, this.api.user("agent-" + this.run, "AGENT"));
		String search = "/clients?project=" + project + "&q=ebul";

		assertThat(session.get(search).body()).contains(email("zebulon")).doesNotContain(email("peter"));
		assertThat(session.htmx(search).body()).contains(email("zebulon")).doesNotContain(email("peter"));
		assertThat(session.htmx("/clients?project=" + project + "&q=nobody-is-called-this").body())
			.contains("No clients match");
	}

	private String email(String name) {
		return name + "." + this.run + "@example.com";
	}

}
