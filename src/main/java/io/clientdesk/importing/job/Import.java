package io.clientdesk.importing.job;

import java.time.Duration;
import java.time.Instant;

import io.clientdesk.importing.ImportStatus;
import io.clientdesk.importing.rows.DateOrder;

/**
 * An import as the API shows it. The counts are rows: {@code created}, {@code updated}
 * and {@code unchanged} are what the import wrote (or, for a dry run, would write),
 * {@code failed} the rows with at least one error. {@code filesDeletedAt}: when the
 * retention deleted the uploaded file and the error rows ({@code errorReport} then
 * answers 410), or null while they are kept. {@code dateFormat}: the order of the file's
 * numeric dates as the upload declared it, or null when none was declared.
 * {@code undoneBy}: the undo that undid it, or null. {@code processedRows}: the rows
 * checked (and written) so far, all of them once the import has ended;
 * {@code secondsLeft}: while it runs, about how long it will still take at the pace it
 * has had (null before its first chunk of rows, and once it has ended).
 * {@code correctedFrom}: the import whose file this one's corrects (its rows with errors
 * corrected or dropped), or null. {@code profile}: the import profile that mapped the
 * file's columns, or null for a file in the importer's own columns.
 */
public record Import(String id, String fileName, ImportStatus status, boolean dryRun, OnError onError, int totalRows,
		int created, int updated, int unchanged, int failed, String createdBy, Instant createdAt, Instant startedAt,
		Instant finishedAt, String errorReport, String sha256, String sameFileAs, Instant filesDeletedAt,
		DateOrder dateFormat, Kind kind, String undoOf, String undoneBy, int deleted, int processedRows,
		Long secondsLeft, String correctedFrom, String profile) {

	public Import {
		if (secondsLeft == null && status == ImportStatus.PROCESSING && startedAt != null && processedRows > 0
				&& processedRows < totalRows) {
			double elapsed = Math.max(0, Duration.between(startedAt, Instant.now()).toMillis()) / 1000.0;
			secondsLeft = Math.round(elapsed / processedRows * (totalRows - processedRows));
		}
	}

	/**
	 * An import of a file, or the undo of one: {@code undoOf} names the import it undoes,
	 * {@code deleted} counts the clients it deleted (those the import had created) and
	 * {@code updated} those whose replaced values it put back.
	 */
	public enum Kind {

		IMPORT, UNDO

	}

	/**
	 * A new import, waiting for a worker: nothing counted, started or finished yet.
	 */
	static Import queued(String id, String fileName, boolean dryRun, OnError onError, int totalRows, String createdBy,
			Instant createdAt, String sha256, String sameFileAs, DateOrder dateFormat, String profile) {
		return new Import(id, fileName, ImportStatus.QUEUED, dryRun, onError, totalRows, 0, 0, 0, 0, createdBy,
				createdAt, null, null, null, sha256, sameFileAs, null, dateFormat, Kind.IMPORT, null, null, 0, 0, null,
				null, profile);
	}

	/** The undo of an import, waiting for a worker; one row per entry of its changes. */
	static Import undoQueued(String id, Import undone, int totalRows, String createdBy, Instant createdAt) {
		return new Import(id, undone.fileName(), ImportStatus.QUEUED, false, OnError.SKIP, totalRows, 0, 0, 0, 0,
				createdBy, createdAt, null, null, null, undone.sha256(), null, null, null, Kind.UNDO, undone.id(), null,
				0, 0, null, null, null);
	}

	/** This import, as the correction of another. */
	Import correcting(String importId) {
		return new Import(this.id, this.fileName, this.status, this.dryRun, this.onError, this.totalRows, this.created,
				this.updated, this.unchanged, this.failed, this.createdBy, this.createdAt, this.startedAt,
				this.finishedAt, this.errorReport, this.sha256, this.sameFileAs, this.filesDeletedAt, this.dateFormat,
				this.kind, this.undoOf, this.undoneBy, this.deleted, this.processedRows, this.secondsLeft, importId,
				this.profile);
	}

	/** Rows the import took in: created, updated or unchanged. */
	public int imported() {
		return this.created + this.updated + this.unchanged;
	}

}
