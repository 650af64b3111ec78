package io.clientdesk.importing.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clientdesk.client.Client;
import io.clientdesk.client.ClientService;
import io.clientdesk.importing.ImportStatus;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.importing.job.ImportRepository.StoredImport;
import io.clientdesk.importing.rows.ClientValues;
import io.clientdesk.security.Scope;
import io.clientdesk.security.UserService;

import org.springframework.stereotype.Component;

/**
 * One attempt at undoing an import, inside the job's transaction ({@link ImportJob}):
 * reads the import's record of changes and the clients it names (locked), deletes the
 * clients it created and puts back the values it replaced, through the same bulk paths as
 * an import (one batched delete, MERGE statements of 500 clients). A client changed since
 * the import is a conflict: kept as it is now and reported ({@code changed_since}), or
 * restored all the same, as the undo's choice says. A client the import updated that no
 * longer exists ({@code deleted_since}), or whose email before the import now belongs to
 * another client ({@code email_taken}), is reported and left as it is. A client outside
 * the scope of the user who asked for the undo, now or as the undo would leave it, is
 * left as it is and reported ({@code out_of_scope}), without its values.
 */
@Component
class ImportUndo {

	private static final Logger log = LoggerFactory.getLogger(ImportUndo.class);

	private final ImportRepository imports;

	private final ClientService clients;

	private final UserService users;

	ImportUndo(ImportRepository imports, ClientService clients, UserService users) {
		this.imports = imports;
		this.clients = clients;
		this.users = users;
	}

	/**
	 * The clients changed since the import, as they are now (read, not locked: the undo
	 * looks again when it runs).
	 */
	List<UndoConflict> conflicts(String importId, String username) {
		return plan(this.imports.allChanges(importId), UndoChoice.all(UndoConflicts.KEEP), false,
				this.users.scopeOf(username)).conflicts;
	}

	ImportRun.Outcome run(StoredImport stored) {
		Import view = stored.view();
		long start = System.nanoTime();
		// undos of one import run one at a time, and only one of them undoes it
		this.imports.lock(view.undoOf());
		this.imports.liveUndoOf(view.undoOf(), view.id())
			.flatMap((other) -> this.imports.findById(other))
			.filter((other) -> other.view().status().isFinished())
			.ifPresent((other) -> {
				throw new RefusedException(
						"Import " + view.undoOf() + " has already been undone by " + other.view().id());
			});
		List<ImportChange> changes = this.imports.allChanges(view.undoOf());
		long read = System.nanoTime();
		Plan plan = plan(changes, this.imports.undoChoice(view.id()), true, this.users.scopeOf(view.createdBy()));
		long planned = System.nanoTime();
		this.clients.delete(plan.deletes);
		this.clients.save(List.of(), plan.restores);
		this.imports.insertChanges(view.id(), plan.record);
		if (!plan.errors.isEmpty()) {
			this.imports.insertErrors(view.id(), plan.errors);
		}
		this.imports.setCounts(view.id(), 0, plan.restores.size(), plan.unchanged, plan.errors.size());
		this.imports.setDeleted(view.id(), plan.deletes.size());
		log.debug(
				"Undo {} of import {}: {} deleted, {} restored, {} reported; changes read in {} ms, clients read"
						+ " and planned in {} ms, written in {} ms",
				view.id(), view.undoOf(), plan.deletes.size(), plan.restores.size(), plan.errors.size(),
				(read - start) / 1_000_000, (planned - read) / 1_000_000, (System.nanoTime() - planned) / 1_000_000);
		ImportStatus status = plan.errors.isEmpty() ? ImportStatus.SUCCEEDED : ImportStatus.COMPLETED_WITH_ERRORS;
		return new ImportRun.Outcome(status, plan.deletes.size() + plan.restores.size(), plan.errors.size());
	}

