package io.clientdesk.security;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody can lock everybody out: the last enabled admin cannot be demoted or disabled,
 * and no admin can disable themselves. On a database of its own (the property below makes
 * a context of its own), where the admins are only those the test makes.
 */
@IntegrationTest
@TestPropertySource(properties = "clientdesk.test.context=last-admin")
class LastAdminIT {

	@Autowired
	Api api;

	@Test
	void the_last_enabled_admin_cannot_be_demoted_or_disabled_and_a_disabled_admin_does_not_count() {
		Api.Response demoted = patch("admin", Map.of("role", "MANAGER"), Login.ADMIN);
		assertThat(demoted.status()).isEqualTo(409);
		assertThat(demoted.json().get("detail").asString()).contains("last enabled admin");
		assertThat(patch("admin", Map.of("enabled", false), Login.ADMIN).status()).isEqualTo(409);

		Login second = this.api.user("second-admin", "ADMIN");
		assertThat(patch("admin", Map.of("role", "MANAGER"), second).status()).as("another admin is left")
			.isEqualTo(200);
		assertThat(patch("second-admin", Map.of("role", "AGENT"), second).status()).isEqualTo(409);
		assertThat(patch("admin", Map.of("role", "ADMIN"), second).status()).isEqualTo(200);

		assertThat(patch("second-admin", Map.of("enabled", false), Login.ADMIN).status()).isEqualTo(200);
		assertThat(patch("admin", Map.of("role", "AGENT"), Login.ADMIN).status()).as("the other one is disabled")
			.isEqualTo(409);
		assertThat(patch("second-admin", Map.of("role", "AGENT"), Login.ADMIN).status())
			.as("a disabled admin is no admin to keep")
			.isEqualTo(200);
		assertThat(this.api.get("/api/users", Login.ADMIN).status()).isEqualTo(200);
	}

	@Test
	void two_admins_demoting_each_other_at_once_leave_one_admin() {
		for (int i = 0; i < 5; i++) {
			Login other = this.api.user("rival-" + i, "ADMIN");

			CompletableFuture<Api.Response> first = CompletableFuture
				.supplyAsync(() -> patch(other.username(), Map.of("role", "AGENT"), Login.ADMIN));
			CompletableFuture<Api.Response> second = CompletableFuture
				.supplyAsync(() -> patch("admin", Map.of("role", "AGENT"), other));
			List<Integer> statuses = List.of(first.join().status(), second.join().status());

			assertThat(statuses).as("round %d", i).containsOnlyOnce(200);
			long admins = this.api.get("/api/users", adminOrOther(other))
				.json()
				.valueStream()
				.filter((u) -> u.get("role").asString().equals("ADMIN") && u.get("enabled").asBoolean())
				.count();
			assertThat(admins).as("round %d", i).isEqualTo(1);
			// the one left makes the other admin again, and the next round starts from
			// two
			Login left = isAdmin(Login.ADMIN) ? Login.ADMIN : other;
			String demoted = (left == Login.ADMIN) ? other.username() : "admin";
			assertThat(patch(demoted, Map.of("role", "ADMIN"), left).status()).isEqualTo(200);
			assertThat(patch(other.username(), Map.of("enabled", false), Login.ADMIN).status()).isEqualTo(200);
		}
	}

	private Login adminOrOther(Login other) {
		return isAdmin(Login.ADMIN) ? Login.ADMIN : other;
	}

	private boolean isAdmin(Login login) {
		return this.api.get("/api/users", login).status() == 200;
	}

	private Api.Response patch(String username, Map<String, ?> change, Login login) {
		return this.api.send("PATCH", "/api/users/" + username, BodyPublishers.ofString(Api.json(change)),
				"application/json", login);
	}

}
