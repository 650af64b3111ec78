package io.clientdesk.importing.job;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.clientdesk.audit.AuditAction;
import io.clientdesk.audit.AuditLog;
import io.clientdesk.importing.ImportStatus;
import io.clientdesk.importing.job.ImportRepository.StoredImport;
import io.clientdesk.shared.ConflictException;
import io.clientdesk.shared.NotFoundException;
import io.clientdesk.shared.ObjectIds;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoing an import: what it would meet (the clients changed since) and queuing the undo,
 * which runs in the background like an import ({@link ImportUndo}) and has its own entry
 * in the history, its own report and its own notification.
 */
@Service
public class ImportUndoService {

	private final ImportRepository imports;

	private final ImportQueue queue;

	private final ImportQuota quota;

	private final ImportUndo undo;

	private final AuditLog audit;

	private final Clock clock = Clock.systemUTC();

	ImportUndoService(ImportRepository imports, ImportQueue queue, ImportQuota quota, ImportUndo undo, AuditLog audit) {
		this.imports = imports;
		this.queue = queue;
		this.quota = quota;
		this.undo = undo;
		this.audit = audit;
	}

	/**
	 * Queues the undo of the import, with the choice for the clients changed since it.
	 * @throws ConflictException where the import cannot be undone: it wrote nothing, has
	 * not ended, is an undo itself, or is undone (or being undone) already
	 * @throws io.clientdesk.shared.LimitReachedException 429 where the user has too many
	 * imports waiting, as for an upload
	 */
	@Transactional
	public Import undo(String id, UndoChoice choice, Viewer user) {
		StoredImport stored = find(id, user);
		// two undos asked at once: the second waits here, then finds the first
		this.imports.lock(id);
		Import view = stored.view();
		refuseIfNotUndoable(view);
		this.quota.checkCommit(user.username());
		Import queued = Import.undoQueued(ObjectIds.next(), view, (int) this.imports.countChanges(id), user.username(),
				this.clock.instant());
		this.imports.insertUndo(queued, stored.fileId(), choice.conflicts(), choice.restore());
		this.queue.enqueue(queued.id());
		this.audit.record(AuditAction.IMPORT_UNDO_REQUESTED, queued.id(), Map.of("undoOf", id, "conflicts",
				choice.conflicts().value(), "restoredByChoice", choice.restore().size()));
		return queued;
	}

	/**
	 * The clients that the import changed and that were changed again since, as they are
	 * now: undoing overwrites them only if asked to.
	 * @throws ConflictException where the import cannot be undone
	 */
	@Transactional(readOnly = true)
	public List<UndoConflict> conflicts(String id, Viewer user) {
		refuseIfNotUndoable(find(id, user).view());
		return this.undo.conflicts(id, user.username());
	}

	/** Why the import cannot be undone, or null if it can. */
	@Transactional(readOnly = true)
	public String whyNotUndoable(String id, Viewer user) {
		try {
			refuseIfNotUndoable(find(id, user).view());
			return null;
		}
		catch (ConflictException ex) {
			return ex.getBody().getDetail();
		}
	}

	private void refuseIfNotUndoable(Import view) {
		String id = view.id();
		if (view.undoOf() != null) {
			throw new ConflictException("Import " + id + " is an undo; it cannot be undone in turn");
		}
		if (view.dryRun()) {
			throw new ConflictException("Import " + id + " is a dry run: it wrote nothing to undo");
		}
		if (!view.status().isFinished()) {
			throw new ConflictException(
					"Import " + id + " is " + view.status() + "; it can be undone once it has ended");
		}
		if (view.status() == ImportStatus.FAILED || view.created() + view.updated() == 0) {
			throw new ConflictException("Import " + id + " wrote nothing: there is nothing to undo");
		}
		this.imports.liveUndoOf(id, "").flatMap(this.imports::findById).ifPresent((other) -> {
			throw new ConflictException("Import " + id
					+ (other.view().status().isFinished() ? " has already been undone by " : " is being undone by ")
					+ other.view().id());
		});
	}

	private StoredImport find(String id, Viewer user) {
		return this.imports.findById(id, user)
			.filter((stored) -> user.maySee(stored.view()))
			.orElseThrow(() -> new NotFoundException("Import", id));
	}

}
