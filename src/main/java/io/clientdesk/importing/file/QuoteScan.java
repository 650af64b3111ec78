package io.clientdesk.importing.file;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What FastCSV does not tell: the delimiter of a file, where a quote that is never closed
 * starts (FastCSV takes the rest of the file as that field) and where a quoted field
 * holds a lone carriage return (which FastCSV may misread). This is no splitter: fields
 * are read by FastCSV. It follows the same rules: a quote opens a quoted field only as
 * the field's first character, and two quotes in a quoted field are one quote. It reads
 * the text character by character, as FastCSV reads it ({@link Scanner}), so that a file
 * is never held whole.
 */
final class QuoteScan {

	private static final char[] DELIMITERS = { ',', ';', '\t' };

	private static final int END = -1;

	private QuoteScan() {
	}

	/**
	 * The delimiter used most often outside quotes in the first record (the header): a
	 * comma, a semicolon or a tab; a comma on a tie or when there is none.
	 */
	static char delimiter(String text) {
		return delimiter(new StringReader(text));
	}

	/**
	 * The delimiter of the text the reader gives, read no further than the first record.
	 */
	static char delimiter(Reader text) {
		int[] counts = new int[DELIMITERS.length];
		boolean inQuotes = false;
		boolean fieldStart = true;
		boolean content = false;
		try {
			int next = text.read();
			while (next != END) {
				char c = (char) next;
				next = text.read();
				if (inQuotes) {
					if (c == '"') {
						inQuotes = next == '"';
						if (inQuotes) {
							next = text.read();
						}
					}
					continue;
				}
				if (c == '\n' || c == '\r') {
					if (content) {
						break;
					}
					fieldStart = true;
					continue;
				}
				content = true;
				int delimiter = indexOf(c);
				if (delimiter >= 0) {
					counts[delimiter]++;
					fieldStart = true;
				}
				else {
					inQuotes = (c == '"' && fieldStart);
					fieldStart = false;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int best = 0;
		for (int i = 1; i < counts.length; i++) {
			if (counts[i] > counts[best]) {
				best = i;
			}
		}
		return DELIMITERS[best];
	}

	/**
	 * Scans the quotes of the text: where a quoted field that is never closed starts, and
	 * which quoted fields hold a carriage return that is not followed by a line feed.
	 */
	static Result scan(String text, char delimiter) {
		Scanner scanner = new Scanner(delimiter);
		text.chars().forEach(scanner::accept);
		return scanner.end();
	}

	private static int indexOf(char c) {
		for (int i = 0; i < DELIMITERS.length; i++) {
			if (DELIMITERS[i] == c) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Scans the quotes of a text given one character at a time; each character is judged
	 * once the next one is known (a carriage return followed by a line feed is one line
	 * break, two quotes in a quoted field are one quote).
	 */
	static final class Scanner {

		private final char delimiter;

		private final List<Position> carriageReturns = new ArrayList<>();

		private int pending = END;

		private boolean skipPending;

		private int line = 1;

		private int field;

		private boolean fieldStart = true;

		private boolean inQuotes;

		private Position opened;

		private Result result;

		Scanner(char delimiter) {
			this.delimiter = delimiter;
		}

		void accept(int c) {
			if (this.pending != END) {
				step((char) this.pending, c);
			}
			this.pending = c;
		}

		/** What the scan found, once the text has ended. */
		Result end() {
			if (this.result == null) {
				if (this.pending != END) {
					step((char) this.pending, END);
				}
				this.pending = END;
				this.result = new Result(this.inQuotes ? this.opened : null, List.copyOf(this.carriageReturns));
			}
			return this.result;
		}

		private void step(char c, int next) {
			if (this.skipPending) {
				this.skipPending = false;
				return;
			}
			boolean loneCarriageReturn = c == '\r' && next != '\n';
			boolean lineBreak = c == '\n' || loneCarriageReturn;
			if (this.inQuotes) {
				if (c == '"') {
					this.inQuotes = next == '"';
					this.skipPending = this.inQuotes;
				}
				else if (lineBreak) {
					if (loneCarriageReturn && (this.carriageReturns.isEmpty()
							|| this.carriageReturns.get(this.carriageReturns.size() - 1) != this.opened)) {
						this.carriageReturns.add(this.opened);
					}
					this.line++;
				}
				return;
			}
			if (lineBreak) {
				this.line++;
				this.field = 0;
				this.fieldStart = true;
			}
			else if (c == this.delimiter) {
				this.field++;
				this.fieldStart = true;
			}
			else if (c != '\r') {
				if (c == '"' && this.fieldStart) {
					this.inQuotes = true;
					this.opened = new Position(this.line, this.field);
				}
				this.fieldStart = false;
			}
		}

	}

	/**
	 * What a scan found: where an unclosed quote starts ({@code null} when there is none)
	 * and the quoted fields with a carriage return not followed by a line feed, which
	 * FastCSV 4.1.0 does not read correctly when the field ends its record (it drops the
	 * field and joins the next line to the record).
	 */
	record Result(Position unclosedQuote, List<Position> loneCarriageReturns) {
	}

	/**
	 * A physical line (the first is 1) and the index of a field in its record.
	 */
	record Position(int line, int field) {
	}

}
