package io.clientdesk.importing.job;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ImportPropertiesTest {

	@Test
	void allows_up_to_a_million_records_and_256_megabytes_per_file() {
		ImportProperties most = properties(1_000_000, DataSize.ofMegabytes(256));
		assertThat(most.limits().maxRecords()).isEqualTo(1_000_000);
		assertThat(most.limits().maxBytes()).isEqualTo(268_435_456L);
	}

	@Test
	void refuses_more_than_a_million_records_naming_the_setting_and_its_range() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(1_000_001, DataSize.ofMegabytes(10)))
			.withMessage("clientdesk.import.max-records must be between 1 and 1000000 (a file's records), got 1000001");
	}

	@Test
	void refuses_a_byte_limit_above_256_megabytes_naming_the_setting() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(5000, DataSize.ofMegabytes(257)))
			.withMessageStartingWith("clientdesk.import.max-file-size must be between 1B and 256MB");
	}

	private static ImportProperties properties(int maxRecords, DataSize maxFileSize) {
		return new ImportProperties(maxRecords, maxFileSize, 0, Duration.ofSeconds(2), Duration.ofSeconds(5), 5, 5,
				DataSize.ofMegabytes(500), Duration.ofDays(90), Duration.ofSeconds(20), 0);
	}

}
