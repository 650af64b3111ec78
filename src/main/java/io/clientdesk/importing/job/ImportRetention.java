package io.clientdesk.importing.job;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes uploaded files and error rows older than {@code clientdesk.import.retention}:
 * personal data is kept no longer than it is useful. Each import's summary (status,
 * counts) and its record of changes stay. Run daily by {@link ImportQueue} (one server at
 * a time: db-scheduler locks the task's row).
 */
@Component
class ImportRetention {

	static final String SETTING = "clientdesk.import.retention";

	private static final Logger log = LoggerFactory.getLogger(ImportRetention.class);

	private final ImportStorageRepository storage;

	private final ImportProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock = Clock.systemUTC();

	ImportRetention(ImportStorageRepository storage, ImportProperties properties,
			PlatformTransactionManager transactionManager) {
		this.storage = storage;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	void run() {
		Instant now = this.clock.instant();
		Instant cutoff = now.minus(this.properties.retention());
		this.transaction.executeWithoutResult((status) -> {
			int files = this.storage.deleteFiles(cutoff, now);
			int imports = this.storage.deleteErrors(cutoff, now);
			log.info("Retention ({} days): deleted {} uploaded files and the error rows of {} imports from before {}",
					this.properties.retention().toDays(), files, imports, cutoff);
		});
	}

	/** Why a file or an error report is gone, for the 410 that says so. */
	String gone(String what) {
		return what + " was deleted: uploaded files and error reports are kept " + this.properties.retention().toDays()
				+ " days (" + SETTING + ")";
	}

}
