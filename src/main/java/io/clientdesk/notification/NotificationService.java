package io.clientdesk.notification;

import java.time.Instant;
import java.util.List;

import io.clientdesk.importing.ImportFinished;
import io.clientdesk.importing.ImportUndone;
import io.clientdesk.shared.NotFoundException;
import io.clientdesk.shared.ObjectIds;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications bell: tells the user who started an import how it ended.
 * Notifications are only ever shown to their owner.
 */
@Service
public class NotificationService {

	/** Notifications listed at most (newest first). */
	static final int LIST_LIMIT = 50;

	private final NotificationRepository notifications;

	NotificationService(NotificationRepository notifications) {
		this.notifications = notifications;
	}

	@Transactional(readOnly = true)
	public List<Notification> list(String username) {
		return this.notifications.findByUser(username, LIST_LIMIT);
	}

	@Transactional(readOnly = true)
	public int unreadCount(String username) {
		return this.notifications.countUnread(username);
	}

	@Transactional
	public void markRead(String id, String username) {
		if (!this.notifications.markRead(id, username)) {
			throw new NotFoundException("Notification", id);
		}
	}

	@Transactional
	public void markAllRead(String username) {
		this.notifications.markAllRead(username);
	}

	/**
	 * Runs after the import's transaction has committed, in a transaction of its own; the
	 * event publication registry runs it again after a crash in between.
	 */
	@ApplicationModuleListener
	void on(ImportFinished event) {
		this.notifications.insert(event.username(), notificationOf(event));
	}

	/** As for an import: after the undo's transaction has committed. */
	@ApplicationModuleListener
	void on(ImportUndone event) {
		this.notifications.insert(event.username(),
				new Notification(ObjectIds.next(), Notification.Kind.UNDO_FINISHED, event.undoId(), event.status(),
						false, event.undone(), event.kept(), event.fileName(), false, Instant.now()));
	}

	static Notification notificationOf(ImportFinished event) {
		return new Notification(ObjectIds.next(), Notification.Kind.IMPORT_FINISHED, event.importId(), event.status(),
				event.dryRun(), event.imported(), event.failed(), event.fileName(), false, Instant.now());
	}

}
