package io.clientdesk.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ObjectIdsTest {

	@Test
	void an_id_is_24_lowercase_hex_digits() {
		String id = ObjectIds.next();
		assertThat(id).matches("[0-9a-f]{24}");
		assertThat(ObjectIds.isValid(id)).isTrue();
	}

	@Test
	void ids_are_unique_across_100_000_calls() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			ids.add(ObjectIds.next());
		}
		assertThat(ids).hasSize(100_000);
	}

	@Test
	void an_id_begins_with_its_creation_time_so_later_ids_sort_after_earlier_ones() {
		String earlier = ObjectIds.at(Instant.parse("2024-06-13T15:06:02Z"));
		String later = ObjectIds.at(Instant.parse("2024-06-13T15:06:03Z"));
		String muchLater = ObjectIds.at(Instant.parse("2031-01-01T00:00:00Z"));
		assertThat(earlier.substring(0, 8)).isLessThan(later.substring(0, 8));
		assertThat(later.substring(0, 8)).isLessThan(muchLater.substring(0, 8));
		assertThat(earlier).isLessThan(later).isLessThan(muchLater);
	}

	@Test
	void the_time_prefix_of_new_ids_never_goes_back() {
		String previous = ObjectIds.next();
		for (int i = 0; i < 10_000; i++) {
			String next = ObjectIds.next();
			assertThat(next.substring(0, 8)).isGreaterThanOrEqualTo(previous.substring(0, 8));
			previous = next;
		}
	}

	@Test
	void the_time_of_an_id_is_the_time_it_was_made_to_the_second() {
		Instant time = Instant.parse("2024-06-13T15:06:02.789Z");
		assertThat(ObjectIds.timeOf(ObjectIds.at(time))).isEqualTo(Instant.parse("2024-06-13T15:06:02Z"));

		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String id = ObjectIds.next();
		Instant after = Instant.now();
		assertThat(ObjectIds.timeOf(id)).isBetween(before, after);
	}

	@Test
	void the_time_of_an_id_is_read_from_the_first_four_bytes() {
		assertThat(ObjectIds.timeOf("666b0a6a0000000000000000")).isEqualTo(Instant.parse("2024-06-13T15:04:10Z"));
	}

	@Test
	void is_valid_rejects_upper_case_wrong_length_non_hex_and_null() {
		String id = ObjectIds.next();
		assertThat(ObjectIds.isValid(id.toUpperCase())).isFalse();
		assertThat(ObjectIds.isValid("666B0A6A0000000000000000")).isFalse();
		assertThat(ObjectIds.isValid(id.substring(1))).isFalse();
		assertThat(ObjectIds.isValid(id + "0")).isFalse();
		assertThat(ObjectIds.isValid("")).isFalse();
		assertThat(ObjectIds.isValid("666b0a6a000000000000000g")).isFalse();
		assertThat(ObjectIds.isValid(" " + id.substring(1))).isFalse();
		assertThat(ObjectIds.isValid(null)).isFalse();
	}

	@Test
	void the_time_of_something_that_is_not_an_id_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectIds.timeOf("666B0A6A0000000000000000"));
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectIds.timeOf("abc"));
	}

}
