package io.clientdesk.importing.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import io.clientdesk.shared.LimitReachedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The exports this server streams at once, at most
 * {@code clientdesk.export.max-concurrent}. An export holds no database connection while
 * it waits on its reader, but it holds a request thread, memory for its page, and a share
 * of the database's time for each page: a few are enough for the people who need one, and
 * many at once would slow everyone.
 */
@Component
class ExportSlots {

	static final String SETTING = "clientdesk.export.max-concurrent";

	private final Semaphore slots;

	private final ExportProperties properties;

	ExportSlots(ExportProperties properties) {
		this.properties = properties;
		this.slots = new Semaphore(properties.maxConcurrent());
	}

	/**
	 * A slot for one export, to be closed when it ends however it ends.
	 * @throws LimitReachedException (503, with {@code Retry-After}) when every slot is
	 * taken
	 */
	Slot take() {
		if (!this.slots.tryAcquire()) {
			throw new LimitReachedException(HttpStatus.SERVICE_UNAVAILABLE,
					"Too many exports at once: this server streams at most " + this.properties.maxConcurrent()
							+ " at the same time (" + SETTING + "); try again shortly",
					SETTING, Integer.toString(this.properties.maxConcurrent()), this.properties.retryAfter());
		}
		return new Slot();
	}

	/** One export's slot; closing it twice gives it back once. */
	final class Slot implements AutoCloseable {

		private final AtomicBoolean open = new AtomicBoolean(true);

		@Override
		public void close() {
			if (this.open.compareAndSet(true, false)) {
				ExportSlots.this.slots.release();
			}
		}

	}

}
