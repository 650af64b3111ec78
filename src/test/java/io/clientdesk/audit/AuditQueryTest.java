package io.clientdesk.audit;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuditQueryTest {

	@Test
	void reads_every_filter_and_takes_a_time_without_offset_as_utc() {
		AuditQuery query = AuditQuery.of(Map.of("user", " maria ", "action", "LOGIN_FAILED", "from",
				"2026-05-12T10:04:05.123Z", "to", "2026-05-13T00:00", "page", "2", "size", "20"));

		assertThat(query).isEqualTo(new AuditQuery("maria", AuditAction.LOGIN_FAILED,
				Instant.parse("2026-05-12T10:04:05.123Z"), Instant.parse("2026-05-13T00:00:00Z"), 2, 20));
		assertThat(query.offset()).isEqualTo(40);
	}

	@Test
	void empty_parameters_are_no_filters() {
		assertThat(AuditQuery.of(Map.of("user", "", "action", "", "from", " ")))
			.isEqualTo(new AuditQuery(null, null, null, null, 0, AuditQuery.DEFAULT_SIZE));
	}

	@Test
	void names_each_parameter_that_is_not_valid() {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () -> AuditQuery.of(Map
			.of("user", "a\0b", "action", "login", "from", "yesterday", "to", "soon", "page", "first", "size", "ten")));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.problems()).extracting(Problem::column)
			.containsExactly("user", "action", "from", "to", "page", "size");
	}

}
