package io.clientdesk.importing.file;

import java.util.ArrayList;
import java.util.List;

/**
 * What FastCSV does not tell: the delimiter of a file, where a quote that is never closed
 * starts (FastCSV takes the rest of the file as that field) and where a quoted field
 * holds a lone carriage return (which FastCSV may misread). This is no splitter: fields
 * are read by FastCSV. It follows the same rules: a quote opens a quoted field only as
 * the field's first character, and two quotes in a quoted field are one quote.
 */
final class QuoteScan {

	private static final char[] DELIMITERS = { ',', ';', '\t' };

	private QuoteScan() {
	}

	/**
	 * The delimiter used most often outside quotes in the first record (the header): a
	 * comma, a semicolon or a tab; a comma on a tie or when there is none.
	 */
	static char delimiter(String text) {
		int[] counts = new int[DELIMITERS.length];
		boolean inQuotes = false;
		boolean fieldStart = true;
		boolean content = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inQuotes) {
				if (c == '"') {
					inQuotes = doubledQuoteAt(text, i);
					i += inQuotes ? 1 : 0;
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
		int line = 1;
		int field = 0;
		boolean fieldStart = true;
		boolean inQuotes = false;
		Position opened = null;
		List<Position> carriageReturns = new ArrayList<>();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean loneCarriageReturn = c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
			boolean lineBreak = c == '\n' || loneCarriageReturn;
			if (inQuotes) {
				if (c == '"') {
					inQuotes = doubledQuoteAt(text, i);
					i += inQuotes ? 1 : 0;
				}
				else if (lineBreak) {
					if (loneCarriageReturn && (carriageReturns.isEmpty()
							|| carriageReturns.get(carriageReturns.size() - 1) != opened)) {
						carriageReturns.add(opened);
					}
					line++;
				}
				continue;
			}
			if (lineBreak) {
				line++;
				field = 0;
				fieldStart = true;
			}
			else if (c == delimiter) {
				field++;
				fieldStart = true;
			}
			else if (c != '\r') {
				if (c == '"' && fieldStart) {
					inQuotes = true;
					opened = new Position(line, field);
				}
				fieldStart = false;
			}
		}
		return new Result(inQuotes ? opened : null, carriageReturns);
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

	/** A quote inside a quoted field written as two: it does not close the field. */
	private static boolean doubledQuoteAt(String text, int quote) {
		return quote + 1 < text.length() && text.charAt(quote + 1) == '"';
	}

}
