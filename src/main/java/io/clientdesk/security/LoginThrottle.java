package io.clientdesk.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Limits password guessing, on the login form and HTTP Basic alike: each username, and
 * each client address, has a budget of failed logins (a Bucket4j token bucket, one
 * failure forgiven every so often). Only failures spend it, so a script that logs in
 * thousands of times with the right password is never slowed. Once a budget is spent,
 * every attempt with that username or from that address is refused before its password is
 * checked, the right one included, until a failure is forgiven: a refused guess costs no
 * bcrypt, and tells nothing.
 * <p>
 * The checks of one username run one at a time (striped locks), so that parallel guesses
 * cannot all pass the budget before the first has failed; for a script's parallel first
 * requests this also means one bcrypt check, after which the others find its password in
 * {@link CachingAuthenticationProvider}'s memory. Different usernames from one address
 * run in parallel, so each attempt reserves a unit of the address's budget while it runs,
 * given back if it succeeds. Buckets live in bounded caches, and are dropped once full
 * again (a full bucket is as good as none). See decision 6.
 */
class LoginThrottle implements AuthenticationProvider {

	/** Usernames are at most 50 characters; longer keys are cut, to bound memory. */
	static final int KEY_LENGTH = 64;

	private static final int STRIPES = 256;

	private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	private final AuthenticationProvider delegate;

	private final LoginThrottleProperties limits;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Cache<String, Bucket> users;

	private final Cache<String, Bucket> addresses;

	private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

	LoginThrottle(AuthenticationProvider delegate, LoginThrottleProperties limits, Clock clock,
			ApplicationEventPublisher events) {
		this.delegate = delegate;
		this.limits = limits;
		this.clock = clock;
		this.events = events;
		this.users = cache(limits.perUserRefill().multipliedBy(limits.perUserFailures()));
		this.addresses = cache(limits.perAddressRefill().multipliedBy(limits.perAddressFailures()));
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new ReentrantLock();
		}
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		// one budget for a name however it is typed: usernames are matched ignoring case
		String username = key(UserRepository.key(String.valueOf(authentication.getName())));
		String address = addressOf(authentication);
		ReentrantLock lock = this.stripes[Math.floorMod(username.hashCode(), STRIPES)];
		lock.lock();
		try {
			return attempt(authentication, username, address);
		}
		finally {
			lock.unlock();
		}
	}

	private Authentication attempt(Authentication authentication, String username, String address) {
		String addressKey = addressKey(address);
		Bucket user = this.users.getIfPresent(username);
		Bucket from = this.addresses.get(addressKey,
				(key) -> bucket(this.limits.perAddressFailures(), this.limits.perAddressRefill()));
		Duration userWait = waitFor(user);
		Duration addressWait = waitFor(from);
		if (!userWait.isZero() || !addressWait.isZero() || !from.tryConsume(1)) {
			boolean byUser = userWait.compareTo(addressWait) >= 0 && !userWait.isZero();
			throw refuse(username, address, byUser ? LoginThrottled.Limit.USER : LoginThrottled.Limit.ADDRESS,
					byUser ? userWait : waitAfterReservation(from));
		}
		boolean failed = false;
		try {
			// a success does not forgive the username's failures: a script logging in
			// every second would otherwise give a guesser a new budget every second
			return this.delegate.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			failed = true;
			this.users.get(username, (key) -> bucket(this.limits.perUserFailures(), this.limits.perUserRefill()))
				.tryConsume(1);
			throw ex;
		}
		finally {
			if (!failed) {
				from.addTokens(1); // only a failure spends the address's budget
			}
		}
	}

	private LoginThrottledException refuse(String username, String address, LoginThrottled.Limit limit,
			Duration retryAfter) {
		LoginThrottled refused = new LoginThrottled(username, address, limit, retryAfter);
		this.events.publishEvent(refused);
		return new LoginThrottledException(refused);
	}

	/** How long until the bucket has a unit to spend; zero if it has one. */
	private static Duration waitFor(Bucket bucket) {
		if (bucket == null) {
			return Duration.ZERO;
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/** A reservation lost to concurrent attempts: at least a second. */
	private static Duration waitAfterReservation(Bucket bucket) {
		Duration wait = waitFor(bucket);
		return !wait.isZero() ? wait : Duration.ofSeconds(1);
	}

	private Bucket bucket(int failures, Duration refill) {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(failures).refillGreedy(1, refill))
			.withCustomTimePrecision(new TimeMeter() {
				@Override
				public long currentTimeNanos() {
					return nanos(LoginThrottle.this.clock.instant());
				}

				@Override
				public boolean isWallClockBased() {
					return true;
				}
			})
			.build();
	}

	private Cache<String, Bucket> cache(Duration untilFull) {
		return Caffeine.newBuilder()
			.maximumSize(this.limits.trackedKeys())
			.expireAfterAccess(untilFull)
			.ticker(() -> nanos(this.clock.instant()))
			.build();
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	private static String key(String text) {
		String key = (text != null) ? text : "";
		return (key.length() > KEY_LENGTH) ? key.substring(0, KEY_LENGTH) : key;
	}

	private static String addressOf(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

	/**
	 * An IPv6 client is counted by its /64 network: one host usually holds a whole /64,
	 * and would otherwise have 2^64 budgets.
	 */
	static String addressKey(String address) {
		// only an IPv6 literal is parsed: anything else could make InetAddress look a
		// name up (a trusted proxy's X-Forwarded-For is not checked by Tomcat)
		if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
			return key(address);
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return (bytes.length == 16) ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64"
					: InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return key(address);
		}
	}

	/** Usernames and addresses remembered now (for tests of the bound). */
	long trackedKeys() {
		this.users.cleanUp();
		this.addresses.cleanUp();
		return this.users.estimatedSize() + this.addresses.estimatedSize();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
