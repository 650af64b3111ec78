package io.clientdesk.security;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.clientdesk.support.TestClock;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingAuthenticationProviderTest {

	private final CountingPasswordCheck bcrypt = new CountingPasswordCheck();

	private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));

	private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(this.bcrypt, this.bcrypt,
			this.clock);

	@Test
	void checks_a_password_once_and_then_answers_from_memory() {
		for (int i = 0; i < 5; i++) {
			Authentication result = this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT));
			assertThat(result.isAuthenticated()).isTrue();
			assertThat(result.getAuthorities()).extracting("authority").containsExactly("ROLE_MANAGER");
		}
		assertThat(this.bcrypt.checks()).isEqualTo(1);
	}

	@Test
	void a_wrong_password_is_always_checked_and_refused_even_after_the_right_one() {
		this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT));
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.provider.authenticate(login("maria", "wrong-password")));
		assertThat(this.bcrypt.checks()).isEqualTo(2);
	}

	@Test
	void checks_the_password_again_after_five_minutes() {
		this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT));
		this.clock.advance(CachingAuthenticationProvider.TIME_TO_LIVE.plusSeconds(1));
		this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT));
		assertThat(this.bcrypt.checks()).isEqualTo(2);
	}

	@Test
	void a_user_disabled_since_is_refused_at_the_next_request() {
		this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT));
		this.bcrypt.store("maria", "MANAGER", CountingPasswordCheck.RIGHT, false);

		assertThatExceptionOfType(DisabledException.class)
			.isThrownBy(() -> this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT)));
	}

	@Test
	void a_new_role_counts_at_the_next_request_and_is_then_remembered() {
		this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT));
		this.bcrypt.store("maria", "AGENT", CountingPasswordCheck.RIGHT, true);

		for (int i = 0; i < 3; i++) {
			Authentication result = this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT));
			assertThat(result.getAuthorities()).extracting("authority").containsExactly("ROLE_AGENT");
		}
		assertThat(this.bcrypt.checks()).isEqualTo(2);
	}

	@Test
	void the_old_password_is_refused_at_once_after_a_new_one_is_set() {
		this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT));
		this.bcrypt.store("maria", "MANAGER", "new-password", true);

		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT)));
		assertThat(this.provider.authenticate(login("maria", "new-password")).isAuthenticated()).isTrue();
	}

	@Test
	void a_remembered_check_is_compared_with_the_stored_user_on_every_request_without_bcrypt() {
		this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT));
		this.bcrypt.store("maria", "MANAGER", CountingPasswordCheck.RIGHT, true); // the
																					// same
																					// again

		this.provider.authenticate(login("maria", CountingPasswordCheck.RIGHT));

		assertThat(this.bcrypt.checks()).isEqualTo(1);
	}

	private static Authentication login(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

}
