package io.clientdesk.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestClock;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is throttled on the API and the login form, per username and per
 * client address, with a clock the test moves. Here 127.0.0.1 plays the reverse proxy:
 * each test's requests forward a client address of their own (X-Forwarded-For), and
 * 127.0.0.2 is a client that is no proxy.
 */
@IntegrationTest
@TestPropertySource(properties = { "clientdesk.security.login.per-user-failures=5",
		"clientdesk.security.login.per-user-refill=1m", "clientdesk.security.login.per-address-failures=8",
		"clientdesk.security.login.per-address-refill=1m", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1" })
class LoginThrottlingIT {

	@Autowired
	Api api;

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Test
	void the_sixth_wrong_password_is_refused_with_429_retry_after_and_a_problem_naming_the_limit() {
		Login user = this.api.user("guessed-basic", "AGENT");
		failFiveTimes(user, "10.1.0.1");

		Api.Response refused = get(wrong(user), "10.1.0.1");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
		assertThat(refused.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("title").asString()).isEqualTo("Too many failed logins");
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("Too many failed logins for this user; try again in 60 s");
	}

	@Test
	void the_right_password_is_refused_until_a_failure_is_forgiven() {
		Login user = this.api.user("guessed-then-right", "AGENT");
		failFiveTimes(user, "10.1.0.2");

		assertThat(get(user, "10.1.0.2").status()).isEqualTo(429);
		assertThat(get(user, "10.1.0.3").status()).as("from another address").isEqualTo(429);
		this.clock.advance(Duration.ofSeconds(40));
		Api.Response later = get(user, "10.1.0.2");
		assertThat(later.status()).isEqualTo(429);
		assertThat(later.headers().firstValue("Retry-After")).hasValue("20");
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(get(user, "10.1.0.2").status()).isEqualTo(200);
		assertThat(get(wrong(user), "10.1.0.2").status()).isEqualTo(401);
		assertThat(get(user, "10.1.0.2").status()).isEqualTo(429);
	}

	@Test
	void another_user_from_the_same_address_is_unaffected_until_the_address_limit() {
		Login guessed = this.api.user("guessed-at-the-office", "AGENT");
		Login colleague = this.api.user("colleague-at-the-office", "AGENT");
		failFiveTimes(guessed, "10.1.0.4");
		assertThat(get(guessed, "10.1.0.4").status()).isEqualTo(429);

		assertThat(get(colleague, "10.1.0.4").status()).isEqualTo(200);
		for (int i = 0; i < 3; i++) {
			assertThat(get(wrong(colleague), "10.1.0.4").status()).isEqualTo(401);
		}
		Api.Response refused = get(colleague, "10.1.0.4");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("detail").asString())
			.startsWith("Too many failed logins from this address; try again in ");
		assertThat(get(Login.ADMIN, "10.1.0.4").status()).isEqualTo(429);
		assertThat(get(Login.ADMIN, "10.1.0.5").status()).isEqualTo(200);
		assertThat(get(colleague, "10.1.0.5").status()).isEqualTo(200);
	}

	@Test
	void successful_api_calls_in_a_loop_are_never_throttled() {
		Login script = this.api.user("partner-script", "AGENT");
		for (int i = 0; i < 4; i++) {
			assertThat(get(wrong(script), "10.1.0.6").status()).isEqualTo(401);
		}
		for (int i = 0; i < 200; i++) {
			assertThat(get(script, "10.1.0.6").status()).as("call %d", i).isEqualTo(200);
		}
	}

	@Test
	void a_client_that_is_no_proxy_cannot_dodge_the_address_limit_with_x_forwarded_for() throws IOException {
		for (int i = 0; i < 8; i++) {
			String status = fromUntrustedClient(new Login("sprayed-" + i, "a-common-password"), "203.0.113." + i);
			assertThat(status).startsWith("HTTP/1.1 401");
		}
		assertThat(fromUntrustedClient(Login.ADMIN, "203.0.113.99")).startsWith("HTTP/1.1 429");
		// the proxy's forwarded addresses are believed: that client is somebody else
		assertThat(get(Login.ADMIN, "203.0.113.99").status()).isEqualTo(200);
	}

	@Test
	void the_login_form_says_when_to_try_again() {
		Login user = this.api.user("guessed-form", "AGENT");
		WebSession browser = WebSession.open(this.api);
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> failed = submitLogin(browser, wrong(user));
			assertThat(failed.headers().firstValue("Location")).hasValueSatisfying((l) -> l.endsWith("/login?error"));
		}

		HttpResponse<String> refused = submitLogin(browser, user);
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?throttled=60"));
		String page = browser.get("/login?throttled=60").body();
		assertThat(page).contains("Too many failed logins. Try again in 60 seconds.")
			.doesNotContain("Wrong username or password");
		assertThat(browser.get("/clients").statusCode()).as("not logged in").isEqualTo(302);
		assertThat(browser.get("/login?throttled=soon%3Cb%3E").body()).doesNotContain("Too many failed logins");
	}

	@Test
	void failed_logins_and_the_first_refusal_are_in_the_audit_log_with_the_client_address() {
		Login user = this.api.user("audited", "AGENT");
		failFiveTimes(user, "10.1.0.7");
		assertThat(get(user, "10.1.0.7").status()).isEqualTo(429);
		assertThat(get(wrong(user), "10.1.0.7").status()).isEqualTo(429);

		JsonNode entries = this.api.get("/api/audit?user=audited", Login.ADMIN).json().get("items");
		List<String> failures = entries.valueStream()
			.filter((entry) -> entry.get("action").asString().equals("LOGIN_FAILED"))
			.map((entry) -> entry.get("clientAddress").asString())
			.toList();
		assertThat(failures).containsExactly("10.1.0.7", "10.1.0.7", "10.1.0.7", "10.1.0.7", "10.1.0.7");
		List<JsonNode> refusals = entries.valueStream()
			.filter((entry) -> entry.get("action").asString().equals("LOGIN_THROTTLED"))
			.toList();
		assertThat(refusals).as("one entry for the refusals of one wait, not one per attempt").hasSize(1);
		assertThat(refusals.get(0).get("clientAddress").asString()).isEqualTo("10.1.0.7");
		assertThat(refusals.get(0).at("/details/limit").asString()).isEqualTo("USER");
		assertThat(refusals.get(0).at("/details/retryAfterSeconds").asLong()).isEqualTo(60);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock(Instant.now());
		}

	}

	@Test
	void wrong_current_passwords_of_a_password_change_spend_the_users_budget_as_failed_logins_do() {
		Login user = this.api.user("guessed-account", "AGENT");
		for (int i = 0; i < 5; i++) {
			assertThat(changeOwnPassword(user, "guess-" + i, "10.1.0.9").status()).as("guess %d", i + 1).isEqualTo(422);
		}

		Api.Response refused = changeOwnPassword(user, user.password(), "10.1.0.9");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(get(user, "10.1.0.10").status()).as("a login from elsewhere").isEqualTo(429);
	}

	private Api.Response changeOwnPassword(Login user, String currentPassword, String clientAddress) {
		return this.api.send("POST", "/api/account/password",
				BodyPublishers
					.ofString(Api.json(Map.of("currentPassword", currentPassword, "newPassword", "a-new-password-1"))),
				"application/json", user, Map.of("X-Forwarded-For", clientAddress));
	}

	private void failFiveTimes(Login user, String address) {
		for (int i = 0; i < 5; i++) {
			assertThat(get(wrong(user), address).status()).as("failure %d", i + 1).isEqualTo(401);
		}
	}

	private Api.Response get(Login login, String clientAddress) {
		return this.api.send("GET", "/api/projects", BodyPublishers.noBody(), null, login,
				Map.of("X-Forwarded-For", clientAddress));
	}

	private static Login wrong(Login login) {
		return new Login(login.username(), "not-" + login.password());
	}

	private static HttpResponse<String> submitLogin(WebSession browser, Login login) {
		return browser.submitForm("/login", Map.of("username", login.username(), "password", login.password(), "_csrf",
				browser.csrfTokenOfLoginForm()));
	}

	/**
	 * A request from 127.0.0.2, which is no proxy here, claiming to forward another
	 * client; its status line.
	 */
	private String fromUntrustedClient(Login login, String forwardedFor) throws IOException {
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		try (Socket socket = new Socket(loopback, this.port, InetAddress.getByName("127.0.0.2"), 0)) {
			socket.setSoTimeout(30_000);
			String credentials = Base64.getEncoder()
				.encodeToString((login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/projects HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nAuthorization: Basic "
					+ credentials + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return response.lines()
				.findFirst()
				.orElseThrow(() -> new UncheckedIOException(new IOException("no answer")));
		}
	}

}
