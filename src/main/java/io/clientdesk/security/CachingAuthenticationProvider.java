package io.clientdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Remembers, for a few minutes, that a username and password were checked, so that a
 * script sending HTTP Basic credentials with every request pays for bcrypt once, not on
 * every request (about 70 ms of CPU each). Only a keyed hash of the password is kept
 * (HMAC-SHA-256 with a key made at start and never stored), and a wrong password always
 * goes to the real check.
 * <p>
 * A remembered check holds only while the user is as they were then: each request looks
 * the user up (one indexed read, no bcrypt) and compares their password hash, role and
 * enabled state. An admin's change (disabled, another role, a new password) so counts at
 * the next request, on every server, each of which has a memory of its own.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

	static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

	static final int MAX_ENTRIES = 10_000;

	private record Verified(byte[] passwordMac, Object principal, Collection<? extends GrantedAuthority> authorities,
			Stamp stamp, Instant expires) {
	}

	/** What a remembered check must still match: the user as stored. */
	private record Stamp(String passwordHash, Set<String> authorities, boolean enabled) {

		static Stamp of(UserDetails user) {
			return new Stamp(user.getPassword(),
					user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()),
					user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired()
							&& user.isCredentialsNonExpired());
		}

	}

	private final AuthenticationProvider delegate;

	private final UserDetailsService users;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final SecretKeySpec key;

	private final Clock clock;

	CachingAuthenticationProvider(AuthenticationProvider delegate, UserDetailsService users, Clock clock) {
		this.delegate = delegate;
		this.users = users;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (credentials == null) {
			return this.delegate.authenticate(authentication);
		}
		byte[] mac = mac(username, credentials.toString());
		Instant now = this.clock.instant();
		Verified known = this.verified.get(username);
		if (known != null && now.isBefore(known.expires()) && MessageDigest.isEqual(known.passwordMac(), mac)) {
			if (known.stamp().equals(storedStamp(username))) {
				return UsernamePasswordAuthenticationToken.authenticated(known.principal(), null, known.authorities());
			}
			this.verified.remove(username, known);
		}
		Authentication result = this.delegate.authenticate(authentication);
		// the stamp of the user the check read (before the authentication manager erases
		// its password hash)
		if (result != null && result.isAuthenticated() && result.getPrincipal() instanceof UserDetails checked) {
			if (this.verified.size() >= MAX_ENTRIES) {
				this.verified.clear();
			}
			this.verified.put(username, new Verified(mac, result.getPrincipal(), result.getAuthorities(),
					Stamp.of(checked), now.plus(TIME_TO_LIVE)));
		}
		return result;
	}

	/** The user as stored now, or {@code null} if there is none. */
	private Stamp storedStamp(String username) {
		try {
			return Stamp.of(this.users.loadUserByUsername(username));
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

	private byte[] mac(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
