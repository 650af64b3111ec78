package io.clientdesk.importing.job;

import java.time.Duration;

import io.clientdesk.importing.file.Sizes;
import io.clientdesk.shared.LimitReachedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The per-user limits of imports: imports waiting or running, and bytes of files kept.
 * Checked in the transaction that stores an upload or a commit, under a lock of the
 * user's own, so that uploading many files at once does not pass them.
 */
@Component
class ImportQuota {

	static final String MAX_QUEUED = "clientdesk.import.max-queued-per-user";

	static final String MAX_STORED = "clientdesk.import.max-stored-bytes-per-user";

	/** Imports of a few thousand rows end within seconds; a little later is enough. */
	private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	private final ImportStorageRepository storage;

	private final ImportProperties properties;

	ImportQuota(ImportStorageRepository storage, ImportProperties properties) {
		this.storage = storage;
		this.properties = properties;
	}

	/**
	 * @throws LimitReachedException 429 when the user has as many imports waiting or
	 * running as they may; 413 when the file would take their stored files past theirs
	 */
	void checkUpload(String username, long bytes) {
		checkQueue(username);
		long stored = this.storage.storedBytes(username);
		long max = this.properties.maxStoredBytesPerUser().toBytes();
		if (stored + bytes > max) {
			throw new LimitReachedException(HttpStatus.CONTENT_TOO_LARGE,
					"Your uploaded files would take " + Sizes.bytes(stored + bytes) + ", more than the "
							+ Sizes.bytes(max) + " one user may keep (" + MAX_STORED + "); files are deleted "
							+ this.properties.retention().toDays() + " days after their upload",
					MAX_STORED, Long.toString(max), null);
		}
	}

	/**
	 * @throws LimitReachedException 429, as for an upload
	 */
	void checkCommit(String username) {
		checkQueue(username);
	}

	private void checkQueue(String username) {
		this.storage.lockUser(username);
		int max = this.properties.maxQueuedPerUser();
		if (this.storage.unfinished(username) >= max) {
			throw new LimitReachedException(HttpStatus.TOO_MANY_REQUESTS,
					"You have " + max + " imports waiting or running (checks included), the most one user may have ("
							+ MAX_QUEUED + "); try again once one has ended",
					MAX_QUEUED, Integer.toString(max), RETRY_AFTER);
		}
	}

}
