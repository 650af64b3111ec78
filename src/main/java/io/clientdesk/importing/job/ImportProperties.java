package io.clientdesk.importing.job;

import java.time.Duration;

import io.clientdesk.importing.file.ImportLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the import ({@code clientdesk.import.*}).
 *
 * @param maxRecords records a file may have (the header and blank lines don't count), up
 * to 1000000: the import reads, checks and writes a file in chunks of 5000 rows, so its
 * memory does not grow with the file
 * @param maxFileSize bytes a file may have, up to 256MB
 * @param workerThreads imports one server runs at once; 0 (the default): one per two
 * cores, at least one. An import keeps about a core busy between this server and its
 * PostgreSQL backend, so one per core would leave none for the people using the list
 * meanwhile (measured with bench/load: docs/performance.md). A running import may hold
 * four connections at once (its transaction, its progress, the reading of its file one
 * chunk ahead, and on PostgreSQL the writing of its clients' search text): keep
 * {@code spring.datasource.hikari.maximum-pool-size} (10 by default) at least four per
 * worker plus one; the server warns at start when it is smaller
 * @param pollingInterval how often a server looks for queued imports (besides being woken
 * at once when it queues one itself)
 * @param heartbeatInterval how often a server says it is still running an import; an
 * import whose server has been silent for six of these is taken over by another server
 * @param conflictRetries how many times an import is retried when a concurrent import
 * touched the same clients, or the connection to the database was lost (a restart of it)
 * @param maxQueuedPerUser imports (dry runs included) one user may have queued or
 * processing at once; one more is refused with 429
 * @param maxStoredBytesPerUser bytes of uploaded files one user may have stored (files
 * the retention has deleted don't count); an upload beyond is refused with 413
 * @param retention how long uploaded files and error rows are kept; a daily job then
 * deletes them, keeping each import's summary and record of changes
 * @param shutdownWait how long a stopping server waits for the imports it runs to end;
 * then it interrupts them and waits as long again, and an import still running is rolled
 * back and left for another server (or this one once restarted)
 * @param uploadChecks uploads whose file one server reads and checks at once; 0 (the
 * default): one per core. The others wait their turn, their body on disk: checking is
 * work for a core
 */
@ConfigurationProperties("clientdesk.import")
public record ImportProperties(@DefaultValue(DEFAULT_MAX_RECORDS) int maxRecords,
		@DefaultValue(DEFAULT_MAX_FILE_SIZE) DataSize maxFileSize, @DefaultValue("0") int workerThreads,
		@DefaultValue("2s") Duration pollingInterval, @DefaultValue("5s") Duration heartbeatInterval,
		@DefaultValue("5") int conflictRetries, @DefaultValue("5") int maxQueuedPerUser,
		@DefaultValue("500MB") DataSize maxStoredBytesPerUser, @DefaultValue("90d") Duration retention,
		@DefaultValue("20s") Duration shutdownWait, @DefaultValue("0") int uploadChecks) {

	static final String DEFAULT_MAX_RECORDS = "5000";

	/** The most {@code max-records} may be set to. */
	static final int MOST_RECORDS = 1_000_000;

	/** The most {@code max-file-size} may be set to. */
	static final DataSize MOST_BYTES = DataSize.ofMegabytes(256);

	static final String DEFAULT_MAX_FILE_SIZE = "10MB";

	public ImportProperties {
		if (maxRecords < 1 || maxRecords > MOST_RECORDS) {
			throw new IllegalArgumentException("clientdesk.import.max-records must be between 1 and " + MOST_RECORDS
					+ " (a file's records), got " + maxRecords);
		}
		if (maxFileSize.toBytes() < 1 || maxFileSize.compareTo(MOST_BYTES) > 0) {
			throw new IllegalArgumentException("clientdesk.import.max-file-size must be between 1B and "
					+ MOST_BYTES.toMegabytes() + "MB, got " + maxFileSize);
		}
	}

	/**
	 * The limits when none is set, for the offline validator, which runs without Spring
	 * (binding them with Spring Boot's {@code Binder} would cost it 0.6 s of start).
	 */
	public static ImportLimits defaultLimits() {
		return new ImportLimits(Integer.parseInt(DEFAULT_MAX_RECORDS), DataSize.parse(DEFAULT_MAX_FILE_SIZE).toBytes());
	}

	/** How many imports this server runs at once ({@code workerThreads}, or by cores). */
	int workers() {
		return (this.workerThreads > 0) ? this.workerThreads
				: Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
	}

	/**
	 * How many uploads this server checks at once ({@code uploadChecks}, or by cores).
	 */
	int checks() {
		return (this.uploadChecks > 0) ? this.uploadChecks : Runtime.getRuntime().availableProcessors();
	}

	public ImportLimits limits() {
		return new ImportLimits(this.maxRecords, this.maxFileSize.toBytes());
	}

}
