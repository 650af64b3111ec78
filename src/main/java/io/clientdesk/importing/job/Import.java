package io.clientdesk.importing.job;

import java.time.Instant;

import io.clientdesk.importing.ImportStatus;

/**
 * An import as the API shows it. The counts are rows: {@code created}, {@code updated}
 * and {@code unchanged} are what the import wrote (or, for a dry run, would write),
 * {@code failed} the rows with at least one error. {@code filesDeletedAt}: when the
 * retention deleted the uploaded file and the error rows ({@code errorReport} then
 * answers 410), or null while they are kept. {@code profile}: the import profile that
 * mapped the file's columns, or null for a file in the importer's own columns.
 */
public record Import(String id, String fileName, ImportStatus status, boolean dryRun, OnError onError, int totalRows,
		int created, int updated, int unchanged, int failed, String createdBy, Instant createdAt, Instant startedAt,
		Instant finishedAt, String errorReport, String sha256, String sameFileAs, Instant filesDeletedAt,
		String profile) {

	/**
	 * A new import, waiting for a worker: nothing counted, started or finished yet.
	 */
	static Import queued(String id, String fileName, boolean dryRun, OnError onError, int totalRows, String createdBy,
			Instant createdAt, String sha256, String sameFileAs, String profile) {
		return new Import(id, fileName, ImportStatus.QUEUED, dryRun, onError, totalRows, 0, 0, 0, 0, createdBy,
				createdAt, null, null, null, sha256, sameFileAs, null, profile);
	}

	/** Rows the import took in: created, updated or unchanged. */
	public int imported() {
		return this.created + this.updated + this.unchanged;
	}

}
