package io.clientdesk.importing.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;

import io.clientdesk.importing.file.FileRejectedException.Kind;
import io.clientdesk.shared.Problem;

/**
 * The header of a file and its first records, trimmed, as they are: what a mapping of its
 * columns is proposed from. Blank records are left out.
 *
 * @param headers the header's names, in file order
 * @param rows up to {@value #SAMPLE_ROWS} records, each cut or padded to the header's
 * length
 */
public record FilePreview(List<String> headers, List<List<String>> rows) {

	/** Records read for a proposal: enough to tell e-mails from dates. */
	public static final int SAMPLE_ROWS = 200;

	public FilePreview {
		headers = List.copyOf(headers);
		rows = List.copyOf(rows);
	}

	/** The non-empty values of a column, in file order. */
	public List<String> values(int column) {
		return this.rows.stream().map((row) -> row.get(column)).filter((cell) -> !cell.isEmpty()).toList();
	}

	static FilePreview read(FileContent.Text text) {
		char delimiter = QuoteScan.delimiter(text.text());
		CsvReader<CsvRecord> reader = FileReading.csv(delimiter).build(CsvRecordHandler.of(), text.text());
		List<String> headers = null;
		List<List<String>> rows = new ArrayList<>();
		try (CloseableIterator<CsvRecord> records = reader.iterator()) {
			while (records.hasNext() && rows.size() < SAMPLE_ROWS) {
				List<String> cells = records.next().getFields().stream().map(Cells::trim).toList();
				if (cells.stream().allMatch(String::isEmpty)) {
					continue;
				}
				if (headers == null) {
					headers = cells;
				}
				else {
					rows.add(padded(cells, headers.size()));
				}
			}
		}
		catch (CsvParseException ex) {
			throw new FileRejectedException(Kind.INVALID, List.of(Problem.of("the file is not valid CSV near "
					+ "its start; a quote inside a quoted field must be doubled (\"\")")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (headers == null) {
			throw new FileRejectedException(Kind.INVALID,
					List.of(Problem.of("the file is empty; it needs a header and at least one record")));
		}
		return new FilePreview(headers, rows);
	}

	private static List<String> padded(List<String> cells, int size) {
		List<String> row = new ArrayList<>(cells.subList(0, Math.min(size, cells.size())));
		while (row.size() < size) {
			row.add("");
		}
		return row;
	}

}
