package io.clientdesk.importing.file;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.clientdesk.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A file read as a stream, in buffers of 64 KiB, is judged as a whole file is: characters
 * split between two buffers, a byte that is not text far into the file, the quotes after
 * a record that could not be read.
 */
class StreamedReadingTest {

	private static final ImportLimits LIMITS = new ImportLimits(1_000_000, 256L << 20);

	private final ClientCsvParser parser = new ClientCsvParser();

	@Test
	void gives_every_record_in_order_with_its_line_and_characters_split_between_buffers_intact() {
		StringBuilder text = new StringBuilder("firstName,lastName,email\n");
		for (int i = 0; i < 20_000; i++) {
			text.append("Zoë,Müller ").append(i).append(",z").append(i).append("@example.com\n");
		}
		List<CsvRow> rows = new ArrayList<>();
		FileOutline file = this.parser.read("big.csv", FileSource.of(text.toString().getBytes(StandardCharsets.UTF_8)),
				LIMITS, rows::add);
		assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(file.records()).isEqualTo(20_000);
		assertThat(rows).hasSize(20_000);
		assertThat(rows.get(19_999).line()).isEqualTo(20_001);
		assertThat(rows).allSatisfy((row) -> assertThat(row.cell(ClientColumn.FIRST_NAME)).isEqualTo("Zoë"));
		assertThat(rows.get(12_345).cell(ClientColumn.LAST_NAME)).isEqualTo("Müller 12345");
	}

	@Test
	void a_byte_that_is_no_text_far_into_the_file_rejects_it_naming_its_line() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("firstName,lastName,email\n".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 10_000; i++) {
			bytes.writeBytes(("Ann,Smith,a" + i + "@example.com\n").getBytes(StandardCharsets.UTF_8));
		}
		bytes.writeBytes(new byte[] { 'B', 'o', (byte) 0x81, ',', 'X', ',', 'b', '@', 'x', '.', 'c', '\n' });
		FileRejectedException rejected = catchThrowableOfType(FileRejectedException.class,
				() -> this.parser.read("late.csv", FileSource.of(bytes.toByteArray()), LIMITS, (row) -> {
				}));
		assertThat(rejected.problems()).singleElement()
			.extracting(Problem::message)
			.asString()
			.startsWith("line 10002 is not windows-1252 text: it has the byte 0x81");
	}

	@Test
	void the_quotes_after_a_record_that_cannot_be_read_are_still_reported() {
		String text = "firstName,lastName,email\n\"Ann\"x,Smith,a@example.com\nBob,Jones,b@example.com\n"
				+ "Cid,\"Open,c@example.com\n";
		FileRejectedException rejected = catchThrowableOfType(FileRejectedException.class, () -> this.parser
			.read("quotes.csv", FileSource.of(text.getBytes(StandardCharsets.UTF_8)), LIMITS, (row) -> {
			}));
		assertThat(rejected.problems()).extracting(Problem::line).containsExactly(2, 4);
		assertThat(rejected.problems().get(1).message()).contains("its quote is never closed");
	}

}
