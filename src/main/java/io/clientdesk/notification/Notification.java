package io.clientdesk.notification;

import java.time.Instant;

import io.clientdesk.importing.ImportStatus;

/**
 * One entry of a user's notifications bell, as facts: what happened and to which import.
 * Its sentence and its links are built from these when it is shown, never stored, so that
 * nothing a user typed (a file name) can become a link.
 *
 * @param kind what the notification is about
 * @param importId the import it is about
 * @param outcome how the import ended
 * @param imported the rows it imported (in a dry run: would import)
 * @param failed the rows with errors
 * @param fileName the uploaded file's name, as the user sent it: text only
 */
public record Notification(String id, Kind kind, String importId, ImportStatus outcome, boolean dryRun, int imported,
		int failed, String fileName, boolean read, Instant createdAt) {

	/** What a notification is about; each kind has its facts and its wording. */
	public enum Kind {

		/** An import or a dry run has ended. */
		IMPORT_FINISHED,

		/**
		 * The undo of an import has ended ({@code importId} is the undo's,
		 * {@code imported} what it undid, {@code failed} the rows it kept).
		 */
		UNDO_FINISHED

	}

}
