package io.clientdesk.importing.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of an uploaded file, read from the start as often as needed: a file is read
 * more than once (whether it is text and in which character set, then its records), and
 * never held in memory whole, so that its size does not decide the memory an import
 * takes.
 */
public interface FileSource {

	/** The file's bytes from the first; the caller closes the stream. */
	InputStream open() throws IOException;

	/** How many bytes the file has. */
	long size();

	static FileSource of(byte[] content) {
		return new FileSource() {

			@Override
			public InputStream open() {
				return new ByteArrayInputStream(content);
			}

			@Override
			public long size() {
				return content.length;
			}

		};
	}

	static FileSource of(Path file) throws IOException {
		long size = Files.size(file);
		return new FileSource() {

			@Override
			public InputStream open() throws IOException {
				return Files.newInputStream(file);
			}

			@Override
			public long size() {
				return size;
			}

		};
	}

}
