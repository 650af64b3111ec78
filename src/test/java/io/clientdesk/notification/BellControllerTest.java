package io.clientdesk.notification;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.clientdesk.importing.ImportStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell's lines, worded and linked from a notification's facts.
 */
class BellControllerTest {

	private static final String IMPORT = "66829b2e43c91e3ce480b6c4";

	@Test
	void a_failed_import_links_its_error_report_under_the_session_not_the_api() {
		BellController.Item item = BellController.item(notification(ImportStatus.FAILED, false, 0, 2, "partner.csv"));
		assertThat(item.kind()).isEqualTo("IMPORT_FAILED");
		assertThat(item.title()).isEqualTo("Import failed");
		assertThat(item.detail()).isEqualTo("2 rows have errors in partner.csv; nothing was imported.");
		assertThat(item.link()).isEqualTo("/imports/" + IMPORT);
		assertThat(item.errorReport()).isEqualTo("/imports/" + IMPORT + "/errors.csv");
		assertThat(item.commit()).isNull();
		assertThat(item.failed()).isTrue();
	}

	@Test
	void a_successful_import_reads_as_the_spec_says() {
		BellController.Item item = BellController
			.item(notification(ImportStatus.SUCCEEDED, false, 3, 0, "clients.csv"));
		assertThat(item.kind()).isEqualTo("IMPORT_SUCCEEDED");
		assertThat(item.title() + " — " + item.detail())
			.isEqualTo("Client(s) imported successfully — 3 clients were imported");
		assertThat(item.link()).isEqualTo("/imports/" + IMPORT);
		assertThat(item.errorReport()).isNull();
		assertThat(item.commit()).isNull();
		assertThat(item.failed()).isFalse();
	}

	@Test
	void an_import_that_skipped_rows_links_their_error_report() {
		BellController.Item item = BellController
			.item(notification(ImportStatus.COMPLETED_WITH_ERRORS, false, 1, 2, "skip.csv"));
		assertThat(item.title()).isEqualTo("Client(s) imported successfully");
		assertThat(item.detail()).isEqualTo("1 clients were imported; 2 rows with errors were skipped.");
		assertThat(item.errorReport()).isEqualTo("/imports/" + IMPORT + "/errors.csv");
		assertThat(item.commit()).isNull();
		assertThat(item.failed()).isFalse();
	}

	@Test
	void a_clean_check_offers_to_import_it_now() {
		BellController.Item item = BellController.item(notification(ImportStatus.SUCCEEDED, true, 2, 0, "a.csv"));
		assertThat(item.title()).isEqualTo("File checked");
		assertThat(item.detail()).isEqualTo("2 clients would be imported from a.csv.");
		assertThat(item.commit()).isEqualTo("/imports/" + IMPORT + "/commit");
		assertThat(item.errorReport()).isNull();
	}

	@Test
	void a_failed_check_links_its_error_report_and_offers_no_import() {
		BellController.Item item = BellController.item(notification(ImportStatus.FAILED, true, 0, 1, "a.csv"));
		assertThat(item.title()).isEqualTo("Check failed");
		assertThat(item.detail()).isEqualTo("1 row has errors in a.csv.");
		assertThat(item.errorReport()).isEqualTo("/imports/" + IMPORT + "/errors.csv");
		assertThat(item.commit()).isNull();
		assertThat(item.failed()).isTrue();
	}

	@Test
	void a_file_name_that_reads_like_a_link_stays_text_and_every_link_is_built_from_the_import() {
		BellController.Item item = BellController
			.item(notification(ImportStatus.FAILED, true, 0, 1, "q. Error report: //evil.example/r.csv"));
		assertThat(item.detail()).isEqualTo("1 row has errors in q. Error report: //evil.example/r.csv.");
		assertThat(item.link()).isEqualTo("/imports/" + IMPORT);
		assertThat(item.errorReport()).isEqualTo("/imports/" + IMPORT + "/errors.csv");
	}

	private static Notification notification(ImportStatus outcome, boolean dryRun, int imported, int failed,
			String fileName) {
		return new Notification("66829b2e43c91e3ce480b6c5", Notification.Kind.IMPORT_FINISHED, IMPORT, outcome, dryRun,
				imported, failed, fileName, false, Instant.now());
	}

}
