package io.clientdesk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's session in the web UI, without a browser: logged in through the form, with
 * the session cookie and the CSRF token that the pages carry.
 */
public final class WebSession {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	/** The token that every htmx request of a page sends (hx-headers on its body). */
	private static final Pattern CSRF_HEADERS = Pattern
		.compile("hx-headers='\\{&quot;[^&]+&quot;: &quot;([^&]+)&quot;\\}'");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	private String csrf;

	private WebSession(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public static WebSession logIn(int port, Api.Login login) {
		WebSession session = new WebSession(port);
		String page = session.get("/login", Map.of()).body();
		Matcher token = CSRF_INPUT.matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		HttpResponse<String> answer = session.send(HttpRequest.newBuilder(session.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=" + encode(login.username()) + "&password="
					+ encode(login.password()) + "&_csrf=" + encode(token.group(1)))));
		if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Could not log in as " + login.username() + ": " + answer.statusCode());
		}
		Matcher headers = CSRF_HEADERS.matcher(session.get("/clients", Map.of()).body());
		if (!headers.find()) {
			throw new IllegalStateException("No CSRF token on the clients page");
		}
		session.csrf = headers.group(1);
		return session;
	}

	public HttpResponse<String> get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	/** A POST as htmx sends it: the CSRF token in a header. */
	public HttpResponse<String> post(String path, boolean withCsrf, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.noBody());
		if (withCsrf) {
			request.header("X-CSRF-TOKEN", this.csrf);
		}
		headers.forEach(request::header);
		return send(request);
	}

	/** A multipart upload of one file, as the import dialog sends it. */
	public HttpResponse<String> upload(String path, String fileName, byte[] content, Map<String, String> fields,
			boolean withCsrf) {
		String boundary = "----clientdesk" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("HX-Request", "true")
			.POST(BodyPublishers.ofByteArray(body.toByteArray()));
		if (withCsrf) {
			request.header("X-CSRF-TOKEN", this.csrf);
		}
		return send(request);
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
