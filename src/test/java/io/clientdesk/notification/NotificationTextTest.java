package io.clientdesk.notification;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.clientdesk.importing.ImportStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's sentence of each way an import can end, worded from the facts exactly as it
 * was stored before notifications were stored as facts.
 */
class NotificationTextTest {

	private static final String IMPORT = "66829b2e43c91e3ce480b6c4";

	private static final String REPORT = "/api/imports/" + IMPORT + "/errors.csv";

	@Test
	void an_import_reads_as_the_spec_says() {
		assertThat(message(ImportStatus.SUCCEEDED, false, 3, 0, "clients.csv"))
			.isEqualTo("Client(s) imported successfully — 3 clients were imported");
	}

	@Test
	void an_import_that_skipped_rows_names_their_error_report() {
		assertThat(message(ImportStatus.COMPLETED_WITH_ERRORS, false, 1, 2, "skip.csv")).isEqualTo(
				"Client(s) imported successfully — 1 clients were imported; 2 rows with errors were skipped. Error report: "
						+ REPORT);
	}

	@Test
	void a_failed_import_names_its_rows_with_errors_its_file_and_its_error_report() {
		assertThat(message(ImportStatus.FAILED, false, 0, 2, "partner.csv")).isEqualTo(
				"Import failed — 2 rows have errors in partner.csv; nothing was imported. Error report: " + REPORT);
		assertThat(message(ImportStatus.FAILED, false, 0, 1, "one-bad.csv")).isEqualTo(
				"Import failed — 1 row has errors in one-bad.csv; nothing was imported. Error report: " + REPORT);
		assertThat(message(ImportStatus.FAILED, false, 0, 0, "a.csv"))
			.isEqualTo("Import failed — the import stopped on an error in a.csv; nothing was imported. Error report: "
					+ REPORT);
	}

	@Test
	void a_check_says_what_would_be_imported_and_that_it_can_be_imported_now() {
		assertThat(message(ImportStatus.SUCCEEDED, true, 2, 0, "check.csv")).isEqualTo(
				"File checked — 2 clients would be imported from check.csv. Import it now from the import's page");
		assertThat(message(ImportStatus.COMPLETED_WITH_ERRORS, true, 1, 1, "check-skip.csv")).isEqualTo(
				"File checked — 1 clients would be imported from check-skip.csv; 1 rows have errors. Import it now from the import's page");
	}

	@Test
	void a_failed_check_names_its_error_report() {
		assertThat(message(ImportStatus.FAILED, true, 0, 1, "check-bad.csv"))
			.isEqualTo("Check failed — 1 row has errors in check-bad.csv. Error report: " + REPORT);
	}

	@Test
	void the_api_kind_says_whether_the_import_failed() {
		assertThat(text(ImportStatus.FAILED, true, 0, 1, "a.csv").shownKind()).isEqualTo("IMPORT_FAILED");
		assertThat(text(ImportStatus.SUCCEEDED, false, 1, 0, "a.csv").shownKind()).isEqualTo("IMPORT_SUCCEEDED");
		assertThat(text(ImportStatus.COMPLETED_WITH_ERRORS, false, 1, 1, "a.csv").shownKind())
			.isEqualTo("IMPORT_SUCCEEDED");
	}

	@Test
	void an_undo_says_how_many_clients_it_put_back_and_kept_and_names_its_own_page_and_report() {
		NotificationText kept = undo(ImportStatus.COMPLETED_WITH_ERRORS, 3, 1);
		assertThat(kept.shownKind()).isEqualTo("UNDO_SUCCEEDED");
		assertThat(kept.link()).isEqualTo("/imports/" + IMPORT);
		assertThat(kept.message()).isEqualTo("Import undone — 3 clients of clients.csv put back as before the import; "
				+ "1 changed since were kept as they are. Error report: " + REPORT);
		assertThat(undo(ImportStatus.SUCCEEDED, 1, 0).message())
			.isEqualTo("Import undone — 1 client of clients.csv put back as before the import");
		NotificationText failed = undo(ImportStatus.FAILED, 0, 0);
		assertThat(failed.shownKind()).isEqualTo("UNDO_FAILED");
		assertThat(failed.message())
			.isEqualTo("Undo failed — the undo of clients.csv stopped on an error; nothing was changed. Error report: "
					+ REPORT);
	}

	private static NotificationText undo(ImportStatus outcome, int undone, int kept) {
		return new NotificationText(new Notification("66829b2e43c91e3ce480b6c5", Notification.Kind.UNDO_FINISHED,
				IMPORT, outcome, false, undone, kept, "clients.csv", false, Instant.now()));
	}

	private static String message(ImportStatus outcome, boolean dryRun, int imported, int failed, String fileName) {
		return text(outcome, dryRun, imported, failed, fileName).message();
	}

	private static NotificationText text(ImportStatus outcome, boolean dryRun, int imported, int failed,
			String fileName) {
		return new NotificationText(new Notification("66829b2e43c91e3ce480b6c5", Notification.Kind.IMPORT_FINISHED,
				IMPORT, outcome, dryRun, imported, failed, fileName, false, Instant.now()));
	}

}
