package io.clientdesk.web;

import org.junit.jupiter.api.Test;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HealthAndErrorsIT {

	@Autowired
	Api api;

	@Test
	void health_answers_up_without_credentials() {
		Api.Response response = this.api.get("/actuator/health", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void every_page_names_an_icon_that_is_served_to_anybody() {
		assertThat(this.api.get("/login", null).body())
			.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
		Api.Response icon = this.api.get("/favicon.svg", null);
		assertThat(icon.status()).isEqualTo(200);
		assertThat(icon.contentType()).startsWith("image/svg+xml");
		assertThat(icon.body()).startsWith("<svg");
	}

	@Test
	void an_unknown_api_path_is_a_problem_document_not_a_page() {
		Api.Response response = this.api.get("/api/no-such-thing", Login.ADMIN);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("title").asString()).isEqualTo("Not Found");
		assertThat(response.json().get("type").asString()).isEqualTo("about:blank");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("trace");
	}

	@Test
	void a_malformed_json_body_is_a_bad_request_problem() {
		Api.Response response = this.api.post("/api/projects", "{not json", Login.ADMIN);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("tools.jackson").doesNotContain("Exception");
	}

	@Test
	void the_ui_sends_people_without_a_session_to_the_login_page() {
		Api.Response response = this.api.get("/clients", null);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

}
