package io.clientdesk.importing.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.FileSource;
import io.clientdesk.importing.file.ImportLimits;

/**
 * An upload copied once, and no further than the byte limit, to a temporary file of its
 * own, with its SHA-256: it is then read from there as often as its checks and its
 * storing need, never held in memory whole. Closing deletes the copy.
 */
final class UploadedFile implements AutoCloseable {

	private static final int BUFFER = 64 * 1024;

	private final Path copy;

	private final FileSource source;

	private final String sha256;

	private UploadedFile(Path copy, String sha256) throws IOException {
		this.copy = copy;
		this.source = FileSource.of(copy);
		this.sha256 = sha256;
	}

	/**
	 * Copies the upload.
	 * @throws io.clientdesk.importing.file.FileRejectedException if it is larger than the
	 * limit
	 */
	static UploadedFile copy(InputStream content, ImportLimits limits) {
		Path copy = null;
		try (content) {
			copy = Files.createTempFile("clientdesk-upload-", ".csv");
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long size = 0;
			try (InputStream bytes = new DigestInputStream(content, digest);
					OutputStream out = Files.newOutputStream(copy)) {
				byte[] buffer = new byte[BUFFER];
				for (int read = bytes.read(buffer); read >= 0; read = bytes.read(buffer)) {
					size += read;
					if (size > limits.maxBytes()) {
						throw ClientCsvParser.largerThan(limits);
					}
					out.write(buffer, 0, read);
				}
			}
			return new UploadedFile(copy, HexFormat.of().formatHex(digest.digest()));
		}
		catch (IOException ex) {
			delete(copy);
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			delete(copy);
			throw new IllegalStateException(ex);
		}
		catch (RuntimeException ex) {
			delete(copy);
			throw ex;
		}
	}

	FileSource source() {
		return this.source;
	}

	String sha256() {
		return this.sha256;
	}

	long size() {
		return this.source.size();
	}

	@Override
	public void close() {
		delete(this.copy);
	}

	private static void delete(Path copy) {
		if (copy != null) {
			try {
				Files.deleteIfExists(copy);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
