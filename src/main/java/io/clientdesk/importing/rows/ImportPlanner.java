package io.clientdesk.importing.rows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.clientdesk.client.Client;
import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.organisation.Desk;
import io.clientdesk.organisation.ImportDefaults;
import io.clientdesk.organisation.Project;
import io.clientdesk.security.Scope;
import io.clientdesk.shared.ObjectIds;

/**
 * Decides, row by row, what an import does: matches each row to a stored client (by ID,
 * else by email), applies IMPORT.md's rules for defaults, updates, duplicates and
 * references and the uploader's scope ({@link ScopeCheck}), and collects every error. It
 * reads nothing and writes nothing: the job gives it the stored clients that the file's
 * IDs and emails refer to.
 */
public final class ImportPlanner {

	private final RowValidator validator;

	private final Map<String, Project> projects;

	private final Map<String, Desk> desks;

	private final ImportDefaults defaults;

	private final Instant now;

	private final ScopeCheck scope;

	/**
	 * @param projects every project, the archived ones included
	 * @param desks every desk, the archived ones included
	 * @param scope the uploader's: the clients they may create and update
	 */
	public ImportPlanner(RowValidator validator, Collection<Project> projects, Collection<Desk> desks,
			ImportDefaults defaults, Instant now, Scope scope) {
		this.validator = validator;
		this.projects = projects.stream().collect(Collectors.toMap(Project::id, Function.identity()));
		this.desks = desks.stream().collect(Collectors.toMap(Desk::id, Function.identity()));
		this.defaults = defaults;
		this.now = now.truncatedTo(ChronoUnit.MILLIS);
		this.scope = new ScopeCheck(scope, (id) -> "'" + this.projects.get(id).name() + "' (id " + id + ")",
				(id) -> "'" + this.desks.get(id).name() + "' (id " + id + ")");
	}

	/** The IDs that the rows refer to, to look up before planning. */
	public static Set<String> ids(List<ValidatedRow> rows) {
		return rows.stream().map((row) -> row.fields().id()).filter(Objects::nonNull).collect(Collectors.toSet());
	}

	/** The emails that the rows refer to, to look up before planning. */
	public static Set<String> emails(List<ValidatedRow> rows) {
		return rows.stream().map((row) -> row.fields().email()).filter(Objects::nonNull).collect(Collectors.toSet());
	}

	/** Plans a whole file at once. */
	public ImportPlan plan(List<ValidatedRow> rows, Collection<Client> stored) {
		return start().plan(rows, stored);
	}

	/** Starts planning a file given chunk by chunk ({@link Chunks}). */
	public Chunks start() {
		return new Chunks();
	}

	private ImportPlan plan(List<ValidatedRow> rows, Map<String, Client> byId, Map<String, Client> byEmail,
			DuplicatesInFile duplicates) {
		List<Client> creates = new ArrayList<>();
		List<ImportPlan.Update> updates = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		int unchanged = 0;
		int failedRows = 0;
		for (ValidatedRow row : rows) {
			List<RowError> rowErrors = new ArrayList<>(row.errors());
			Client target = (row.fields() != ClientFields.NONE) ? resolve(row, byId, byEmail, duplicates, rowErrors)
					: null;
			if (!rowErrors.isEmpty()) {
				errors.addAll(rowErrors);
				failedRows++;
			}
			else if (target == null) {
				creates.add(create(row.fields()));
			}
			else {
				Client after = update(target, row.fields());
				if (after.equals(target)) {
					unchanged++;
				}
				else {
					updates.add(new ImportPlan.Update(target, after));
				}
			}
		}
		errors.sort(RowError.byPosition());
		return new ImportPlan(creates, updates, unchanged, errors, failedRows);
	}

