package io.clientdesk.notification;

import io.clientdesk.importing.ImportStatus;

/**
 * What a notification says and where it leads, worded from its facts each time it is
 * shown (the bell, the API). The file name is only ever a part of the text, shown
 * escaped; every link is built here from the import's ID. Words an
 * {@link Notification.Kind#IMPORT_FINISHED} or an {@link Notification.Kind#UNDO_FINISHED}
 * one.
 */
record NotificationText(Notification notification) {

	private static final String IMPORT_SUCCEEDED = "IMPORT_SUCCEEDED";

	private static final String IMPORT_FAILED = "IMPORT_FAILED";

	private boolean undo() {
		return this.notification.kind() == Notification.Kind.UNDO_FINISHED;
	}

	boolean failed() {
		return this.notification.outcome() == ImportStatus.FAILED;
	}

	/**
	 * The kind as API users (API.md) and the bell's markup know it, from how the import
	 * ended; not the stored {@link Notification.Kind}.
	 */
	String shownKind() {
		if (undo()) {
			return failed() ? "UNDO_FAILED" : "UNDO_SUCCEEDED";
		}
		return failed() ? IMPORT_FAILED : IMPORT_SUCCEEDED;
	}

	/** "Import failed", "File checked", ... */
	String title() {
		if (undo()) {
			return failed() ? "Undo failed" : "Import undone";
		}
		if (this.notification.dryRun()) {
			return failed() ? "Check failed" : "File checked";
		}
		return failed() ? "Import failed" : "Client(s) imported successfully";
	}

	/** What follows the title, up to where the API's sentence and the bell's part. */
	String summary() {
		Notification n = this.notification;
		if (undo()) {
			return failed() ? "the undo of " + n.fileName() + " stopped on an error; nothing was changed"
					: n.imported() + ((n.imported() == 1) ? " client" : " clients") + " of " + n.fileName()
							+ " put back as before the import"
							+ ((n.failed() > 0) ? "; " + n.failed() + " changed since were kept as they are" : "");
		}
		if (failed()) {
			return problems() + " in " + n.fileName() + (n.dryRun() ? "" : "; nothing was imported");
		}
		if (n.dryRun()) {
			return n.imported() + " clients would be imported from " + n.fileName()
					+ ((n.failed() > 0) ? "; " + n.failed() + " rows have errors" : "");
		}
		return n.imported() + " clients were imported"
				+ ((n.failed() > 0) ? "; " + n.failed() + " rows with errors were skipped" : "");
	}

	/**
	 * The whole sentence, for API users: it names the error report by its API path (the
	 * same path under {@code /api}), or says that a clean check can be imported.
	 */
	String message() {
		String end = namesErrorReport() ? ". Error report: /api" + errorReportPath()
				: offersImport() ? ". Import it now from the import's page" : "";
		return title() + " — " + summary() + end;
	}

	/**
	 * The bell's line after the title: the bell shows the error report and the import of
	 * a clean check as a link and a button instead of words.
	 */
	String detail() {
		return summary() + ((namesErrorReport() || offersImport()) ? "." : "");
	}

	/** The import's page. */
	String link() {
		return "/imports/" + this.notification.importId();
	}

	/** The error report under the session, or null where the notification names none. */
	String errorReport() {
		return namesErrorReport() ? errorReportPath() : null;
	}

	/** Where the bell posts to import a clean check at once (its commit), or null. */
	String commit() {
		return offersImport() ? link() + "/commit" : null;
	}

	/** A failure always has a report; an import that skipped rows reports those. */
	private boolean namesErrorReport() {
		return failed() || (!this.notification.dryRun() && this.notification.failed() > 0);
	}

	private boolean offersImport() {
		return this.notification.dryRun() && !failed();
	}

	private String errorReportPath() {
		return link() + "/errors.csv";
	}

	private String problems() {
		int failed = this.notification.failed();
		return (failed == 1) ? "1 row has errors"
				: (failed > 1) ? failed + " rows have errors" : "the import stopped on an error";
	}

}
