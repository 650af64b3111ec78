package io.clientdesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.clientdesk.support.TestClock;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The throttle with a clock the test moves: five failures per username, eight per
 * address, one forgiven a minute.
 */
class LoginThrottleTest {

	private static final String RIGHT = CountingPasswordCheck.RIGHT;

	private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));

	private final CountingPasswordCheck bcrypt = new CountingPasswordCheck();

	private final List<Object> events = new ArrayList<>();

	private final LoginThrottle throttle = throttle(this.bcrypt, 10_000);

	@Test
	void refuses_the_sixth_attempt_after_five_failures_without_checking_even_the_right_password() {
		failFiveTimes("maria", "10.0.0.1");

		LoginThrottledException refused = refused("maria", RIGHT, "10.0.0.2");
		assertThat(refused.limit()).isEqualTo(LoginThrottled.Limit.USER);
		assertThat(refused.retryAfterSeconds()).isEqualTo(60);
		assertThat(refused.getMessage()).isEqualTo("Too many failed logins for this user; try again in 60 s");
		assertThat(this.bcrypt.checks()).isEqualTo(5);
		assertThat(this.events)
			.containsExactly(new LoginThrottled("maria", "10.0.0.2", LoginThrottled.Limit.USER, Duration.ofMinutes(1)));
	}

	@Test
	void a_username_typed_in_other_letters_spends_the_same_budget() {
		for (String typed : List.of("maria", "Maria", "MARIA", "mAria", "maRia")) {
			fail(typed, "10.0.0.1");
		}

		assertThat(refused("MaRiA", RIGHT, "10.0.0.2").limit()).isEqualTo(LoginThrottled.Limit.USER);
		assertThat(this.bcrypt.checks()).isEqualTo(5);
	}

	@Test
	void forgives_one_failure_a_minute() {
		failFiveTimes("maria", "10.0.0.1");

		this.clock.advance(Duration.ofSeconds(45));
		assertThat(refused("maria", RIGHT, "10.0.0.1").retryAfterSeconds()).isEqualTo(15);
		this.clock.advance(Duration.ofSeconds(15));
		assertThat(login("maria", RIGHT, "10.0.0.1").isAuthenticated()).isTrue();
		fail("maria", "10.0.0.1");
		assertThat(refused("maria", RIGHT, "10.0.0.1").limit()).isEqualTo(LoginThrottled.Limit.USER);
	}

	@Test
	void successes_spend_nothing_and_do_not_forgive_failures() {
		for (int i = 0; i < 1_000; i++) {
			login("maria", RIGHT, "10.0.0.1");
		}
		failFiveTimes("maria", "10.0.0.1");
		assertThat(refused("maria", RIGHT, "10.0.0.1").limit()).isEqualTo(LoginThrottled.Limit.USER);
	}

	@Test
	void an_address_with_too_many_failures_is_refused_for_every_username_and_others_are_not() {
		for (int i = 0; i < 8; i++) {
			fail("user-" + i, "10.0.0.9");
		}
		LoginThrottledException refused = refused("someone-else", RIGHT, "10.0.0.9");
		assertThat(refused.limit()).isEqualTo(LoginThrottled.Limit.ADDRESS);
		assertThat(refused.getMessage()).startsWith("Too many failed logins from this address; try again in ");
		assertThat(login("someone-else", RIGHT, "10.0.0.10").isAuthenticated()).isTrue();
		assertThat(login("user-0", RIGHT, "10.0.0.10").isAuthenticated()).isTrue();
	}

	@Test
	void counts_an_ipv6_client_by_its_64_network() {
		assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa:0:0:1"))
			.isEqualTo(LoginThrottle.addressKey("2001:db8:1:2:ffff:1:2:3"))
			.isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3:aaaa:0:0:1"));
		assertThat(LoginThrottle.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(LoginThrottle.addressKey("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(LoginThrottle.addressKey("zz:not-an-address")).isEqualTo("zz:not-an-address");
	}

	@Test
	void parallel_guesses_get_no_more_password_checks_than_the_budget() throws Exception {
		// each check takes a moment, as bcrypt does, so that the guesses overlap
		AuthenticationProvider slow = new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				sleep(Duration.ofMillis(10));
				return LoginThrottleTest.this.bcrypt.authenticate(authentication);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return true;
			}
		};
		LoginThrottle throttle = throttle(slow, 10_000);
		List<Callable<Object>> guesses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String username = (i % 2 == 0) ? "maria" : "other-" + i;
			guesses.add(() -> attempt(throttle, username, "wrong-" + username, "10.0.0.1"));
		}
		inParallel(guesses);
		// five for maria; the address's eight, maria's five among them
		assertThat(this.bcrypt.checks()).isEqualTo(8);
	}

	@Test
	void remembers_no_more_usernames_than_it_may_however_many_are_tried() {
		LoginThrottle throttle = throttle(this.bcrypt, 100);
		for (int i = 0; i < 5_000; i++) {
			attempt(throttle, "made-up-" + i, "wrong", "10.1." + (i / 250) + "." + (i % 250));
		}
		assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(200);
	}

	private LoginThrottle throttle(AuthenticationProvider check, int trackedKeys) {
		return new LoginThrottle(check,
				new LoginThrottleProperties(5, Duration.ofMinutes(1), 8, Duration.ofMinutes(1), trackedKeys),
				this.clock, this.events::add);
	}

	private void failFiveTimes(String username, String address) {
		for (int i = 0; i < 5; i++) {
			fail(username, address);
		}
	}

	private void fail(String username, String address) {
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> login(username, "wrong-password", address));
	}

	private LoginThrottledException refused(String username, String password, String address) {
		LoginThrottledException refused = catchThrowableOfType(LoginThrottledException.class,
				() -> login(username, password, address));
		assertThat(refused).as("%s from %s refused", username, address).isNotNull();
		return refused;
	}

	private Authentication login(String username, String password, String address) {
		return this.throttle.authenticate(token(username, password, address));
	}

	/** The outcome of one attempt: the authentication or the exception. */
	private static Object attempt(LoginThrottle throttle, String username, String password, String address) {
		try {
			return throttle.authenticate(token(username, password, address));
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private static Authentication token(String username, String password, String address) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		token.setDetails(new WebAuthenticationDetails(address, null));
		return token;
	}

	private static void inParallel(List<Callable<Object>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> outcomes = new ArrayList<>();
			for (Callable<Object> task : tasks) {
				outcomes.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			for (Future<Object> outcome : outcomes) {
				outcome.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
