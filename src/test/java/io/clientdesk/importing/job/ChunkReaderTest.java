package io.clientdesk.importing.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.clientdesk.importing.file.CsvRow;
import io.clientdesk.importing.rows.ValidatedRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkReaderTest {

	private static ValidatedRow checked(CsvRow row) {
		return new ValidatedRow(row.line(), null, List.of());
	}

	private static void rows(int count, java.util.function.Consumer<CsvRow> rows) {
		for (int line = 2; line < count + 2; line++) {
			rows.accept(new CsvRow(line, Map.of()));
		}
	}

	@Test
	void the_rows_come_checked_in_chunks_in_the_files_order_the_last_chunk_partial() {
		List<List<Integer>> chunks = new ArrayList<>();
		try (ChunkReader reader = new ChunkReader("test-reader", 4, (rows) -> rows(10, rows),
				ChunkReaderTest::checked)) {
			for (List<ValidatedRow> chunk = reader.next(); chunk != null; chunk = reader.next()) {
				chunks.add(chunk.stream().map(ValidatedRow::line).toList());
			}
		}
		assertThat(chunks).containsExactly(List.of(2, 3, 4, 5), List.of(6, 7, 8, 9), List.of(10, 11));
	}

	@Test
	void a_failure_while_reading_is_thrown_to_the_import_after_the_chunks_read_before_it() {
		try (ChunkReader reader = new ChunkReader("test-reader", 2, (rows) -> {
			rows(2, rows);
			throw new IllegalStateException("the stored file is gone");
		}, ChunkReaderTest::checked)) {
			assertThat(reader.next()).extracting(ValidatedRow::line).containsExactly(2, 3);
			assertThatThrownBy(reader::next).isInstanceOf(IllegalStateException.class)
				.hasMessage("the stored file is gone");
		}
	}

	@Test
	void an_import_that_stops_early_stops_the_reading_instead_of_reading_the_whole_file() throws Exception {
		AtomicInteger read = new AtomicInteger();
		Thread[] readerThread = new Thread[1];
		try (ChunkReader reader = new ChunkReader("test-reader", 10, (rows) -> {
			readerThread[0] = Thread.currentThread();
			rows(1_000_000, (row) -> {
				read.incrementAndGet();
				rows.accept(row);
			});
		}, ChunkReaderTest::checked)) {
			assertThat(reader.next()).hasSize(10);
		}
		assertThat(readerThread[0].isAlive()).as("the reading thread ended").isFalse();
		assertThat(read.get()).as("rows read of a million").isLessThan(1_000);
	}

}