	/**
	 * Decides for each entry of the record of changes what the undo does, against the
	 * clients as they are now. The creations first: a client they delete frees its email
	 * for a client whose old email it had taken.
	 */
	private Plan plan(List<ImportChange> changes, UndoChoice choice, boolean lock, Scope scope) {
		Set<String> ids = new LinkedHashSet<>();
		Set<String> emails = new HashSet<>();
		for (ImportChange change : changes) {
			ids.add(change.client());
			if (change.action() == ImportChange.Action.UPDATED
					&& change.before().get("email") instanceof String email) {
				emails.add(email);
			}
		}
		Map<String, Client> byId = new HashMap<>();
		Map<String, Client> byEmail = new HashMap<>();
		for (Client client : this.clients.findByIdsOrEmails(ids, emails, lock)) {
			byId.put(client.id(), client);
			byEmail.put(client.email(), client);
		}
		Plan plan = new Plan();
		for (int i = 0; i < changes.size(); i++) {
			ImportChange change = changes.get(i);
			Client now = byId.get(change.client());
			if (change.action() != ImportChange.Action.CREATED) {
				continue;
			}
			if (now == null) {
				plan.unchanged++; // deleted since: there is nothing left to undo
				continue;
			}
			if (!scope.includes(now.project(), now.desk())) {
				plan.errors.add(outOfScope(i + 1, now));
				continue;
			}
			Map<String, Object> current = ClientValues.of(now);
			Map<String, Object> changed = changed(change.after(), current);
			if (!changed.isEmpty()) {
				plan.conflicts.add(new UndoConflict(now.id(), change.action(), null, pick(change.after(), changed),
						pick(current, changed)));
				if (!choice.restores(now.id())) {
					plan.errors.add(changedSince(i + 1, now, change.after(), current, changed));
					continue;
				}
			}
			plan.deletes.add(now.id());
			plan.record.add(new ImportChange(now.id(), ImportChange.Action.DELETED, current, null));
		}
		Set<String> deleted = new HashSet<>(plan.deletes);
		for (int i = 0; i < changes.size(); i++) {
			ImportChange change = changes.get(i);
			if (change.action() != ImportChange.Action.UPDATED) {
				continue;
			}
			Client now = byId.get(change.client());
			if (now == null) {
				plan.errors
					.add(new RowError(i + 1, null, change.client(), ErrorCode.DELETED_SINCE, "Client " + change.client()
							+ ", which the import updated, no longer exists; there is nothing to put back"));
				continue;
			}
			if (!scope.includes(now.project(), now.desk())
					|| !scope.includes(String.valueOf(change.before().getOrDefault("project", now.project())),
							String.valueOf(change.before().getOrDefault("desk", now.desk())))) {
				plan.errors.add(outOfScope(i + 1, now));
				continue;
			}
			Map<String, Object> current = ClientValues.of(now);
			Map<String, Object> changed = changed(change.after(), current);
			if (!changed.isEmpty()) {
				plan.conflicts.add(new UndoConflict(now.id(), change.action(), change.before(), change.after(),
						pick(current, change.after())));
				if (!choice.restores(now.id())) {
					plan.errors.add(changedSince(i + 1, now, change.after(), current, changed));
					continue;
				}
			}
			if (change.before().get("email") instanceof String email && !email.equals(now.email())) {
				Client holder = byEmail.get(email);
				if (holder != null && !holder.id().equals(now.id()) && !deleted.contains(holder.id())) {
					plan.errors.add(new RowError(i + 1, "email", email, ErrorCode.EMAIL_TAKEN,
							"The email of client " + now.id() + " before the import, " + email
									+ ", now belongs to client " + holder.id() + "; the client was kept as it is now"));
					continue;
				}
			}
			plan.restores.add(restored(now, change.before()));
			plan.record.add(new ImportChange(now.id(), ImportChange.Action.UPDATED, pick(current, change.before()),
					change.before()));
		}
		return plan;
	}

	private static RowError outOfScope(int entry, Client now) {
		return new RowError(entry, null, now.id(), ErrorCode.OUT_OF_SCOPE, "Client " + now.id()
				+ " is outside your scope, now or as the undo would leave it; the client was kept as it is now");
	}

	/** The fields whose value now differs from the one the import wrote, with it. */
	private static Map<String, Object> changed(Map<String, Object> imported, Map<String, Object> current) {
		Map<String, Object> changed = new LinkedHashMap<>();
		imported.forEach((field, value) -> {
			if (!Objects.equals(value, current.get(field))) {
				changed.put(field, value);
			}
		});
		return changed;
	}

	/** The values of the fields that {@code fields} names. */
	private static Map<String, Object> pick(Map<String, Object> values, Map<String, Object> fields) {
		Map<String, Object> picked = new LinkedHashMap<>();
		fields.keySet().forEach((field) -> picked.put(field, values.get(field)));
		return picked;
	}

	private static RowError changedSince(int entry, Client now, Map<String, Object> imported,
			Map<String, Object> current, Map<String, Object> changed) {
		String field = changed.keySet().iterator().next();
		StringBuilder message = new StringBuilder("Client ").append(now.id()).append(" was changed after the import (");
		changed.keySet()
			.forEach((f) -> message.append(f)
				.append(" is now '")
				.append(current.get(f))
				.append("', the import wrote '")
				.append(imported.get(f))
				.append("'; "));
		message.setLength(message.length() - 2);
		message.append("); it was kept as it is now");
		return new RowError(entry, field, String.valueOf(current.get(field)), ErrorCode.CHANGED_SINCE,
				message.toString());
	}

	/** The client with the values it had before the import put back. */
	private static Client restored(Client now, Map<String, Object> before) {
		return new Client(now.id(), text(before, "firstName", now.firstName()),
				text(before, "lastName", now.lastName()), text(before, "email", now.email()),
				text(before, "project", now.project()), text(before, "desk", now.desk()),
				before.containsKey("active") ? (Boolean) before.get("active") : now.active(),
				text(before, "type", now.type()),
				before.containsKey("created") ? Instant.parse((String) before.get("created")) : now.created());
	}

	private static String text(Map<String, Object> values, String field, String otherwise) {
		return values.containsKey(field) ? (String) values.get(field) : otherwise;
	}

	/** What the undo does: in its record of changes, its report and its counts. */
	private static final class Plan {

		final List<String> deletes = new ArrayList<>();

		final List<Client> restores = new ArrayList<>();

		final List<ImportChange> record = new ArrayList<>();

		final List<RowError> errors = new ArrayList<>();

		final List<UndoConflict> conflicts = new ArrayList<>();

		int unchanged;

	}

	/** The undo cannot run: the import has been undone meanwhile. */
	static final class RefusedException extends RuntimeException {

		RefusedException(String message) {
			super(message);
		}

	}

}
