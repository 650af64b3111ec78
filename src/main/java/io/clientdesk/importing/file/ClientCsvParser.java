package io.clientdesk.importing.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import io.clientdesk.importing.file.FileRejectedException.Kind;
import io.clientdesk.shared.Problem;

/**
 * Reads an uploaded client file and checks it as a whole: that it is CSV text, within the
 * limits, with a usable header and no dangerous cells. A file that fails is rejected with
 * every problem found; one that passes is returned with its records, which may still have
 * row errors.
 */
public class ClientCsvParser {

	/**
	 * Reads and checks a file.
	 * @param fileName the name the file was uploaded with
	 * @param content the file's bytes
	 * @param limits the most records and bytes allowed
	 * @return the file's records
	 * @throws FileRejectedException if the file is rejected as a whole
	 */
	public ParsedFile parse(String fileName, byte[] content, ImportLimits limits) {
		return parse(fileName, content, limits, null);
	}

	/**
	 * Reads and checks a file whose header an import profile maps: its columns must be
	 * the profile's, and its cells are read as the profile's values say.
	 * @param mapping the profile's mapping, or {@code null} for the importer's own header
	 * @throws FileRejectedException if the file is rejected as a whole, its columns
	 * differing from the profile's included
	 */
	public ParsedFile parse(String fileName, byte[] content, ImportLimits limits, ColumnMapping mapping) {
		FileContent.Text text = text(fileName, content, limits);
		return new FileReading(text, limits, mapping).read();
	}

	/**
	 * The header and first records of a file, as they are, for proposing how to read
	 * them; only the checks of the file as a whole that come before its header apply.
	 * @throws FileRejectedException if the file is not CSV, too large or not readable
	 */
	public FilePreview preview(String fileName, byte[] content, ImportLimits limits) {
		return FilePreview.read(text(fileName, content, limits));
	}

	private static FileContent.Text text(String fileName, byte[] content, ImportLimits limits) {
		List<Problem> badName = FileContent.nameProblems(fileName);
		if (!badName.isEmpty()) {
			throw new FileRejectedException(Kind.BAD_NAME, badName);
		}
		List<Problem> notCsv = FileContent.notCsvProblems(fileName, content);
		if (!notCsv.isEmpty()) {
			throw new FileRejectedException(Kind.NOT_CSV, notCsv);
		}
		if (content.length > limits.maxBytes()) {
			throw new FileRejectedException(Kind.TOO_LARGE, List.of(tooManyBytes(content.length, limits)));
		}
		FileContent.Text text = FileContent.decode(content);
		if (text.text().indexOf('\0') >= 0) {
			throw new FileRejectedException(Kind.NOT_CSV, List.of(FileContent.binary()));
		}
		return text;
	}

	public static Problem tooManyBytes(long size, ImportLimits limits) {
		return Problem.of("the file is " + Sizes.bytes(size) + ", more than the limit of "
				+ Sizes.bytes(limits.maxBytes()) + " per file; split it into smaller files");
	}

	/**
	 * Reads an upload once, and no further than the byte limit.
	 * @throws FileRejectedException if it is larger
	 */
	public static byte[] readAtMost(InputStream content, ImportLimits limits) {
		try (content) {
			byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
			if (bytes.length > limits.maxBytes()) {
				throw new FileRejectedException(Kind.TOO_LARGE,
						List.of(Problem.of("the file is larger than the limit of " + Sizes.bytes(limits.maxBytes())
								+ " per file; split it into smaller files")));
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}

}
