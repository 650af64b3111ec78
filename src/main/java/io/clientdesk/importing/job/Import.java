package io.clientdesk.importing.job;

import java.time.Instant;

import io.clientdesk.importing.ImportStatus;

/**
 * An import as the API shows it. The counts are rows: {@code created}, {@code updated}
 * and {@code unchanged} are what the import wrote (or, for a dry run, would write),
 * {@code failed} the rows with at least one error. {@code filesDeletedAt}: when the
 * retention deleted the uploaded file and the error rows ({@code errorReport} then
 * answers 410), or null while they are kept. {@code correctedFrom}: the import whose file
 * this one's corrects (its rows with errors corrected or dropped), or null.
 */
public record Import(String id, String fileName, ImportStatus status, boolean dryRun, OnError onError, int totalRows,
		int created, int updated, int unchanged, int failed, String createdBy, Instant createdAt, Instant startedAt,
		Instant finishedAt, String errorReport, String sha256, String sameFileAs, Instant filesDeletedAt,
		String correctedFrom) {

	/**
	 * A new import, waiting for a worker: nothing counted, started or finished yet.
	 */
	static Import queued(String id, String fileName, boolean dryRun, OnError onError, int totalRows, String createdBy,
			Instant createdAt, String sha256, String sameFileAs) {
		return new Import(id, fileName, ImportStatus.QUEUED, dryRun, onError, totalRows, 0, 0, 0, 0, createdBy,
				createdAt, null, null, null, sha256, sameFileAs, null, null);
	}

	/** This import, as the correction of another. */
	Import correcting(String importId) {
		return new Import(this.id, this.fileName, this.status, this.dryRun, this.onError, this.totalRows, this.created,
				this.updated, this.unchanged, this.failed, this.createdBy, this.createdAt, this.startedAt,
				this.finishedAt, this.errorReport, this.sha256, this.sameFileAs, this.filesDeletedAt, importId);
	}

	/** Rows the import took in: created, updated or unchanged. */
	public int imported() {
		return this.created + this.updated + this.unchanged;
	}

}
