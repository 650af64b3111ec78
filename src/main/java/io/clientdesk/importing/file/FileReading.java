package io.clientdesk.importing.file;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
 * Reading the text of one file: its quotes, header and records, each with its physical
 * start line, collecting every problem that rejects the file. The text is read as a
 * stream, once for its delimiter (the header only) and once for the rest; each record
 * goes to the reader's consumer as it is read, and nothing of it is kept.
 */
final class FileReading {

	private static final Pattern STARTING_LINE = Pattern.compile("(?:started in|starting at) line (\\d+)");

	private static final Pattern TOO_MANY_FIELDS = Pattern.compile("maximum limit of (\\d+) fields");

	private final FileSource source;

	private final Charset charset;

	private final ImportLimits limits;

	private final Consumer<CsvRow> rows;

	private final ColumnMapping mapping;

	private final char delimiter;

	private final FileProblems problems = new FileProblems();

	private int records;

	private Header header;

	/**
	 * @param mapping the import profile's mapping, or {@code null} for the importer's own
	 * header
	 * @param rows takes each record within the limit, in file order
	 */
	FileReading(FileSource source, Charset charset, ImportLimits limits, ColumnMapping mapping, Consumer<CsvRow> rows) {
		this.source = source;
		this.charset = charset;
		this.limits = limits;
		this.rows = rows;
		this.mapping = mapping;
		try (Reader header = FileContent.reader(source, charset)) {
			this.delimiter = QuoteScan.delimiter(header);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads the file, giving its records to the consumer.
	 * @throws FileRejectedException naming every problem, if it has any (its records may
	 * have been given already)
	 */
	FileOutline read() {
		QuoteScan.Scanner scanner = new QuoteScan.Scanner(this.delimiter);
		boolean readToEnd;
		boolean nul;
		try (Reader decoded = FileContent.reader(this.source, this.charset)) {
			Scanned text = new Scanned(decoded, scanner);
			readToEnd = readRecords(text);
			// the quotes of the whole file are reported, past a record that could not be
			// read
			char[] rest = new char[8192];
			while (text.read(rest, 0, rest.length) >= 0) {
				// the scan sees each character read
			}
			nul = text.nul;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (nul) {
			throw new FileRejectedException(Kind.NOT_CSV, List.of(FileContent.binary()));
		}
		QuoteScan.Result quotes = scanner.end();
		reportQuotes(quotes);
		boolean misread = quotes.unclosedQuote() != null || !quotes.loneCarriageReturns().isEmpty() || !readToEnd;
		if (this.header == null && !misread) {
			this.problems.add(Problem.of("the file is empty; it needs a header and at least one record"));
		}
		else if (this.header != null && this.records == 0 && !misread) {
			this.problems.add(new Problem(this.header.line(), null, "the file has a header but no records"));
		}
		if (this.records > this.limits.maxRecords()) {
			List<Problem> all = new ArrayList<>();
			all.add(Problem.of("the file has " + this.records + " records, more than the limit of "
					+ this.limits.maxRecords() + " per file; split it into several files"));
			all.addAll(this.problems.sorted());
			throw new FileRejectedException(Kind.TOO_LARGE, all);
		}
		if (!this.problems.isEmpty()) {
			throw new FileRejectedException(Kind.INVALID, this.problems.sorted());
		}
		return new FileOutline(this.charset, this.delimiter, this.header.columns(), this.records);
	}

	/**
	 * Quotes that make a file misread: carriage returns alone in a quoted cell (unless
	 * the cell was reported already) and a quote never closed.
	 */
	private void reportQuotes(QuoteScan.Result quotes) {
		for (Position carriageReturn : quotes.loneCarriageReturns()) {
			this.problems.addUnlessCellListed(new Problem(carriageReturn.line(), label(carriageReturn.field()),
					"the quoted cell starting on this line holds a carriage return without a line feed, which "
							+ "can hide a formula and is no line break a spreadsheet writes; remove it"));
		}
		Position unclosed = quotes.unclosedQuote();
		if (unclosed != null) {
			this.problems.add(new Problem(unclosed.line(), label(unclosed.field()),
					"a quoted field starts on this line and its quote is never closed, so the rest of the file "
							+ "would be one cell; close the quote, and double any quote inside the field (\"\")"));
		}
	}

	/**
	 * How ClientDesk reads CSV records, wherever it reads them (an upload, a preview, a
	 * file to correct), so that their lines are the same.
	 */
	static CsvReader.CsvReaderBuilder csv(char delimiter) {
		return CsvReader.builder()
			.fieldSeparator(delimiter)
			.quoteCharacter('"')
			.commentStrategy(CommentStrategy.NONE)
			.skipEmptyLines(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.allowExtraCharsAfterClosingQuote(false);
	}

	/**
	 * Reads the header and the records; false when a record could not be read.
	 */
	private boolean readRecords(Scanned text) {
		CsvReader<CsvRecord> reader = csv(this.delimiter).build(CsvRecordHandler.of(), text);
		try (CloseableIterator<CsvRecord> iterator = reader.iterator()) {
			while (iterator.hasNext()) {
				CsvRecord record = iterator.next();
				if (!iterator.hasNext() && text.scanner.end().unclosedQuote() != null) {
					// the rest of the file, swallowed by the quote: nothing in it is a
					// cell
					return true;
				}
				if (isBlank(record)) {
					continue;
				}
				if (this.header == null) {
					this.header = Header.read(record, this.problems, this.mapping);
				}
				else {
					readRecord(record);
				}
			}
			return true;
		}
		catch (CsvParseException ex) {
			this.problems.add(cannotRead(ex));
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Checks every cell of a record and keeps it, if within the limit, as a row. */
	private void readRecord(CsvRecord record) {
		int line = (int) record.getStartingLineNumber();
		this.records++;
		int count = record.getFieldCount();
		for (int i = 0; i < count; i++) {
			// a column the profile ignores is neither stored nor written anywhere:
			// a phone number "+49 …" in it rejects nothing
			if (!this.header.ignored(i)) {
				CellCheck.check(line, this.header.label(i), record.getField(i), this.problems);
			}
		}
		if (this.records <= this.limits.maxRecords()) {
			this.rows.accept(new CsvRow(line, cells(record), fieldCountError(line, count)));
		}
	}

	private Map<ClientColumn, String> cells(CsvRecord record) {
		Map<ClientColumn, String> cells = new EnumMap<>(ClientColumn.class);
		for (int i = 0; i < Math.min(record.getFieldCount(), this.header.size()); i++) {
			ClientColumn column = this.header.column(i);
			if (column != null) {
				String cell = Cells.trim(record.getField(i));
				cells.put(column, (this.mapping != null) ? this.mapping.translate(column, cell) : cell);
			}
		}
		return cells;
	}

	private RowError fieldCountError(int line, int count) {
		if (count == this.header.size()) {
			return null;
		}
		return RowError.of(line, null, String.valueOf(count), ErrorCode.FIELD_COUNT,
				"the row has " + count + ((count == 1) ? " field" : " fields") + " but the header has "
						+ this.header.size() + "; check for a missing or extra delimiter ('"
						+ ((this.delimiter == '\t') ? "tab" : String.valueOf(this.delimiter)) + "') or quote");
	}

	private String label(int field) {
		return (this.header != null) ? this.header.label(field) : null;
	}

	private static Problem cannotRead(CsvParseException ex) {
		String reason = (ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage();
		// FastCSV names the line in its message, or in its cause's for the first record
		Integer line = null;
		Matcher matcher = STARTING_LINE.matcher(ex.getMessage() + " " + reason);
		if (matcher.find()) {
			line = Integer.valueOf(matcher.group(1));
		}
		Matcher tooManyFields = TOO_MANY_FIELDS.matcher(String.valueOf(reason));
		if (tooManyFields.find()) {
			return new Problem(line, null,
					"the record starting on this line has more than " + tooManyFields.group(1)
							+ " fields, which no client file needs and no import reads; check its delimiters. "
							+ "The rest of the file was not checked");
		}
		return new Problem(line, null,
				"the record starting on this line is not valid CSV (" + reason
						+ "); a quote inside a quoted field must be doubled (\"\"), and a quoted field must end "
						+ "at a delimiter or line break. The rest of the file was not checked");
	}

	private static boolean isBlank(CsvRecord record) {
		for (String field : record.getFields()) {
			if (!Cells.trim(field).isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The text as FastCSV reads it, shown to the quote scan as it goes by, and watched
	 * for NUL characters (which only UTF-16 can decode to: other files with NUL bytes are
	 * rejected before).
	 */
	private static final class Scanned extends FilterReader {

		private final QuoteScan.Scanner scanner;

		private boolean nul;

		Scanned(Reader text, QuoteScan.Scanner scanner) {
			super(text);
			this.scanner = scanner;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c < 0) {
				this.scanner.end();
			}
			else {
				see((char) c);
			}
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int count = super.read(buffer, offset, length);
			if (count < 0) {
				this.scanner.end();
			}
			for (int i = 0; i < count; i++) {
				see(buffer[offset + i]);
			}
			return count;
		}

		/**
		 * Left open when FastCSV closes it: the rest of the file is read for the quote
		 * scan, and the text is closed by whoever opened it.
		 */
		@Override
		public void close() {
		}

		private void see(char c) {
			this.nul |= c == '\0';
			this.scanner.accept(c);
		}

	}

}
