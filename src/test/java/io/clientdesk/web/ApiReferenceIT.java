package io.clientdesk.web;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's OpenAPI description at {@code /api/openapi.json}: complete (every
 * {@code /api} endpoint the server maps), with the role and the problem answers of each
 * operation, for scripts with HTTP Basic and for logged-in people browsing the reference
 * page.
 */
@IntegrationTest
class ApiReferenceIT {

	@Autowired
	Api api;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void describes_every_api_endpoint_the_server_maps() {
		JsonNode paths = description().get("paths");
		Set<String> missing = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String path : info.getPatternValues()) {
				if (!path.startsWith("/api/") || path.startsWith("/api/openapi.json")) {
					continue;
				}
				for (var method : info.getMethodsCondition().getMethods()) {
					JsonNode operation = paths.path(path).path(method.name().toLowerCase(Locale.ROOT));
					if (operation.isMissingNode()) {
						missing.add(method + " " + path);
					}
				}
			}
		});
		assertThat(missing).as("API endpoints missing from /api/openapi.json").isEmpty();
		assertThat(paths.size()).isGreaterThanOrEqualTo(15);
	}

	@Test
	void gives_each_operation_its_role_and_its_problem_answers() {
		JsonNode description = description();
		assertThat(description.get("openapi").asString()).startsWith("3.1");
		description.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			JsonNode responses = operation.getValue().get("responses");
			assertThat(responses.has("401")).as(operation.getKey() + " " + path.getKey() + " answers 401").isTrue();
			assertThat(responses.get("401").path("content").has("application/problem+json")).isTrue();
			assertThat(operation.getValue().has("x-roles")).as(operation.getKey() + " " + path.getKey()).isTrue();
		}));

		JsonNode upload = description.at("/paths/~1api~1imports/post");
		assertThat(upload.get("x-roles").get(0).asString()).isEqualTo("MANAGER");
		assertThat(upload.get("responses").propertyNames()).contains("202", "403", "413", "415", "422", "429");
		assertThat(upload.at("/responses/429/description").asString()).contains("max-queued-per-user", "failed logins");
		JsonNode newUser = description.at("/paths/~1api~1users/post");
		assertThat(newUser.get("x-roles").get(0).asString()).isEqualTo("ADMIN");
		assertThat(newUser.get("responses").propertyNames()).contains("201", "403", "422");
		JsonNode changeUser = description.at("/paths/~1api~1users~1{username}/patch");
		assertThat(changeUser.get("x-roles").get(0).asString()).isEqualTo("ADMIN");
		assertThat(changeUser.get("responses").propertyNames()).contains("200", "403", "404", "409");
		assertThat(description.at("/paths/~1api~1users~1{username}~1password/post/responses").propertyNames())
			.contains("204", "403", "404", "422");
		JsonNode ownPassword = description.at("/paths/~1api~1account~1password/post");
		assertThat(ownPassword.get("x-roles")).isEmpty();
		assertThat(ownPassword.get("responses").propertyNames()).contains("204", "422", "429").doesNotContain("403");
		JsonNode clients = description.at("/paths/~1api~1clients/get");
		assertThat(clients.get("x-roles")).isEmpty();
		assertThat(clients.get("parameters").findValuesAsString("name")).contains("q", "project", "desk", "after");
		assertThat(clients.get("responses").propertyNames()).contains("400").doesNotContain("403");
		assertThat(description.at("/paths/~1api~1imports~1{id}~1commit/post/responses").propertyNames()).contains("202",
				"404", "409", "410");
		assertThat(description.at("/paths/~1api~1clients~1export.csv/get/responses").propertyNames()).contains("503");
	}

	@Test
	void needs_credentials_like_the_rest_of_the_api() {
		Api.Response anonymous = this.api.get("/api/openapi.json", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(this.api.get("/api/openapi.json", new Login("admin", "wrong-password")).status()).isEqualTo(401);
		assertThat(this.api
			.send("POST", "/api/openapi.json", java.net.http.HttpRequest.BodyPublishers.noBody(), "application/json",
					Login.ADMIN)
			.status()).isEqualTo(403);
	}

	@Test
	void a_logged_in_person_browses_the_reference_with_their_session_and_nothing_else_of_the_api() {
		WebSession browser = WebSession.logIn(this.api, this.api.user("reader", "AGENT"));

		HttpResponse<String> reference = browser.get("/api-reference");
		assertThat(reference.statusCode()).isEqualTo(302);
		HttpResponse<String> page = browser.get(reference.headers().firstValue("Location").orElseThrow());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		assertThat(browser.get("/api/openapi.json").statusCode()).isEqualTo(200);
		assertThat(browser.get("/api/openapi.json/swagger-config").statusCode()).isEqualTo(200);

		assertThat(browser.get("/api/clients").statusCode()).isEqualTo(401);
		assertThat(WebSession.open(this.api).get("/api-reference").statusCode()).isEqualTo(302);
		assertThat(WebSession.open(this.api).get("/api-reference").headers().firstValue("Location").orElseThrow())
			.endsWith("/login");
	}

	private JsonNode description() {
		Api.Response answer = this.api.get("/api/openapi.json", Login.ADMIN);
		assertThat(answer.status()).isEqualTo(200);
		return answer.json();
	}

}
