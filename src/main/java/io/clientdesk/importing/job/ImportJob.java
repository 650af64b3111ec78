package io.clientdesk.importing.job;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clientdesk.audit.AuditAction;
import io.clientdesk.audit.AuditLog;
import io.clientdesk.client.ClientService;
import io.clientdesk.importing.ImportFinished;
import io.clientdesk.importing.ImportStatus;
import io.clientdesk.importing.ImportUndone;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.FileRejectedException;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.importing.job.ImportRepository.StoredImport;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: moves it to {@code PROCESSING}, then makes one attempt
 * ({@link ImportRun}) and ends it, in one transaction, so that an import is all there or
 * not at all. A concurrent import that touched the same clients, or a lost connection
 * (the database restarted), makes the transaction fail; it is then run again on the
 * database as it is now.
 */
@Component
class ImportJob {

	private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

	/**
	 * How long writing the progress may take: it may wait, and is then left out, but
	 * never holds the import up long.
	 */
	private static final int PROGRESS_TIMEOUT_SECONDS = 2;

	/** How often to ask whether an import whose connection broke had ended. */
	private static final int ENDED_CHECKS = 10;

	private final ImportRepository imports;

	private final ImportRun attempt;

	private final ImportUndo undo;

	private final ImportProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	/**
	 * Where the progress is written: a transaction of its own, committed at once, since
	 * nobody sees the import's own before it ends.
	 */
	private final TransactionTemplate progress;

	private final AuditLog audit;

	private final Clock clock;

	private final ClientService clients;

	ImportJob(ImportRepository imports, ImportRun attempt, ImportUndo undo, ImportProperties properties,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, AuditLog audit,
			ClientService clients) {
		this.clients = clients;
		this.imports = imports;
		this.attempt = attempt;
		this.undo = undo;
		this.properties = properties;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.progress = new TransactionTemplate(transactionManager);
		this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.progress.setTimeout(PROGRESS_TIMEOUT_SECONDS);
		this.clock = Clock.systemUTC();
		this.audit = audit;
	}

	/**
	 * Runs the import to its end.
	 * @param stopping whether this server is stopping: an attempt that fails then is left
	 * for another server instead of failing the import
	 */
	void run(String importId, BooleanSupplier stopping) {
		StoredImport stored = this.imports.findById(importId).orElse(null);
		if (stored == null || stored.view().status().isFinished()) {
			return; // ran to its end before (the server stopped before the queue heard of
					// it)
		}
		this.transaction.executeWithoutResult(
				(status) -> this.imports.moveTo(importId, ImportStatus.PROCESSING, this.clock.instant()));
		long started = System.nanoTime();
		ImportFinished finished = attemptUntilEnded(stored, stopping);
		if (finished == null) {
			log.info("Import {} ended (its commit went through as the connection was lost)", importId);
			return;
		}
		log.info("Import {} ended {}: {} rows imported, {} rows with errors, in {} ms", importId, finished.status(),
				finished.imported(), finished.failed(), (System.nanoTime() - started) / 1_000_000);
		if (!finished.dryRun() && finished.status() != ImportStatus.FAILED) {
			refreshStatistics(importId, finished.imported());
		}
	}

