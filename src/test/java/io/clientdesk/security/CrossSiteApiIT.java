package io.clientdesk.security;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on another site cannot make a browser write through the API, even with
 * credentials the browser sends: what the browser marks as cross-site is refused before
 * its body is read. Scripts, which send no such marks, write as before.
 */
@IntegrationTest
class CrossSiteApiIT {

	@Autowired
	Api api;

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "Sec-Fetch-Site: {0}")
	@ValueSource(strings = { "cross-site", "same-site" })
	void a_write_a_browser_marks_as_sent_from_another_site_is_refused_with_a_problem_naming_why(String site) {
		String name = "Cross-site " + ObjectIds.next();
		Api.Response refused = createProject(name, Map.of("Sec-Fetch-Site", site));
		assertRefusedAsCrossSite(refused);
		assertThat(refused.json().get("detail").asString()).contains("Sec-Fetch-Site: " + site);
		assertThat(this.api.get("/api/projects", Login.ADMIN).body()).doesNotContain(name);
	}

	@Test
	void a_write_whose_origin_is_another_host_is_refused_with_a_problem_naming_why() {
		String name = "Other origin " + ObjectIds.next();
		Api.Response refused = createProject(name, Map.of("Origin", "https://evil.example"));
		assertRefusedAsCrossSite(refused);
		assertThat(refused.json().get("detail").asString()).contains("Origin");
		assertThat(createProject(name, Map.of("Origin", "null")).status()).isEqualTo(403);
		assertThat(this.api.get("/api/projects", Login.ADMIN).body()).doesNotContain(name);
	}

	@Test
	void a_cross_site_upload_is_refused_before_its_body_is_read() {
		// a body that the upload would answer with 400 or 415, were it read
		Api.Response refused = this.api.send("POST", "/api/imports", BodyPublishers.ofString("not multipart"),
				"multipart/form-data; boundary=nothing", Login.ADMIN, Map.of("Sec-Fetch-Site", "cross-site"));
		assertRefusedAsCrossSite(refused);
	}

	@Test
	void writes_from_scripts_from_the_same_origin_and_cross_site_reads_pass() {
		assertThat(createProject("Script " + ObjectIds.next(), Map.of()).status()).isEqualTo(201);
		assertThat(createProject("Same origin " + ObjectIds.next(),
				Map.of("Sec-Fetch-Site", "same-origin", "Origin", "http://127.0.0.1:" + this.port))
			.status()).isEqualTo(201);
		assertThat(createProject("Typed " + ObjectIds.next(), Map.of("Sec-Fetch-Site", "none")).status())
			.isEqualTo(201);
		Api.Response read = this.api.send("GET", "/api/projects", BodyPublishers.noBody(), null, Login.ADMIN,
				Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));
		assertThat(read.status()).isEqualTo(200);
	}

	private Api.Response createProject(String name, Map<String, String> headers) {
		return this.api.send("POST", "/api/projects", BodyPublishers.ofString(Api.json(Map.of("name", name))),
				"application/json", Login.ADMIN, headers);
	}

	private static void assertRefusedAsCrossSite(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("title").asString()).isEqualTo("Cross-site request refused");
	}

}
