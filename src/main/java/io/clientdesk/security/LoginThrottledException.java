package io.clientdesk.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused before its password was checked (see {@link LoginThrottle}): the API
 * answers 429 with {@code Retry-After}, the login form shows when to try again.
 */
class LoginThrottledException extends AuthenticationException {

	private final LoginThrottled.Limit limit;

	private final long retryAfterSeconds;

	LoginThrottledException(LoginThrottled refused) {
		super(describe(refused.limit(), seconds(refused)));
		this.limit = refused.limit();
		this.retryAfterSeconds = seconds(refused);
	}

	LoginThrottled.Limit limit() {
		return this.limit;
	}

	/** Whole seconds, rounded up, at least 1: what {@code Retry-After} says. */
	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	private static long seconds(LoginThrottled refused) {
		long millis = refused.retryAfter().toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

	private static String describe(LoginThrottled.Limit limit, long seconds) {
		String whose = (limit == LoginThrottled.Limit.USER) ? "for this user" : "from this address";
		return "Too many failed logins " + whose + "; try again in " + seconds + " s";
	}

}
