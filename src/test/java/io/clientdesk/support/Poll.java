package io.clientdesk.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for what the application does in the background (an import, the search text, a
 * server's start): ask again and again until the answer is the one wanted.
 */
public final class Poll {

	private Poll() {
	}

	/**
	 * Asks every {@code every} until {@code done} holds for the answer, which it returns;
	 * after {@code timeout}, fails with the last answer.
	 */
	public static <T> T until(Duration timeout, Duration every, Supplier<T> ask, Predicate<T> done, String what) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			T answer = ask.get();
			if (done.test(answer)) {
				return answer;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(
						"Waited " + timeout.toSeconds() + " s in vain for " + what + "; last answer: " + answer);
			}
			pause(every);
		}
	}

	public static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
