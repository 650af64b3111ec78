package io.clientdesk.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's session in the web UI, without a browser: it keeps its cookies, follows no
 * redirect, and once logged in through the form sends the CSRF token that the pages
 * carry.
 */
public final class WebSession {

	/**
	 * The session cookie: Spring Session's, whose session is in the database and so valid
	 * on every server.
	 */
	public static final String COOKIE = "SESSION";

	/** What htmx sends with each of its requests. */
	public static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/** The token that every htmx request of a page sends (hx-headers on its body). */
	private static final Pattern CSRF_HEADERS = Pattern
		.compile("hx-headers='\\{&quot;[^&]+&quot;: &quot;([^&]+)&quot;\\}'");

	private final HttpClient http;

	private final Api app;

	private String csrf;

	private WebSession(Api app) {
		this(app, HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), null);
	}

	private WebSession(Api app, HttpClient http, String csrf) {
		this.app = app;
		this.http = http;
		this.csrf = csrf;
	}

	/**
	 * The same browser, its cookies and CSRF token, sent to another server of the same
	 * application (as a load balancer would).
	 */
	public WebSession on(Api otherServer) {
		return new WebSession(otherServer, this.http, this.csrf);
	}

	/** A browser on the application that {@code app} calls, nobody logged in yet. */
	public static WebSession open(Api app) {
		return new WebSession(app);
	}

	/** Logs in through the form; fails where that does not work. */
	public static WebSession logIn(Api app, Api.Login login) {
		WebSession session = open(app);
		HttpResponse<String> answer = session.submitForm("/login", Map.of("username", login.username(), "password",
				login.password(), "_csrf", session.csrfTokenOfLoginForm()));
		if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Could not log in as " + login.username() + ": " + answer.statusCode());
		}
		String clients = session.get("/clients").body();
		Matcher headers = CSRF_HEADERS.matcher(clients);
		Matcher input = CSRF_INPUT.matcher(clients);
		if (headers.find()) {
			session.csrf = headers.group(1);
		}
		else if (input.find()) {
			session.csrf = input.group(1);
		}
		else {
			throw new IllegalStateException("No CSRF token on the clients page");
		}
		return session;
	}

	/** The value of the session cookie that this browser holds, if it holds one. */
	public Optional<String> sessionCookie() {
		return ((CookieManager) this.http.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> COOKIE.equals(cookie.getName()))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** The token of the login form, which the form must send back. */
	public String csrfTokenOfLoginForm() {
		HttpResponse<String> page = get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		return csrfTokenOfForm(page.body());
	}

	/** The CSRF token in a page's form (its hidden {@code _csrf} field). */
	public static String csrfTokenOfForm(String page) {
		Matcher token = CSRF_INPUT.matcher(page);
		assertThat(token.find()).as("the form carries a CSRF token").isTrue();
		return token.group(1);
	}

	/**
	 * A form posted as a browser posts it (URL-encoded), with exactly the given fields.
	 */
	public HttpResponse<String> submitForm(String path, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form)));
	}

	/** A GET as the browser sends it when a page is opened. */
	public HttpResponse<String> get(String path) {
		return get(path, Map.of());
	}

	/** A GET as htmx sends it, asking for a fragment. */
	public HttpResponse<String> htmx(String path) {
		return get(path, HTMX);
	}

	public HttpResponse<String> get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	/**
	 * A POST without a body, the CSRF token in a header (as htmx sends it; the server
	 * takes it from a form's field as well).
	 */
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
		Multipart multipart = Multipart.form(fields, "file", fileName, "text/csv", content);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", multipart.contentType())
			.header("HX-Request", "true")
			.POST(multipart.publisher());
		if (withCsrf) {
			request.header("X-CSRF-TOKEN", this.csrf);
		}
		return send(request);
	}

	private URI uri(String path) {
		return this.app.uri(path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return Api.exchange(this.http, request.build());
	}

}
