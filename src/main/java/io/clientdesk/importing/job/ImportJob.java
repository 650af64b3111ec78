package io.clientdesk.importing.job;

import io.clientdesk.importing.ImportFinished;
import io.clientdesk.importing.ImportStatus;
import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.ImportLimits;
import io.clientdesk.importing.file.ParsedFile;
import io.clientdesk.importing.rows.ClientValues;
import io.clientdesk.importing.rows.ImportPlan;
import io.clientdesk.importing.rows.ImportPlanner;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.importing.rows.RowValidator;
import io.clientdesk.importing.rows.ValidatedRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.clientdesk.client.Client;
import io.clientdesk.client.ClientService;
import io.clientdesk.importing.job.ImportRepository.StoredImport;
import io.clientdesk.organisation.Desk;
import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.organisation.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: reads the stored file again, checks every row against the database,
 * and writes the clients, the record of changes, the errors and the outcome in one
 * transaction, so that an import is all there or not at all. A concurrent import that
 * touched the same clients makes the transaction fail; it is then run again on the
 * database as it is now.
 */
@Component
class ImportJob {

	private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

	private final ImportRepository imports;

	private final ClientService clients;

	private final OrganisationService organisation;

	private final ClientCsvParser parser = new ClientCsvParser();

	private final ImportProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ImportJob(ImportRepository imports, ClientService clients, OrganisationService organisation,
			ImportProperties properties, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager) {
		this.imports = imports;
		this.clients = clients;
		this.organisation = organisation;
		this.properties = properties;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = Clock.systemUTC();
	}

	void run(String importId) {
		StoredImport stored = this.imports.findById(importId).orElse(null);
		if (stored == null || stored.view().status().isFinished()) {
			return; // ran to its end before (the server stopped before the queue heard of
					// it)
		}
		this.transaction.executeWithoutResult(
				(status) -> this.imports.moveTo(importId, ImportStatus.PROCESSING, this.clock.instant()));
		long started = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			try {
				ImportFinished finished = this.transaction.execute((status) -> process(stored));
				log.info("Import {} ended {}: {} rows imported, {} rows with errors, in {} ms", importId,
						finished.status(), finished.imported(), finished.failed(),
						(System.nanoTime() - started) / 1_000_000);
				return;
			}
			catch (DuplicateKeyException | TransientDataAccessException ex) {
				if (attempt > this.properties.conflictRetries()) {
					log.warn("Import {} kept conflicting with concurrent imports; giving up", importId, ex);
					fail(stored,
							"Other imports kept changing the same clients at the same time; upload the file again");
					return;
				}
				log.info("Import {} conflicted with a concurrent import (attempt {}); running it again", importId,
						attempt);
				pause(attempt);
			}
			catch (RuntimeException ex) {
				log.error("Import {} failed", importId, ex);
				fail(stored, "The import stopped on an unexpected error; it has been logged. Nothing was written");
				return;
			}
		}
	}

	private ImportFinished process(StoredImport stored) {
		Import view = stored.view();
		long start = System.nanoTime();
		byte[] content = this.imports.fileContent(stored.fileId());
		ParsedFile file = this.parser.parse(view.fileName(), content, limits());
		RowValidator validator = new RowValidator(this.organisation.clientTypes(), this.clock);
		List<ValidatedRow> rows = file.rows().stream().map(validator::validate).toList();
		long checked = System.nanoTime();
		List<Client> storedClients = this.clients.findByIdsOrEmails(ImportPlanner.ids(rows), ImportPlanner.emails(rows),
				!view.dryRun());
		ImportPlan plan = new ImportPlanner(validator, projectIds(), deskIds(), this.organisation.importDefaults(),
				this.clock.instant())
			.plan(rows, storedClients);
		long planned = System.nanoTime();

		boolean writes = !view.dryRun() && (!plan.hasErrors() || OnError.of(view.onError()) == OnError.SKIP);
		ImportStatus outcome = !plan.hasErrors() ? ImportStatus.SUCCEEDED : (OnError.of(view.onError()) == OnError.SKIP)
				? ImportStatus.COMPLETED_WITH_ERRORS : ImportStatus.FAILED;
		long saved = planned;
		if (writes) {
			this.clients.save(plan.creates(), plan.updates().stream().map(ImportPlan.Update::after).toList());
			saved = System.nanoTime();
			this.imports.insertChanges(view.id(), changes(plan));
		}
		// a real import that failed wrote nothing, and says so; a dry run says what it
		// would do
		boolean counts = writes || view.dryRun();
		int created = counts ? plan.creates().size() : 0;
		int updated = counts ? plan.updates().size() : 0;
		int unchanged = counts ? plan.unchanged() : 0;
		if (plan.hasErrors()) {
			this.imports.insertErrors(view.id(), plan.errors());
		}
		this.imports.setCounts(view.id(), created, updated, unchanged, plan.failedRows());
		log.debug(
				"Import {}: read and checked {} rows in {} ms, looked up and planned in {} ms, wrote the clients in {} ms"
						+ " and the rest in {} ms",
				view.id(), rows.size(), (checked - start) / 1_000_000, (planned - checked) / 1_000_000,
				(saved - planned) / 1_000_000, (System.nanoTime() - saved) / 1_000_000);
		return finish(view, outcome, created + updated + unchanged, plan.failedRows());
	}

	private void fail(StoredImport stored, String message) {
		Import view = stored.view();
		this.transaction.executeWithoutResult((status) -> {
			this.imports.insertErrors(view.id(), List.of(new RowError(0, null, null, "internal_error", message)));
			this.imports.setCounts(view.id(), 0, 0, 0, 0);
			finish(view, ImportStatus.FAILED, 0, 0);
		});
	}

	private ImportFinished finish(Import view, ImportStatus outcome, int imported, int failed) {
		if (!this.imports.moveTo(view.id(), outcome, this.clock.instant())) {
			throw new IllegalStateException("Import " + view.id() + " cannot end as " + outcome + " from "
					+ this.imports.findById(view.id()).map((s) -> s.view().status()).orElse(null));
		}
		ImportFinished finished = new ImportFinished(view.id(), view.fileName(), view.createdBy(), outcome,
				view.dryRun(), imported, failed);
		this.events.publishEvent(finished);
		return finished;
	}

	private static List<ImportChange> changes(ImportPlan plan) {
		List<ImportChange> changes = new ArrayList<>(plan.creates().size() + plan.updates().size());
		for (Client client : plan.creates()) {
			changes.add(new ImportChange(client.id(), ImportChange.CREATED, null, ClientValues.of(client)));
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
			changes.add(new ImportChange(update.after().id(), ImportChange.UPDATED, changedBefore, changedAfter));
		}
		return changes;
	}

	private ImportLimits limits() {
		return new ImportLimits(this.properties.maxRecords(), this.properties.maxFileSize().toBytes());
	}

	private Set<String> projectIds() {
		return this.organisation.projects().stream().map(Project::id).collect(Collectors.toSet());
	}

	private Set<String> deskIds() {
		return this.organisation.desks().stream().map(Desk::id).collect(Collectors.toSet());
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(50L * attempt + (long) (Math.random() * 50));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
