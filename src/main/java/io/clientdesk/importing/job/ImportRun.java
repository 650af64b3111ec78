package io.clientdesk.importing.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clientdesk.client.Client;
import io.clientdesk.client.ClientService;
import io.clientdesk.importing.ImportStatus;
import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.ColumnMapping;
import io.clientdesk.importing.file.FileSource;
import io.clientdesk.importing.job.ImportRepository.StoredImport;
import io.clientdesk.importing.profile.ImportProfile;
import io.clientdesk.importing.profile.ImportProfileService;
import io.clientdesk.importing.rows.ClientValues;
import io.clientdesk.importing.rows.ImportPlan;
import io.clientdesk.importing.rows.ImportPlanner;
import io.clientdesk.importing.rows.RowValidator;
import io.clientdesk.importing.rows.ValidatedRow;
import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.security.UserService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;

/**
 * One attempt at an import, inside the job's transaction: reads the stored file again as
 * a stream and, chunk by chunk of {@value #CHUNK_ROWS} rows, checks each row, matches it
 * to the stored clients as they are now and writes what the plan says (the clients, the
 * record of changes, the errors), then the counts. The reading and checking run on a
 * thread of their own, a chunk ahead ({@link ChunkReader}), while the import's thread
 * matches and writes. Memory holds two chunks, whatever the size of the file; what must
 * hold for the whole file (a client or an email once per file) is remembered by
 * {@link ImportPlanner.Chunks}.
 *
 * <p>
 * All or nothing stays: everything is written in the one transaction. An import that
 * fails on its errors ({@code onError=fail}) goes back to a savepoint taken before its
 * first write as soon as a row fails, and checks the rest of the file without writing, so
 * that its error report still lists every error.
 */
@Component
class ImportRun {

	/** Rows checked, matched and written at once. */
	static final int CHUNK_ROWS = 5000;

	private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

	private final ImportRepository imports;

	private final ClientService clients;

	private final OrganisationService organisation;

	private final ImportProperties properties;

	private final UserService users;

	private final ImportProfileService profiles;

	private final ClientCsvParser parser = new ClientCsvParser();

	private final Clock clock = Clock.systemUTC();

	ImportRun(ImportRepository imports, ClientService clients, OrganisationService organisation,
			ImportProperties properties, UserService users, ImportProfileService profiles) {
		this.users = users;
		this.profiles = profiles;
		this.imports = imports;
		this.clients = clients;
		this.organisation = organisation;
		this.properties = properties;
	}

	/** How an attempt ended: the import's final state and its row counts. */
	record Outcome(ImportStatus status, int imported, int failed) {
	}

	/**
	 * Runs the import in the transaction given.
	 * @param progress told the rows checked (and written) so far after each chunk
	 */
	Outcome run(StoredImport stored, TransactionStatus transaction, IntConsumer progress) {
		Import view = stored.view();
		long start = System.nanoTime();
		FileSource file = this.imports.storedFile(stored.fileId()).orElseThrow(FileGoneException::new);
		RowValidator validator = new RowValidator(this.organisation.clientTypes(), this.clock, view.dateFormat());
		ImportPlanner planner = new ImportPlanner(validator, this.organisation.projects(), this.organisation.desks(),
				this.organisation.importDefaults(), this.clock.instant(), this.users.scopeOf(view.createdBy()));
		ColumnMapping mapping = mapping(stored);
		Pass pass = new Pass(view, planner.start(), transaction, progress, mapping);
		try (ChunkReader reader = new ChunkReader("import-reader-" + view.id(), CHUNK_ROWS,
				(rows) -> this.parser.read(view.fileName(), file, this.properties.limits(), mapping, rows),
				validator::validate)) {
			for (List<ValidatedRow> rows = reader.next(); rows != null; rows = reader.next()) {
				pass.write(rows);
			}
		}
		pass.end();
		// a real import that failed wrote nothing, and says so; a dry run says what it
		// would do
		boolean counts = pass.writes || view.dryRun();
		int created = counts ? pass.created : 0;
		int updated = counts ? pass.updated : 0;
		int unchanged = counts ? pass.unchanged : 0;
		this.imports.setCounts(view.id(), created, updated, unchanged, pass.failedRows);
		log.debug("Import {}: {} rows read, checked, matched and written in {} ms", view.id(), pass.processed,
				(System.nanoTime() - start) / 1_000_000);
		return new Outcome(outcome(view, pass.hasErrors), created + updated + unchanged, pass.failedRows);
	}

