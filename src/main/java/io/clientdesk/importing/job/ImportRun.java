package io.clientdesk.importing.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clientdesk.client.Client;
import io.clientdesk.client.ClientService;
import io.clientdesk.importing.ImportStatus;
import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.ColumnMapping;
import io.clientdesk.importing.file.ParsedFile;
import io.clientdesk.importing.job.ImportRepository.StoredImport;
import io.clientdesk.importing.profile.ImportProfile;
import io.clientdesk.importing.profile.ImportProfileService;
import io.clientdesk.importing.rows.ClientValues;
import io.clientdesk.importing.rows.ImportPlan;
import io.clientdesk.importing.rows.ImportPlanner;
import io.clientdesk.importing.rows.RowValidator;
import io.clientdesk.importing.rows.ValidatedRow;
import io.clientdesk.organisation.OrganisationService;

import org.springframework.stereotype.Component;

/**
 * One attempt at an import, inside the job's transaction: plans every row of the stored
 * file against the database as it is now, then writes what the plan says (the clients,
 * the record of changes, the errors and the counts).
 */
@Component
class ImportRun {

	private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

	private final ImportRepository imports;

	private final ClientService clients;

	private final OrganisationService organisation;

	private final ImportProperties properties;

	private final ImportProfileService profiles;

	private final ClientCsvParser parser = new ClientCsvParser();

	private final Clock clock = Clock.systemUTC();

	ImportRun(ImportRepository imports, ClientService clients, OrganisationService organisation,
			ImportProperties properties, ImportProfileService profiles) {
		this.profiles = profiles;
		this.imports = imports;
		this.clients = clients;
		this.organisation = organisation;
		this.properties = properties;
	}

	/** How an attempt ended: the import's final state and its row counts. */
	record Outcome(ImportStatus status, int imported, int failed) {
	}

	Outcome run(StoredImport stored) {
		Import view = stored.view();
		long start = System.nanoTime();
		ColumnMapping mapping = mapping(stored);
		ImportPlan plan = plan(view, stored.fileId(), mapping);
		long planned = System.nanoTime();
		boolean writes = !view.dryRun() && (!plan.hasErrors() || view.onError() == OnError.SKIP);
		if (writes) {
			this.clients.save(plan.creates(), plan.updates().stream().map(ImportPlan.Update::after).toList());
			this.imports.insertChanges(view.id(), changes(plan));
		}
		// a real import that failed wrote nothing, and says so; a dry run says what it
		// would do
		boolean counts = writes || view.dryRun();
		int created = counts ? plan.creates().size() : 0;
		int updated = counts ? plan.updates().size() : 0;
		int unchanged = counts ? plan.unchanged() : 0;
		if (plan.hasErrors()) {
			// a mapped file's errors name its own headers
			this.imports.insertErrors(view.id(), (mapping != null) ? mapping.relabel(plan.errors()) : plan.errors());
		}
		this.imports.setCounts(view.id(), created, updated, unchanged, plan.failedRows());
		log.debug("Import {}: read, checked and planned in {} ms, wrote in {} ms", view.id(),
				(planned - start) / 1_000_000, (System.nanoTime() - planned) / 1_000_000);
		return new Outcome(outcome(view, plan), created + updated + unchanged, plan.failedRows());
	}

	/**
	 * Reads the stored file again, checks each row and matches it to the stored clients.
	 */
	private ImportPlan plan(Import view, String fileId, ColumnMapping mapping) {
		byte[] content = this.imports.fileContent(fileId);
		if (content == null) {
			// a commit queued at the moment the retention deleted its dry run's file
			throw new FileGoneException();
		}
		ParsedFile file = this.parser.parse(view.fileName(), content, this.properties.limits(), mapping);
		RowValidator validator = new RowValidator(this.organisation.clientTypes(), this.clock);
		List<ValidatedRow> rows = file.rows().stream().map(validator::validate).toList();
		List<Client> storedClients = this.clients.findByIdsOrEmails(ImportPlanner.ids(rows), ImportPlanner.emails(rows),
				!view.dryRun());
		return new ImportPlanner(validator, this.organisation.projects(), this.organisation.desks(),
				this.organisation.importDefaults(), this.clock.instant())
			.plan(rows, storedClients);
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
		// SEAM (dates): profile.dateFormat() is the profile's date order (DMY, MDY, YMD
		// or
		// null); where the import takes a declared date order, pass it on here
		return this.profiles.mapping(profile);
	}

	private static ImportStatus outcome(Import view, ImportPlan plan) {
		if (!plan.hasErrors()) {
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

	/** The import's file was deleted by the retention before the import ran. */
	static final class FileGoneException extends RuntimeException {

		FileGoneException() {
			super("The uploaded file was deleted (retention) before the import ran; upload it again");
		}

	}

}
