package io.clientdesk.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Stands for the bcrypt check in unit tests: accepts any user whose password is
 * {@link #RIGHT}, and counts the checks, which are what costs CPU. Every user is a
 * MANAGER with the hash {@code hash-of-right-password}, enabled, until a test changes
 * them as an admin would ({@link #store}).
 */
class CountingPasswordCheck implements AuthenticationProvider, UserDetailsService {

	static final String RIGHT = "right-password";

	private final AtomicInteger checks = new AtomicInteger();

	private final Map<String, UserDetails> changed = new ConcurrentHashMap<>();

	@Override
	public Authentication authenticate(Authentication authentication) {
		this.checks.incrementAndGet();
		UserDetails user = loadUserByUsername(authentication.getName());
		if (!user.getPassword().equals("hash-of-" + authentication.getCredentials())) {
			throw new BadCredentialsException("Bad credentials");
		}
		if (!user.isEnabled()) {
			throw new DisabledException("User is disabled");
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (username.startsWith("gone-")) {
			throw new UsernameNotFoundException(username);
		}
		return this.changed.computeIfAbsent(username, (name) -> user(name, "MANAGER", RIGHT, true));
	}

	/** Stores the user as given, as an admin's change would. */
	void store(String username, String role, String password, boolean enabled) {
		this.changed.put(username, user(username, role, password, enabled));
	}

	private static UserDetails user(String username, String role, String password, boolean enabled) {
		return org.springframework.security.core.userdetails.User.withUsername(username)
			.password("hash-of-" + password)
			.roles(role)
			.disabled(!enabled)
			.build();
	}

	int checks() {
		return this.checks.get();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return true;
	}

}
