package io.clientdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of the running application's HTTP API, as a partner's script would use it:
 * real requests over the loopback, HTTP Basic, JSON.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	/** Credentials; {@code null} sends none. */
	public record Login(String username, String password) {

		public static final Login ADMIN = new Login("admin", IntegrationTest.ADMIN_PASSWORD);

	}

	/** Where the path is on the application's server. */
	public URI uri(String path) {
		return URI.create(this.base + path);
	}

	public Response get(String path, Login login) {
		return send("GET", path, BodyPublishers.noBody(), null, login);
	}

	public Response post(String path, String json, Login login) {
		return send("POST", path, BodyPublishers.ofString(json), "application/json", login);
	}

	public Response put(String path, String json, Login login) {
		return send("PUT", path, BodyPublishers.ofString(json), "application/json", login);
	}

	public Response patch(String path, String json, Login login) {
		return send("PATCH", path, BodyPublishers.ofString(json), "application/json", login);
	}

	public Response delete(String path, Login login) {
		return send("DELETE", path, BodyPublishers.noBody(), null, login);
	}

	public Response send(String method, String path, BodyPublisher body, String contentType, Login login) {
		return send(method, path, body, contentType, login, Map.of());
	}

	/** A request with headers of its own, such as those a browser adds. */
	public Response send(String method, String path, BodyPublisher body, String contentType, Login login,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body);
		headers.forEach(request::header);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (login != null) {
			String token = Base64.getEncoder()
				.encodeToString((login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + token);
		}
		HttpResponse<String> response = exchange(this.http, request.build());
		return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), response.headers());
	}

	/** Sends a request of a test, which wants no checked exceptions. */
	public static HttpResponse<String> exchange(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Creates a user through the API as admin, unless it exists, and returns its login.
	 */
	public Login user(String username, String role) {
		Response response = post("/api/users", "{\"username\":\"" + username + "\",\"password\":\"password-" + username
				+ "\",\"role\":\"" + role + "\"}", Login.ADMIN);
		if (response.status() != 201 && response.status() != 409) {
			throw new IllegalStateException("Could not create user " + username + ": " + response);
		}
		return new Login(username, "password-" + username);
	}

	/** Creates a project as admin and returns its ID. */
	public String newProject(String name) {
		return created("/api/projects", name);
	}

	/** Creates a desk as admin and returns its ID. */
	public String newDesk(String name) {
		return created("/api/desks", name);
	}

	private String created(String path, String name) {
		Response response = post(path, json(Map.of("name", name)), Login.ADMIN);
		assertThat(response.status()).as("POST %s: %s", path, response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	/** GET /api/clients/{id}. */
	public JsonNode client(String id, Login login) {
		Response response = get("/api/clients/" + id, login);
		assertThat(response.status()).as("client %s: %s", id, response.body()).isEqualTo(200);
		return response.json();
	}

	/**
	 * The one client that {@code q} finds in the list; fails if there are none or
	 * several.
	 */
	public JsonNode onlyClient(String q, Login login) {
		JsonNode page = get("/api/clients?q=" + q, login).json();
		assertThat(page.get("items")).as("clients with %s", q).hasSize(1);
		return page.get("items").get(0);
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