	/**
	 * The import profile kept at upload, as it reads now (desks and projects by ID), or
	 * null for a file in the importer's own columns.
	 */
	private ColumnMapping mapping(StoredImport stored) {
		if (stored.profileDefinition() == null) {
			return null;
		}
		ImportProfile profile = ImportProfileService.fromSnapshot(stored.view().profile(), stored.profileDefinition());
		// its date order, if any, was kept with the import at upload (dateFormat)
		return this.profiles.mapping(profile);
	}

	private static ImportStatus outcome(Import view, boolean hasErrors) {
		if (!hasErrors) {
			return ImportStatus.SUCCEEDED;
		}
		return (view.onError() == OnError.SKIP) ? ImportStatus.COMPLETED_WITH_ERRORS : ImportStatus.FAILED;
	}

	/**
	 * The record of changes: each client created, and the changed fields of each updated.
	 */
	private static List<ImportChange> changes(ImportPlan plan) {
		List<ImportChange> changes = new ArrayList<>(plan.creates().size() + plan.updates().size());
		for (Client client : plan.creates()) {
			changes.add(new ImportChange(client.id(), ImportChange.Action.CREATED, null, ClientValues.of(client)));
		}
		for (ImportPlan.Update update : plan.updates()) {
			Map<String, Object> before = ClientValues.of(update.before());
			Map<String, Object> after = ClientValues.of(update.after());
			Map<String, Object> changedBefore = new LinkedHashMap<>();
			Map<String, Object> changedAfter = new LinkedHashMap<>();
			after.forEach((field, value) -> {
				if (!value.equals(before.get(field))) {
					changedBefore.put(field, before.get(field));
					changedAfter.put(field, value);
				}
			});
			changes
				.add(new ImportChange(update.after().id(), ImportChange.Action.UPDATED, changedBefore, changedAfter));
		}
		return changes;
	}

	/** One reading of the file: its rows in chunks, and what they added up to. */
	private final class Pass {

		private final Import view;

		private final ImportPlanner.Chunks planning;

		private final TransactionStatus transaction;

		private final IntConsumer progress;

		private final ChangeRecord changes;

		private final Object beforeWrites;

		private boolean writes;

		private boolean hasErrors;

		private int created;

		private int updated;

		private int unchanged;

		private int failedRows;

		private int processed;

		/**
		 * The import profile's mapping, whose file's own headers the errors name; or
		 * null.
		 */
		private final ColumnMapping mapping;

		Pass(Import view, ImportPlanner.Chunks planning, TransactionStatus transaction, IntConsumer progress,
				ColumnMapping mapping) {
			this.view = view;
			this.mapping = mapping;
			this.planning = planning;
			this.transaction = transaction;
			this.progress = progress;
			this.changes = new ChangeRecord(ImportRun.this.imports, view.id());
			this.writes = !view.dryRun();
			this.beforeWrites = (this.writes && view.onError() == OnError.FAIL) ? transaction.createSavepoint() : null;
		}

		void end() {
			if (this.writes) {
				this.changes.end();
			}
		}

		/** Matches and writes one chunk of checked rows. */
		void write(List<ValidatedRow> rows) {
			List<Client> stored = ImportRun.this.clients.findByIdsOrEmails(this.planning.ids(rows),
					this.planning.emails(rows), !this.view.dryRun());
			ImportPlan plan = this.planning.plan(rows, stored);
			if (plan.hasErrors()) {
				if (this.writes && this.view.onError() == OnError.FAIL) {
					// nothing of a failed import is written: what was goes back
					this.transaction.rollbackToSavepoint(this.beforeWrites);
					this.changes.rolledBack();
					this.writes = false;
				}
				this.hasErrors = true;
				ImportRun.this.imports.insertErrors(this.view.id(),
						(this.mapping != null) ? this.mapping.relabel(plan.errors()) : plan.errors());
			}
			if (this.writes) {
				ImportRun.this.clients.save(plan.creates(),
						plan.updates().stream().map(ImportPlan.Update::after).toList());
				this.changes.add(changes(plan));
			}
			this.created += plan.creates().size();
			this.updated += plan.updates().size();
			this.unchanged += plan.unchanged();
			this.failedRows += plan.failedRows();
			this.processed += rows.size();
			this.progress.accept(this.processed);
		}

	}

	/** The import's file was deleted by the retention before the import ran. */
	static final class FileGoneException extends RuntimeException {

		FileGoneException() {
			super("The uploaded file was deleted (retention) before the import ran; upload it again");
		}

	}

}
