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
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

/**
 * Remembers, for a few minutes, that a username and password were checked, so that a
 * script sending HTTP Basic credentials with every request pays for bcrypt once, not on
 * every request (about 70 ms of CPU each). Only a keyed hash of the password is kept
 * (HMAC-SHA-256 with a key made at start and never stored), and a wrong password always
 * goes to the real check.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

	static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

	static final int MAX_ENTRIES = 10_000;

	private record Verified(byte[] passwordMac, Object principal, Collection<? extends GrantedAuthority> authorities,
			Instant expires) {
	}

	private final AuthenticationProvider delegate;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final SecretKeySpec key;

	private final Clock clock;

	CachingAuthenticationProvider(AuthenticationProvider delegate, Clock clock) {
		this.delegate = delegate;
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
			return UsernamePasswordAuthenticationToken.authenticated(known.principal(), null, known.authorities());
		}
		Authentication result = this.delegate.authenticate(authentication);
		if (result != null && result.isAuthenticated()) {
			if (this.verified.size() >= MAX_ENTRIES) {
				this.verified.clear();
			}
			this.verified.put(username,
					new Verified(mac, result.getPrincipal(), result.getAuthorities(), now.plus(TIME_TO_LIVE)));
		}
		return result;
	}

	/** Forgets a user's checked password (after a change of password or role). */
	void forget(String username) {
		this.verified.remove(username);
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
