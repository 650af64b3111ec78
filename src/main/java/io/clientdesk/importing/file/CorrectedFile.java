package io.clientdesk.importing.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;

import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.Problem;

/**
 * A stored file with some of its rows corrected or dropped: the header and every other
 * record as they were, in their order, in UTF-8 with the file's delimiter and line
 * breaks. Each record keeps its line: a dropped record, or one that takes fewer lines,
 * leaves empty lines, which a reader skips. The result is a new file to check like any
 * upload; nothing here checks cells.
 */
public final class CorrectedFile {

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final char delimiter;

	private final String lineBreak;

	private final StringBuilder out = new StringBuilder();

	/** The line the next record written starts on. */
	private int line = 1;

	private CorrectedFile(char delimiter, String lineBreak) {
		this.delimiter = delimiter;
		this.lineBreak = lineBreak;
	}

	/** The stored file's text, in the charset an upload's checks found for it. */
	private static String text(byte[] original) {
		FileSource source = FileSource.of(original);
		try (java.io.Reader reader = FileContent.reader(source, FileContent.charset(source))) {
			java.io.StringWriter text = new java.io.StringWriter();
			reader.transferTo(text);
			return text.toString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The corrected file.
	 * @param original a stored file, which passed the checks of an upload
	 * @param corrections at most one per line
	 * @throws InvalidRequestException naming each correction that names no record of the
	 * file or no column of its header
	 */
	public static byte[] write(byte[] original, List<RowCorrection> corrections) {
		return write(original, corrections, null);
	}

	/**
	 * The corrected file of a file read through an import profile ({@code mapping}; null
	 * for none): its headers are the profile's, and a correction names a column by its
	 * canonical header or by the file's own.
	 */
	public static byte[] write(byte[] original, List<RowCorrection> corrections, ColumnMapping mapping) {
		String text = text(original);
		char delimiter = QuoteScan.delimiter(text);
		CorrectedFile file = new CorrectedFile(delimiter, text.contains("\r\n") ? "\r\n" : "\n");
		Map<Integer, RowCorrection> byLine = new LinkedHashMap<>();
		corrections.forEach((correction) -> byLine.put(correction.line(), correction));
		List<Problem> problems = new ArrayList<>();
		Map<ClientColumn, Integer> header = null;
		int headerLine = 0;
		int width = 0;
		try (CloseableIterator<CsvRecord> records = reader(text, delimiter).iterator()) {
			while (records.hasNext()) {
				CsvRecord record = records.next();
				if (isBlank(record)) {
					continue;
				}
				int line = (int) record.getStartingLineNumber();
				List<String> fields = record.getFields();
				if (header == null) {
					header = columns(fields, mapping);
					headerLine = line;
					width = fields.size();
					file.append(line, fields);
					continue;
				}
				RowCorrection correction = byLine.remove(line);
				if (correction == null) {
					file.append(line, fields);
				}
				else if (!correction.dropped()) {
					file.append(line, corrected(fields, header, width, correction, mapping, problems));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (int line : byLine.keySet()) {
			problems.add(new Problem(line, null, "line " + line + " starts no row of the file (its header is line "
					+ headerLine + "); name a row by the line its errors give"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(
					"The corrections do not fit the file: " + problems.get(0).message()
							+ ((problems.size() > 1) ? " (and " + (problems.size() - 1) + " more problems)" : ""),
					problems);
		}
		byte[] content = file.out.toString().getBytes(StandardCharsets.UTF_8);
		boolean bom = FileContent.charset(FileSource.of(original)) != StandardCharsets.UTF_8 || startsWithBom(original);
		return bom ? concat(UTF8_BOM, content) : content;
	}

	/** The record's fields, as many as the header's, with the corrected values. */
	private static List<String> corrected(List<String> fields, Map<ClientColumn, Integer> header, int width,
			RowCorrection correction, ColumnMapping mapping, List<Problem> problems) {
		List<String> corrected = new ArrayList<>(fields.subList(0, Math.min(fields.size(), width)));
		while (corrected.size() < width) {
			corrected.add("");
		}
		Map<String, String> values = (correction.values() != null) ? correction.values() : Map.of();
		for (Map.Entry<String, String> value : values.entrySet()) {
			Optional<ClientColumn> column = ClientColumn.fromHeader(String.valueOf(value.getKey()))
				.or(() -> Optional
					.ofNullable((mapping != null) ? mapping.column(String.valueOf(value.getKey())) : null));
			Integer index = column.map(header::get).orElse(null);
			if (index == null) {
				problems.add(new Problem(correction.line(), value.getKey(),
						"the file has no column " + Cells.quote(String.valueOf(value.getKey())) + "; its columns are "
								+ String.join(", ", header.keySet().stream().map(ClientColumn::header).toList())));
				continue;
			}
			corrected.set(index, (value.getValue() != null) ? value.getValue() : "");
		}
		return corrected;
	}

	/** The column of each field of the header (a stored file has only known ones). */
	private static Map<ClientColumn, Integer> columns(List<String> fields, ColumnMapping mapping) {
		Map<ClientColumn, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			int index = i;
			String field = Cells.trim(fields.get(i));
			Optional<ClientColumn> column = (mapping != null) ? Optional.ofNullable(mapping.column(field))
					: ClientColumn.fromHeader(field);
			column.ifPresent((known) -> columns.putIfAbsent(known, index));
		}
		return columns;
	}

	/** Writes a record where it started, after empty lines if it starts further down. */
	private void append(int startLine, List<String> fields) {
		while (this.line < startLine) {
			this.out.append(this.lineBreak);
			this.line++;
		}
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				this.out.append(this.delimiter);
			}
			String field = fields.get(i);
			this.line += lineBreaks(field);
			this.out.append(needsQuotes(field) ? '"' + field.replace("\"", "\"\"") + '"' : field);
		}
		this.out.append(this.lineBreak);
		this.line++;
	}

	private boolean needsQuotes(String field) {
		return field.indexOf(this.delimiter) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
				|| field.indexOf('\r') >= 0;
	}

	private static int lineBreaks(String field) {
		int breaks = 0;
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == field.length() || field.charAt(i + 1) != '\n'))) {
				breaks++;
			}
		}
		return breaks;
	}

	/** Read as {@link FileReading} reads, so that lines are the same. */
	private static CsvReader<CsvRecord> reader(String text, char delimiter) {
		return FileReading.csv(delimiter).build(CsvRecordHandler.of(), text);
	}

	private static boolean isBlank(CsvRecord record) {
		return record.getFields().stream().allMatch((field) -> Cells.trim(field).isEmpty());
	}

	private static boolean startsWithBom(byte[] content) {
		return content.length >= 3 && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1]
				&& content[2] == UTF8_BOM[2];
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
