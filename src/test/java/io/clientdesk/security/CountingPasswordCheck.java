package io.clientdesk.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Stands for the bcrypt check in unit tests: accepts any user whose password is
 * {@link #RIGHT}, and counts the checks, which are what costs CPU.
 */
class CountingPasswordCheck implements AuthenticationProvider {

	static final String RIGHT = "right-password";

	private final AtomicInteger checks = new AtomicInteger();

	@Override
	public Authentication authenticate(Authentication authentication) {
		this.checks.incrementAndGet();
		if (RIGHT.equals(authentication.getCredentials())) {
			return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
					List.of(new SimpleGrantedAuthority("ROLE_MANAGER")));
		}
		throw new BadCredentialsException("Bad credentials");
	}

	int checks() {
		return this.checks.get();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return true;
	}

}