	/**
	 * The stored client a row updates ({@code null}: it creates one), adding to the row's
	 * errors what only the database and the other rows can tell.
	 */
	private Client resolve(ValidatedRow row, Map<String, Client> byId, Map<String, Client> byEmail,
			DuplicatesInFile duplicates, List<RowError> rowErrors) {
		ClientFields fields = row.fields();
		int line = row.line();
		Client target = null;
		ClientColumn matchedBy = null;
		boolean idGiven = fields.id() != null || hasError(row, ClientColumn.ID);
		if (fields.id() != null) {
			target = byId.get(fields.id());
			matchedBy = ClientColumn.ID;
			if (target == null) {
				rowErrors.add(RowError.of(line, ClientColumn.ID, fields.id(), ErrorCode.UNKNOWN_ID,
						"no client has the ID " + fields.id()));
			}
		}
		else if (!idGiven && fields.email() != null) {
			target = byEmail.get(fields.email());
			matchedBy = ClientColumn.EMAIL;
		}
		if (target != null && !this.scope.includes(target.project(), target.desk())) {
			// and nothing more about a client the uploader may not see
			rowErrors.add(ScopeCheck.storedClient(line, matchedBy,
					(matchedBy == ClientColumn.ID) ? fields.id() : fields.email()));
			return target;
		}
		if (fields.project() != null && !this.projects.containsKey(fields.project())) {
			rowErrors.add(RowError.of(line, ClientColumn.PROJECT, fields.project(), ErrorCode.UNKNOWN_PROJECT,
					"no project has the ID " + fields.project()));
		}
		if (fields.desk() != null && !this.desks.containsKey(fields.desk())) {
			rowErrors.add(RowError.of(line, ClientColumn.DESK, fields.desk(), ErrorCode.UNKNOWN_DESK,
					"no desk has the ID " + fields.desk()));
		}
		if (!idGiven && target == null) {
			rowErrors.addAll(this.validator.requiredForCreate(row));
		}
		// an archived project or desk keeps its clients but takes no new ones: a row that
		// would create a client in one, or move a client into one, is refused
		String project = (fields.project() != null) ? fields.project()
				: (target == null) ? this.defaults.project() : null;
		Project archivedProject = this.projects.get(project);
		if (archivedProject != null && archivedProject.archived()
				&& (target == null || !target.project().equals(project))) {
			rowErrors.add(RowError.of(line, ClientColumn.PROJECT, or(fields.project(), ""), ErrorCode.ARCHIVED_PROJECT,
					"project '" + archivedProject.name() + "' (id " + archivedProject.id() + ") is archived"
							+ ((fields.project() == null) ? " (the import defaults' project)" : "")));
		}
		String desk = (fields.desk() != null) ? fields.desk() : (target == null) ? this.defaults.desk() : null;
		Desk archivedDesk = this.desks.get(desk);
		if (archivedDesk != null && archivedDesk.archived() && (target == null || !target.desk().equals(desk))) {
			rowErrors.add(RowError.of(line, ClientColumn.DESK, or(fields.desk(), ""), ErrorCode.ARCHIVED_DESK,
					"desk '" + archivedDesk.name() + "' (id " + archivedDesk.id() + ") is archived"
							+ ((fields.desk() == null) ? " (the import defaults' desk)" : "")));
		}
		rowErrors.addAll(this.scope.destination(line, fields, this.projects.containsKey(project) ? project : null,
				this.desks.containsKey(desk) ? desk : null, target == null));
		String email = (fields.email() != null) ? fields.email() : (target != null) ? target.email() : null;
		boolean emailCounts = email != null && !(idGiven && target == null);
		duplicates.check(line, (target != null) ? target.id() : null, matchedBy, emailCounts ? email : null)
			.ifPresent(rowErrors::add);
		if (emailCounts) {
			Client owner = byEmail.get(email);
			if (target != null && owner != null && !owner.id().equals(target.id())) {
				rowErrors.add(RowError.of(line, ClientColumn.EMAIL, email, ErrorCode.EMAIL_TAKEN,
						"email is already used by " + (this.scope.includes(owner.project(), owner.desk())
								? "client " + owner.id() : "a client outside your scope")));
			}
		}
		return target;
	}

	/**
	 * The planning of one file given in chunks of rows, each planned against the stored
	 * clients as the chunks before left them, and written before the next is read: what a
	 * row may only do once in a file (name a client, give an email) is remembered for the
	 * whole file ({@link DuplicatesInFile}). So is the email an earlier chunk took from a
	 * stored client: a later row giving that email is judged as if nothing had been
	 * written yet, against the client who had it (a duplicate, or the email taken), as
	 * planning the whole file at once judges it.
	 */
	public final class Chunks {

		private final DuplicatesInFile duplicates = new DuplicatesInFile();

		/**
		 * The emails that updates in earlier chunks replaced, with the client who had
		 * them; only rows that change a stored client's email add one.
		 */
		private final Map<String, String> replacedEmails = new HashMap<>();

		private Chunks() {
		}

		/**
		 * The IDs to look up before planning the rows: those they name, and the clients
		 * who had the emails they give before an earlier chunk replaced them.
		 */
		public Set<String> ids(List<ValidatedRow> rows) {
			Set<String> ids = new HashSet<>(ImportPlanner.ids(rows));
			for (String email : emails(rows)) {
				String owner = this.replacedEmails.get(email);
				if (owner != null) {
					ids.add(owner);
				}
			}
			return ids;
		}

		/** The emails to look up before planning the rows. */
		public Set<String> emails(List<ValidatedRow> rows) {
			return ImportPlanner.emails(rows);
		}

		/**
		 * Plans the next rows of the file.
		 * @param stored the clients with the IDs and emails of {@link #ids} and
		 * {@link #emails}, as stored now
		 */
		public ImportPlan plan(List<ValidatedRow> rows, Collection<Client> stored) {
			Map<String, Client> byId = stored.stream().collect(Collectors.toMap(Client::id, Function.identity()));
			Map<String, Client> byEmail = new HashMap<>();
			for (Client client : stored) {
				byEmail.put(client.email(), client);
			}
			for (String email : emails(rows)) {
				Client owner = byId.get(this.replacedEmails.get(email));
				if (owner != null) {
					byEmail.put(email, owner);
				}
			}
			ImportPlan plan = ImportPlanner.this.plan(rows, byId, byEmail, this.duplicates);
			for (ImportPlan.Update update : plan.updates()) {
				if (!update.before().email().equals(update.after().email())) {
					this.replacedEmails.putIfAbsent(update.before().email(), update.before().id());
				}
			}
			return plan;
		}

	}

	private Client create(ClientFields fields) {
		return new Client(ObjectIds.next(), fields.firstName(), or(fields.lastName(), ""), fields.email(),
				or(fields.project(), this.defaults.project()), or(fields.desk(), this.defaults.desk()),
				or(fields.active(), this.defaults.active()), or(fields.type(), this.defaults.type()),
				(fields.created() != null) ? fields.created().truncatedTo(ChronoUnit.MILLIS) : this.now);
	}

	/** The stored client with the row's non-empty cells written over it. */
	private static Client update(Client stored, ClientFields fields) {
		return new Client(stored.id(), or(fields.firstName(), stored.firstName()),
				or(fields.lastName(), stored.lastName()), or(fields.email(), stored.email()),
				or(fields.project(), stored.project()), or(fields.desk(), stored.desk()),
				or(fields.active(), stored.active()), or(fields.type(), stored.type()),
				(fields.created() != null) ? fields.created().truncatedTo(ChronoUnit.MILLIS) : stored.created());
	}

	private static boolean hasError(ValidatedRow row, ClientColumn column) {
		return row.errors().stream().anyMatch((error) -> column.header().equals(error.column()));
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
