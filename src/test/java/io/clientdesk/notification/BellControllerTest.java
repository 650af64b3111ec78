package io.clientdesk.notification;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BellControllerTest {

	@Test
	void a_failed_import_links_its_error_report_under_the_session_not_the_api() {
		BellController.Item item = BellController.item(notification(Notification.IMPORT_FAILED,
				"Import failed — 2 rows have errors in partner.csv; nothing was imported. Error report: "
						+ "/api/imports/66829b2e43c91e3ce480b6c4/errors.csv"));
		assertThat(item.title()).isEqualTo("Import failed");
		assertThat(item.detail()).isEqualTo("2 rows have errors in partner.csv; nothing was imported.");
		assertThat(item.errorReport()).isEqualTo("/imports/66829b2e43c91e3ce480b6c4/errors.csv");
		assertThat(item.commit()).isNull();
		assertThat(item.failed()).isTrue();
	}

	@Test
	void a_successful_import_reads_as_the_spec_says() {
		BellController.Item item = BellController.item(notification(Notification.IMPORT_SUCCEEDED,
				"Client(s) imported successfully — 3 clients were imported"));
		assertThat(item.title() + " — " + item.detail())
			.isEqualTo("Client(s) imported successfully — 3 clients were imported");
		assertThat(item.errorReport()).isNull();
		assertThat(item.commit()).isNull();
	}

	@Test
	void a_clean_check_offers_to_import_it_now() {
		BellController.Item item = BellController.item(notification(Notification.IMPORT_SUCCEEDED,
				"File checked — 2 clients would be imported from a.csv. Import it now from the import's page"));
		assertThat(item.title()).isEqualTo("File checked");
		assertThat(item.detail()).isEqualTo("2 clients would be imported from a.csv.");
		assertThat(item.commit()).isEqualTo("/imports/66829b2e43c91e3ce480b6c4/commit");
	}

	private static Notification notification(String kind, String message) {
		return new Notification("66829b2e43c91e3ce480b6c5", kind, message, "/imports/66829b2e43c91e3ce480b6c4", false,
				Instant.now());
	}

}
