package io.clientdesk.importing.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;

import io.clientdesk.importing.file.FileRejectedException.Kind;
import io.clientdesk.importing.file.QuoteScan.Position;
import io.clientdesk.shared.Problem;

/**
 * Reads an uploaded client file and checks it as a whole: that it is CSV text, within the
 * limits, with a usable header and no dangerous cells. A file that fails is rejected with
 * every problem found; one that passes is returned with its records, which may still have
 * row errors.
 */
public class ClientCsvParser {

	/**
	 * The most problems listed for one file: enough for any real file, and a bound on
	 * memory for a hostile one.
	 */
	static final int MAX_PROBLEMS = 1000;

	private static final Comparator<Problem> BY_LINE = Comparator.comparing(Problem::line,
			Comparator.nullsFirst(Comparator.naturalOrder()));

	private static final Pattern STARTING_LINE = Pattern.compile("started in line (\\d+)");

	/**
	 * Reads and checks a file.
	 * @param fileName the name the file was uploaded with
	 * @param content the file's bytes
	 * @param limits the most records and bytes allowed
	 * @return the file's records
	 * @throws FileRejectedException if the file is rejected as a whole
	 */
	public ParsedFile parse(String fileName, byte[] content, ImportLimits limits) {
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
		return new Reading(text, limits).read();
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

	/**
	 * The state of reading one file.
	 */
	private static final class Reading {

		private final FileContent.Text text;

		private final ImportLimits limits;

		private final char delimiter;

		private final List<Problem> problems = new ArrayList<>();

		private int problemsLeftOut;

		private final List<CsvRow> rows = new ArrayList<>();

		private int records;

		private Header header;

		Reading(FileContent.Text text, ImportLimits limits) {
			this.text = text;
			this.limits = limits;
			this.delimiter = QuoteScan.delimiter(text.text());
		}

		ParsedFile read() {
			QuoteScan.Result quotes = QuoteScan.scan(this.text.text(), this.delimiter);
			Position unclosed = quotes.unclosedQuote();
			boolean readToEnd = readRecords(unclosed != null);
			// a cell found to start with a carriage return is not reported twice
			Set<List<Object>> cellsWithProblems = new HashSet<>();
			this.problems.forEach((problem) -> cellsWithProblems.add(Arrays.asList(problem.line(), problem.column())));
			for (Position carriageReturn : quotes.loneCarriageReturns()) {
				Problem problem = new Problem(carriageReturn.line(), label(carriageReturn.field()),
						"the quoted cell starting on this line holds a carriage return without a line feed, which "
								+ "can hide a formula and is no line break a spreadsheet writes; remove it");
				if (!cellsWithProblems.contains(Arrays.asList(problem.line(), problem.column()))) {
					add(problem);
				}
			}
			boolean misread = unclosed != null || !quotes.loneCarriageReturns().isEmpty() || !readToEnd;
			if (unclosed != null) {
				add(new Problem(unclosed.line(), label(unclosed.field()),
						"a quoted field starts on this line and its quote is never closed, so the rest of the file "
								+ "would be one cell; close the quote, and double any quote inside the field (\"\")"));
			}
			if (this.header == null && !misread) {
				add(Problem.of("the file is empty; it needs a header and at least one record"));
			}
			else if (this.header != null && this.records == 0 && !misread) {
				add(new Problem(this.header.line(), null, "the file has a header but no records"));
			}
			if (this.records > this.limits.maxRecords()) {
				List<Problem> all = new ArrayList<>();
				all.add(Problem.of("the file has " + this.records + " records, more than the limit of "
						+ this.limits.maxRecords() + " per file; split it into several files"));
				all.addAll(problems());
				throw new FileRejectedException(Kind.TOO_LARGE, all);
			}
			if (!this.problems.isEmpty()) {
				throw new FileRejectedException(Kind.INVALID, problems());
			}
			return new ParsedFile(this.text.charset(), this.delimiter, this.header.columns(), this.rows);
		}

		/**
		 * Reads the header and the records; false when a record could not be read.
		 */
		private boolean readRecords(boolean lastRecordUnclosed) {
			CsvReader<CsvRecord> reader = CsvReader.builder()
				.fieldSeparator(this.delimiter)
				.quoteCharacter('"')
				.commentStrategy(CommentStrategy.NONE)
				.skipEmptyLines(true)
				.allowExtraFields(true)
				.allowMissingFields(true)
				.allowExtraCharsAfterClosingQuote(false)
				.build(CsvRecordHandler.of(), this.text.text());
			try (CloseableIterator<CsvRecord> iterator = reader.iterator()) {
				while (iterator.hasNext()) {
					CsvRecord record = iterator.next();
					if (lastRecordUnclosed && !iterator.hasNext()) {
						// the rest of the file, swallowed by the quote: nothing in it is
						// a cell
						return true;
					}
					if (isBlank(record)) {
						continue;
					}
					if (this.header == null) {
						this.header = readHeader(record);
					}
					else {
						readRecord(record);
					}
				}
				return true;
			}
			catch (CsvParseException ex) {
				add(cannotRead(ex));
				return false;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private Header readHeader(CsvRecord record) {
			int line = (int) record.getStartingLineNumber();
			int count = record.getFieldCount();
			ClientColumn[] columns = new ClientColumn[count];
			String[] labels = new String[count];
			Map<ClientColumn, String> seen = new EnumMap<>(ClientColumn.class);
			for (int i = 0; i < count; i++) {
				String raw = record.getField(i);
				String name = Cells.trim(raw);
				labels[i] = name.isEmpty() ? "column " + (i + 1) : name;
				checkCell(line, labels[i], raw);
				if (name.isEmpty()) {
					add(new Problem(line, labels[i], "column " + (i + 1) + " has no name in the header; name it ("
							+ ClientColumn.canonicalHeaderList() + ") or remove the column"));
					continue;
				}
				ClientColumn column = ClientColumn.fromHeader(name).orElse(null);
				if (column == null) {
					add(new Problem(line, name, "unknown column '" + name + "'; the accepted columns are "
							+ ClientColumn.canonicalHeaderList() + " (case, spaces, _ and - are ignored)"));
				}
				else if (seen.containsKey(column)) {
					add(new Problem(line, column.header(), "the columns '" + seen.get(column) + "' and '" + name
							+ "' are both the " + column.header() + " column; keep one of them"));
				}
				else {
					seen.put(column, name);
					columns[i] = column;
					labels[i] = column.header();
				}
			}
			if (!seen.containsKey(ClientColumn.ID) && !seen.containsKey(ClientColumn.EMAIL)) {
				add(new Problem(line, null, "the header has neither an id nor an email column, so no row could "
						+ "be matched to a client; add one of them"));
			}
			return new Header(line, columns, labels);
		}

		private void readRecord(CsvRecord record) {
			int line = (int) record.getStartingLineNumber();
			this.records++;
			int count = record.getFieldCount();
			for (int i = 0; i < count; i++) {
				checkCell(line, this.header.label(i), record.getField(i));
			}
			if (this.records > this.limits.maxRecords()) {
				return;
			}
			Map<ClientColumn, String> cells = new EnumMap<>(ClientColumn.class);
			for (int i = 0; i < Math.min(count, this.header.size()); i++) {
				ClientColumn column = this.header.column(i);
				if (column != null) {
					cells.put(column, Cells.trim(record.getField(i)));
				}
			}
			RowError fieldCount = null;
			if (count != this.header.size()) {
				fieldCount = RowError.of(line, null, String.valueOf(count), ErrorCode.FIELD_COUNT,
						"the row has " + count + ((count == 1) ? " field" : " fields") + " but the header has "
								+ this.header.size() + "; check for a missing or extra delimiter ('"
								+ shown(this.delimiter) + "') or quote");
			}
			this.rows.add(new CsvRow(line, cells, fieldCount));
		}

		private String label(int field) {
			return (this.header != null) ? this.header.label(field) : null;
		}

		private void checkCell(int line, String column, String raw) {
			String problem = CellCheck.problem(raw);
			if (problem != null) {
				add(new Problem(line, column, problem));
			}
		}

		private Problem cannotRead(CsvParseException ex) {
			Integer line = null;
			Matcher matcher = STARTING_LINE.matcher(String.valueOf(ex.getMessage()));
			if (matcher.find()) {
				line = Integer.valueOf(matcher.group(1));
			}
			String reason = (ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage();
			return new Problem(line, null,
					"the record starting on this line is not valid CSV (" + reason
							+ "); a quote inside a quoted field must be doubled (\"\"), and a quoted field must end "
							+ "at a delimiter or line break. The rest of the file was not checked");
		}

		private void add(Problem problem) {
			if (this.problems.size() < MAX_PROBLEMS) {
				this.problems.add(problem);
			}
			else {
				this.problemsLeftOut++;
			}
		}

		private List<Problem> problems() {
			List<Problem> all = new ArrayList<>(this.problems);
			all.sort(BY_LINE);
			if (this.problemsLeftOut == 0) {
				return all;
			}
			all.add(Problem.of("… and " + this.problemsLeftOut + " more problems, not listed"));
			return all;
		}

		private static boolean isBlank(CsvRecord record) {
			for (String field : record.getFields()) {
				if (!Cells.trim(field).isEmpty()) {
					return false;
				}
			}
			return true;
		}

		private static String shown(char delimiter) {
			return (delimiter == '\t') ? "tab" : String.valueOf(delimiter);
		}

	}

	/**
	 * The header: its line, the column of each field ({@code null} for unknown ones) and
	 * a label for each field in messages.
	 */
	private record Header(int line, ClientColumn[] fields, String[] labels) {

		int size() {
			return this.fields.length;
		}

		ClientColumn column(int index) {
			return this.fields[index];
		}

		String label(int index) {
			return (index < this.labels.length) ? this.labels[index] : "column " + (index + 1);
		}

		List<ClientColumn> columns() {
			List<ClientColumn> columns = new ArrayList<>();
			for (ClientColumn column : this.fields) {
				if (column != null) {
					columns.add(column);
				}
			}
			return columns;
		}

	}

}
