package io.clientdesk.importing.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.clientdesk.importing.file.FileRejectedException.Kind;
import io.clientdesk.shared.Problem;

/**
 * Reads an uploaded client file and checks it as a whole: that it is CSV text, within the
 * limits, with a usable header and no dangerous cells. A file that fails is rejected with
 * every problem found; one that passes is returned with its records, which may still have
 * row errors. A file is read as a stream, a few times from its start, and never held
 * whole: its records go one by one to a consumer ({@link #read}).
 */
public class ClientCsvParser {

	/**
	 * Reads and checks a file held in memory, keeping its records.
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
		List<CsvRow> rows = new ArrayList<>();
		FileOutline file = read(fileName, FileSource.of(content), limits, mapping, rows::add);
		return new ParsedFile(file.charset(), file.delimiter(), file.columns(), rows);
	}

	/**
	 * The header and first records of a file, as they are, for proposing how to read
	 * them; only the checks of the file as a whole that come before its header apply.
	 * @throws FileRejectedException if the file is not CSV, too large or not readable
	 */
	public FilePreview preview(String fileName, byte[] content, ImportLimits limits) {
		FileSource source = FileSource.of(content);
		wholeFileChecks(fileName, source, limits);
		return FilePreview.read(FileContent.decode(source));
	}

	/**
	 * Reads and checks a file, giving each record to {@code rows} as it is read: the file
	 * is checked for what rejects it as a whole first (its name, whether it is text, its
	 * size), then read, its cells checked on the way.
	 * @param rows takes each record within the limit, in file order; if the file is then
	 * rejected (say for a formula on its last line), what it took must be dropped
	 * @throws FileRejectedException if the file is rejected as a whole
	 */
	public FileOutline read(String fileName, FileSource content, ImportLimits limits, Consumer<CsvRow> rows) {
		return read(fileName, content, limits, null, rows);
	}

	/**
	 * Reads and checks a file as
	 * {@link #read(String, FileSource, ImportLimits, Consumer)} does, its header mapped
	 * by an import profile's mapping ({@code null}: none).
	 */
	public FileOutline read(String fileName, FileSource content, ImportLimits limits, ColumnMapping mapping,
			Consumer<CsvRow> rows) {
		Charset charset = wholeFileChecks(fileName, content, limits);
		return new FileReading(content, charset, limits, mapping, rows).read();
	}

	private static Charset wholeFileChecks(String fileName, FileSource content, ImportLimits limits) {
		List<Problem> badName = FileContent.nameProblems(fileName);
		if (!badName.isEmpty()) {
			throw new FileRejectedException(Kind.BAD_NAME, badName);
		}
		List<Problem> notCsv = FileContent.notCsvProblems(fileName, content);
		if (!notCsv.isEmpty()) {
			throw new FileRejectedException(Kind.NOT_CSV, notCsv);
		}
		if (content.size() > limits.maxBytes()) {
			throw new FileRejectedException(Kind.TOO_LARGE, List.of(tooManyBytes(content.size(), limits)));
		}
		return FileContent.charset(content);
	}

	public static Problem tooManyBytes(long size, ImportLimits limits) {
		return Problem.of("the file is " + Sizes.bytes(size) + ", more than the limit of "
				+ Sizes.bytes(limits.maxBytes()) + " per file; split it into smaller files");
	}

	/**
	 * The rejection of a file found larger than the byte limit while being received.
	 */
	public static FileRejectedException largerThan(ImportLimits limits) {
		return new FileRejectedException(Kind.TOO_LARGE, List.of(Problem.of("the file is larger than the limit of "
				+ Sizes.bytes(limits.maxBytes()) + " per file; split it into smaller files")));
	}

	/**
	 * Reads an upload once, and no further than the byte limit.
	 * @throws FileRejectedException if it is larger
	 */
	public static byte[] readAtMost(InputStream content, ImportLimits limits) {
		try (content) {
			byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
			if (bytes.length > limits.maxBytes()) {
				throw largerThan(limits);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}

}
