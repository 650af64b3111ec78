package io.clientdesk.security;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers that tell a browser what a page may do, on every kind of answer; and,
 * behind a TLS-terminating proxy ({@code X-Forwarded-Proto: https}), HSTS and a
 * {@code Secure} session cookie.
 */
@IntegrationTest
class SecurityHeadersIT {

	private static final Map<String, String> FROM_TLS_PROXY = Map.of("X-Forwarded-Proto", "https");

	@Autowired
	Api api;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pages_api_answers_and_refusals_carry_a_strict_content_security_policy_and_the_other_security_headers() {
		for (HttpHeaders headers : List.of(get("/login", Map.of()).headers(),
				this.api.get("/api/projects", Login.ADMIN).headers(), this.api.get("/api/projects", null).headers(),
				get("/css/app.css", Map.of()).headers(), get("/clients", Map.of()).headers())) {
			String csp = headers.firstValue("Content-Security-Policy").orElse("");
			assertThat(csp)
				.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
						"base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
			assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying(
					(policy) -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
			assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
	}

	@Test
	void a_request_forwarded_by_a_tls_proxy_gets_hsts_and_a_plain_one_does_not() {
		for (String path : List.of("/login", "/actuator/health")) {
			assertThat(get(path, FROM_TLS_PROXY).headers().firstValue("Strict-Transport-Security")).as(path)
				.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
			assertThat(get(path, Map.of()).headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
		}
	}

	@Test
	void a_login_through_the_form_forwarded_by_a_tls_proxy_gets_a_secure_http_only_same_site_session_cookie() {
		HttpResponse<String> form = get("/login", FROM_TLS_PROXY);
		String anonymous = sessionCookie(form);
		assertThat(anonymous).contains("Secure", "HttpOnly", "SameSite=Lax");

		HttpResponse<String> loggedIn = logIn(form, FROM_TLS_PROXY);
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).startsWith("https://").endsWith("/clients"));
		String session = sessionCookie(loggedIn);
		assertThat(session).contains("Secure", "HttpOnly", "SameSite=Lax").isNotEqualTo(anonymous);
	}

	@Test
	void a_login_over_plain_http_gets_an_http_only_same_site_session_cookie_that_is_not_secure() {
		HttpResponse<String> loggedIn = logIn(get("/login", Map.of()), Map.of());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error").endsWith("/clients"));
		assertThat(sessionCookie(loggedIn)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
	}

	/** Posts the login form of {@code form} with its session cookie and token. */
	private HttpResponse<String> logIn(HttpResponse<String> form, Map<String, String> headers) {
		String token = WebSession.csrfTokenOfForm(form.body());
		String session = sessionCookie(form).split(";", 2)[0];
		String body = "username=admin&password="
				+ URLEncoder.encode(IntegrationTest.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", session)
			.POST(BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request);
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.uri(path)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return Api.exchange(this.http, request.build());
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith(WebSession.COOKIE + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

}
