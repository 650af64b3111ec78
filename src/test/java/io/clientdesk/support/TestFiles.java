package io.clientdesk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.ParsedFile;
import io.clientdesk.importing.job.ImportProperties;

/**
 * The CSV files of src/test/resources/csv, and generated ones of many rows.
 */
public final class TestFiles {

	private TestFiles() {
	}

	public static byte[] bytes(String name) {
		return resource("/csv/" + name);
	}

	/** A file of the test resources, by its path from their root. */
	public static byte[] resource(String path) {
		try (InputStream in = TestFiles.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("No test file " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A file with every {@code {run}} replaced, in the file's own character set (so a
	 * Windows-1252 or UTF-16 file stays one, BOM included).
	 */
	public static byte[] withRun(String name, Charset charset, String run) {
		String text = new String(bytes(name), charset);
		return text.replace("{run}", run).getBytes(charset);
	}

	public static ParsedFile parse(String name) {
		return new ClientCsvParser().parse(name, bytes(name), ImportProperties.defaultLimits());
	}

	public static ParsedFile parseText(String text) {
		return new ClientCsvParser().parse("clients.csv", text.getBytes(StandardCharsets.UTF_8),
				ImportProperties.defaultLimits());
	}

	/**
	 * A valid file with a header and the given number of records.
	 */
	public static byte[] withRecords(int records) {
		StringBuilder text = new StringBuilder("firstName,lastName,email\r\n");
		for (int i = 1; i <= records; i++) {
			text.append("Client,Number ").append(i).append(",client").append(i).append("@example.com\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A file creating {@code rows} clients with emails {@code <prefix>-<n>@example.com}.
	 */
	public static byte[] newClients(String prefix, int rows, String lastName) {
		StringBuilder csv = new StringBuilder("firstName,lastName,email,type\n");
		for (int i = 0; i < rows; i++) {
			csv.append("Client ")
				.append(i)
				.append(',')
				.append(lastName)
				.append(',')
				.append(prefix)
				.append('-')
				.append(i)
				.append("@example.com,")
				.append((i % 3 == 0) ? "Corporate" : "Personal")
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The bytes given as numbers from 0 to 255: signatures and broken encodings. */
	public static byte[] ofBytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	/** The parts, one after the other. */
	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

}
