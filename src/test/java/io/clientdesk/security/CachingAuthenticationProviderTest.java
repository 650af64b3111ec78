package io.clientdesk.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingAuthenticationProviderTest {

	private final AtomicInteger checks = new AtomicInteger();

	private Instant now = Instant.parse("2026-11-25T10:00:00Z");

	/** Accepts only maria / right-password, counting the (expensive) checks. */
	private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
		@Override
		public Authentication authenticate(Authentication authentication) {
			CachingAuthenticationProviderTest.this.checks.incrementAndGet();
			if ("maria".equals(authentication.getName()) && "right-password".equals(authentication.getCredentials())) {
				return UsernamePasswordAuthenticationToken.authenticated("maria", null,
						List.of(new SimpleGrantedAuthority("ROLE_MANAGER")));
			}
			throw new BadCredentialsException("Bad credentials");
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return true;
		}
	};

	private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(this.bcrypt, new Clock() {
		@Override
		public Instant instant() {
			return CachingAuthenticationProviderTest.this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	@Test
	void checks_a_password_once_and_then_answers_from_memory() {
		for (int i = 0; i < 5; i++) {
			Authentication result = this.provider.authenticate(login("maria", "right-password"));
			assertThat(result.isAuthenticated()).isTrue();
			assertThat(result.getAuthorities()).extracting("authority").containsExactly("ROLE_MANAGER");
		}
		assertThat(this.checks).hasValue(1);
	}

	@Test
	void a_wrong_password_is_always_checked_and_refused_even_after_the_right_one() {
		this.provider.authenticate(login("maria", "right-password"));
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.provider.authenticate(login("maria", "wrong-password")));
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void checks_the_password_again_after_five_minutes() {
		this.provider.authenticate(login("maria", "right-password"));
		this.now = this.now.plus(CachingAuthenticationProvider.TIME_TO_LIVE).plusSeconds(1);
		this.provider.authenticate(login("maria", "right-password"));
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void a_forgotten_user_is_checked_again() {
		this.provider.authenticate(login("maria", "right-password"));
		this.provider.forget("maria");
		this.provider.authenticate(login("maria", "right-password"));
		assertThat(this.checks).hasValue(2);
	}

	private static Authentication login(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

}