	/**
	 * The database's statistics of the clients, refreshed after a large import
	 * ({@link ClientService#afterBulkWrite}); the import has ended whatever happens here.
	 */
	private void refreshStatistics(String importId, int rows) {
		try {
			long start = System.nanoTime();
			if (this.clients.afterBulkWrite(rows)) {
				log.info("Import {}: the clients' statistics refreshed after {} rows, in {} ms", importId, rows,
						(System.nanoTime() - start) / 1_000_000);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Import {}: the clients' statistics could not be refreshed; autovacuum will", importId, ex);
		}
	}

	/**
	 * Attempts the import, each time in one transaction, until it ends: again after a
	 * conflict with a concurrent import or a lost connection to the database (up to the
	 * configured number of retries), failed with a clear reason after too many or after
	 * an unexpected error; {@code null} if it turns out to have ended after all (the
	 * connection broke after the commit). If the server is stopping, the failure is
	 * thrown instead: the job stays queued, and another server (or this one, restarted)
	 * runs it again.
	 */
	private ImportFinished attemptUntilEnded(StoredImport stored, BooleanSupplier stopping) {
		String importId = stored.view().id();
		for (int attempt = 1;; attempt++) {
			try {
				reportProgress(importId, 0);
				return this.transaction.execute((status) -> process(stored, status));
			}
			catch (ImportRun.FileGoneException | ImportUndo.RefusedException ex) {
				log.warn("Import {}: {}", importId, ex.getMessage());
				return fail(stored, ex.getMessage());
			}
			catch (FileRejectedException ex) {
				// checked at upload: only limits lowered since then reject it now
				log.warn("Import {}: {}", importId, ex.getMessage());
				return fail(stored,
						ex.kind().summary() + ": " + ex.problems().get(0).message() + ". Nothing was written");
			}
			catch (RuntimeException ex) {
				if (stopping.getAsBoolean()) {
					throw new IllegalStateException("Import " + importId + " left for another server: stopping", ex);
				}
				boolean connectionLost = ConnectionLoss.isCauseOf(ex);
				boolean conflict = !connectionLost
						&& (ex instanceof DuplicateKeyException || ex instanceof TransientDataAccessException);
				if (connectionLost && endedMeanwhile(importId)) {
					// the connection broke after the commit had gone through
					return null;
				}
				if (!conflict && !connectionLost) {
					log.error("Import {} failed", importId, ex);
					return fail(stored,
							"The import stopped on an unexpected error; it has been logged. Nothing was written");
				}
				if (attempt > this.properties.conflictRetries()) {
					log.warn("Import {} failed {} times; giving up", importId, attempt, ex);
					return fail(stored, conflict
							? "Other imports kept changing the same clients at the same time; upload the file again"
							: "The connection to the database kept failing; nothing was written. Upload the file again");
				}
				log.info("Import {} {} (attempt {}); running it again", importId,
						conflict ? "conflicted with a concurrent import" : "lost its database connection: " + ex,
						attempt);
				pause(conflict ? 50L * attempt : 500L * attempt);
			}
		}
	}

	/**
	 * Whether the import ended after all (its commit went through as the connection
	 * broke). Asked again while the pool hands out connections that the same cut killed:
	 * Hikari gives a connection used in the last 500 ms without checking it, and drops
	 * each one as it fails.
	 */
	private boolean endedMeanwhile(String importId) {
		for (int tries = 1;; tries++) {
			try {
				return this.imports.findById(importId).map((ended) -> ended.view().status().isFinished()).orElse(false);
			}
			catch (DataAccessException ex) {
				if (tries >= ENDED_CHECKS || !ConnectionLoss.isCauseOf(ex)) {
					throw ex;
				}
				pause(100L * tries);
			}
		}
	}

	private ImportFinished process(StoredImport stored, TransactionStatus status) {
		ImportRun.Outcome outcome = (stored.view().undoOf() != null) ? this.undo.run(stored)
				: this.attempt.run(stored, status, (processed) -> reportProgress(stored.view().id(), processed));
		return finish(stored.view(), outcome.status(), outcome.imported(), outcome.failed());
	}

	/**
	 * Writes how many rows the import has checked so far; a failure to is logged, and the
	 * import goes on.
	 */
	private void reportProgress(String importId, int processedRows) {
		try {
			this.progress.executeWithoutResult((status) -> this.imports.setProgress(importId, processedRows));
		}
		catch (DataAccessException | TransactionException ex) {
			log.debug("Import {}: could not write its progress ({} rows)", importId, processedRows, ex);
		}
	}

	private ImportFinished fail(StoredImport stored, String message) {
		Import view = stored.view();
		return this.transaction.execute((status) -> {
			this.imports.insertErrors(view.id(),
					List.of(new RowError(0, null, null, ErrorCode.INTERNAL_ERROR, message)));
			this.imports.setCounts(view.id(), 0, 0, 0, 0);
			return finish(view, ImportStatus.FAILED, 0, 0);
		});
	}

	private ImportFinished finish(Import view, ImportStatus outcome, int imported, int failed) {
		if (!this.imports.moveTo(view.id(), outcome, this.clock.instant())) {
			throw new IllegalStateException("Import " + view.id() + " cannot end as " + outcome + " from "
					+ this.imports.findById(view.id()).map((s) -> s.view().status()).orElse(null));
		}
		ImportFinished finished = new ImportFinished(view.id(), view.fileName(), view.createdBy(), outcome,
				view.dryRun(), imported, failed);
		if (view.undoOf() != null) {
			this.events.publishEvent(new ImportUndone(view.id(), view.undoOf(), view.fileName(), view.createdBy(),
					outcome, imported, failed));
			this.audit.record(AuditAction.IMPORT_UNDONE, view.createdBy(), null, view.id(),
					Map.of("status", outcome, "undoOf", view.undoOf(), "undone", imported, "kept", failed));
			return finished;
		}
		this.events.publishEvent(finished);
		// by the job, for the user who started the import; from no address
		this.audit.record(AuditAction.IMPORT_FINISHED, view.createdBy(), null, view.id(),
				Map.of("status", outcome, "dryRun", view.dryRun(), "imported", imported, "failed", failed));
		return finished;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis + (long) (Math.random() * 50));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
