package io.clientdesk.importing.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import io.clientdesk.importing.file.CsvRow;
import io.clientdesk.importing.rows.ValidatedRow;

/**
 * Reads and checks a file's rows on a thread of its own, one chunk ahead of the import,
 * which matches and writes them: reading and checking the next chunk overlaps the
 * database's work on this one. The chunk read ahead is handed over when the import takes
 * it, not queued: memory holds two chunks, as when one thread did both (H2 keeps its data
 * in the same heap, and a queue of two more chunks took a million-row import on H2 past
 * 256 MiB). (In a profile of a million-row create, reading and checking were 60% of the
 * server's own work, and the import's thread spent most of its time waiting for
 * PostgreSQL: docs/performance.md.) What the reading throws is thrown again by
 * {@link #next()}, on the import's thread.
 */
final class ChunkReader implements AutoCloseable {

	private static final Object END = new Object();

	private final BlockingQueue<Object> chunks = new SynchronousQueue<>();

	private final Thread thread;

	private volatile boolean closed;

	/**
	 * Starts reading.
	 * @param read reads the file, handing each record to the consumer given, in order
	 * @param check checks one record
	 */
	ChunkReader(String name, int chunkRows, Consumer<Consumer<CsvRow>> read, Function<CsvRow, ValidatedRow> check) {
		this.thread = new Thread(() -> run(chunkRows, read, check), name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run(int chunkRows, Consumer<Consumer<CsvRow>> read, Function<CsvRow, ValidatedRow> check) {
		try {
			List<ValidatedRow> chunk = new ArrayList<>(chunkRows);
			read.accept((row) -> {
				chunk.add(check.apply(row));
				if (chunk.size() == chunkRows) {
					put(new ArrayList<>(chunk));
					chunk.clear();
				}
			});
			if (!chunk.isEmpty()) {
				put(chunk);
			}
			put(END);
		}
		catch (Closed ex) {
			// the import stopped taking chunks: nothing more to read
		}
		catch (Throwable ex) {
			try {
				put(new Failure(ex));
			}
			catch (Closed closed) {
				// the import stopped taking chunks
			}
		}
	}

	/** Waits for room, or until the import no longer takes chunks. */
	private void put(Object item) {
		try {
			while (!this.closed) {
				if (this.chunks.offer(item, 100, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new Closed();
	}

	/**
	 * The next chunk of checked rows, in the file's order, or null after the last.
	 * @throws RuntimeException what reading the file threw
	 */
	@SuppressWarnings("unchecked")
	List<ValidatedRow> next() {
		Object item = null;
		try {
			while (item == null) {
				item = this.chunks.poll(1, TimeUnit.SECONDS);
				if (item == null && !this.thread.isAlive()) {
					// ended without a word: never wait for it for ever
					item = this.chunks.poll();
					if (item == null) {
						throw new IllegalStateException("The reading of the file ended before its last row");
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the file's next rows", ex);
		}
		if (item == END) {
			return null;
		}
		if (item instanceof Failure failure) {
			if (failure.cause() instanceof Error error) {
				throw error;
			}
			if (failure.cause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Could not read the file", failure.cause());
		}
		return (List<ValidatedRow>) item;
	}

	/** Stops the reading, if it has not ended, and waits for its thread to end. */
	@Override
	public void close() {
		this.closed = true;
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Failure(Throwable cause) {
	}

	/** Thrown on the reading thread to stop the reading once the import has stopped. */
	private static final class Closed extends RuntimeException {

		Closed() {
			super(null, null, false, false);
		}

	}

}
