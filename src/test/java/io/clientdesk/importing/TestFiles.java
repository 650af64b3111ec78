package io.clientdesk.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The CSV files of src/test/resources/csv, and generated ones.
 */
final class TestFiles {

	private TestFiles() {
	}

	static byte[] bytes(String name) {
		try (InputStream in = TestFiles.class.getResourceAsStream("/csv/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No test file " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ParsedFile parse(String name) {
		return new ClientCsvParser().parse(name, bytes(name), ImportLimits.defaults());
	}

	static ParsedFile parseText(String text) {
		return new ClientCsvParser().parse("clients.csv", text.getBytes(StandardCharsets.UTF_8),
				ImportLimits.defaults());
	}

	/**
	 * A valid file with a header and the given number of records.
	 */
	static byte[] withRecords(int records) {
		StringBuilder text = new StringBuilder("firstName,lastName,email\r\n");
		for (int i = 1; i <= records; i++) {
			text.append("Client,Number ").append(i).append(",client").append(i).append("@example.com\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
