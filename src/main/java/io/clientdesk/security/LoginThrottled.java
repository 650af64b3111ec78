package io.clientdesk.security;

import java.time.Duration;

/**
 * A login attempt refused, before its password was checked, because its username or its
 * client address had too many failed logins (an event). Failed logins themselves are
 * Spring Security's {@code AuthenticationFailureBadCredentialsEvent}, whose
 * authentication's details ({@code WebAuthenticationDetails}) give the client address.
 * Both are published synchronously on the request's thread, outside any transaction: a
 * listener uses {@code @EventListener}; a transactional one
 * ({@code @TransactionalEventListener}, {@code @ApplicationModuleListener}) would never
 * be called.
 *
 * @param username the username sent (at most 64 characters of it)
 * @param address the client's address ({@code request.getRemoteAddr()}, a proxy's
 * forwarded address where the proxy is trusted)
 * @param limit which limit refused it
 * @param retryAfter how long until the next attempt is allowed
 */
public record LoginThrottled(String username, String address, Limit limit, Duration retryAfter) {

	/** Which budget of failed logins is spent. */
	public enum Limit {

		/** The username's, whatever the address. */
		USER,

		/** The client address's, whatever the username. */
		ADDRESS

	}

}
