package io.clientdesk.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling ({@code clientdesk.security.login.*}): how many failed logins a
 * username, and a client address, may have before further attempts are refused, and how
 * often one failure is forgiven. See {@link LoginThrottle}.
 *
 * @param perUserFailures failed logins of one username (from anywhere) before its
 * attempts are refused
 * @param perUserRefill how often one of a username's failures is forgiven
 * @param perAddressFailures failed logins from one client address (any usernames) before
 * its attempts are refused; larger, since an office may share one address
 * @param perAddressRefill how often one of an address's failures is forgiven
 * @param trackedKeys usernames, and separately addresses, remembered at most (about 300
 * bytes each), so that a flood of made-up names cannot fill the heap
 */
@ConfigurationProperties("clientdesk.security.login")
record LoginThrottleProperties(@DefaultValue("5") int perUserFailures, @DefaultValue("1m") Duration perUserRefill,
		@DefaultValue("20") int perAddressFailures, @DefaultValue("15s") Duration perAddressRefill,
		@DefaultValue("10000") int trackedKeys) {

	LoginThrottleProperties {
		if (perUserFailures < 1 || perAddressFailures < 1 || trackedKeys < 1) {
			throw new IllegalArgumentException(
					"clientdesk.security.login: per-user-failures, per-address-failures and tracked-keys must be 1 or more");
		}
		if (perUserRefill.isNegative() || perUserRefill.isZero() || perAddressRefill.isNegative()
				|| perAddressRefill.isZero()) {
			throw new IllegalArgumentException(
					"clientdesk.security.login: per-user-refill and per-address-refill must be longer than zero");
		}
	}

}
