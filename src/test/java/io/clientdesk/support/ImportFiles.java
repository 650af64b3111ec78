package io.clientdesk.support;

import java.nio.charset.StandardCharsets;

/**
 * Generated import files of many rows.
 */
public final class ImportFiles {

	private ImportFiles() {
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

}
