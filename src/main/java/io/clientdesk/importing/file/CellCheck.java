package io.clientdesk.importing.file;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clientdesk.shared.Problem;

/**
 * The check for cells that could run something when the file, or a page showing its
 * values, is opened: spreadsheet formulas (and DDE), markup, and script URLs.
 *
 * <p>
 * A {@code javascript:} or {@code vbscript:} URL is found anywhere in a cell, even with
 * spaces or control characters inside the word, since neither has an innocent use in a
 * client record. A {@code data:} URL is only found at the start of a cell: "data:" is an
 * ordinary word inside a text ("Big Data: Analytics"), while a data URL only acts as one
 * when it is the whole value of a link or an image.
 */
final class CellCheck {

	private static final Pattern MARKUP = Pattern.compile("<[\\p{L}/!?]");

	private static final String GAP = "[\\s\\p{Cc}]*";

	private static final Pattern SCRIPT_URL = Pattern.compile(
			"(?<![\\p{L}\\p{N}])(" + spelled("javascript") + "|" + spelled("vbscript") + ")" + GAP + ":",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern DATA_URL = Pattern.compile("^[\\s\\p{Cc}]*data" + GAP + ":", Pattern.CASE_INSENSITIVE);

	private CellCheck() {
	}

	/** Adds the cell's problem, if it has one, to the file's problems. */
	static void check(int line, String column, String raw, FileProblems problems) {
		String problem = problem(raw);
		if (problem != null) {
			problems.add(new Problem(line, column, problem));
		}
	}

	/**
	 * Why the cell is dangerous, in a sentence, or {@code null} when it is not. The cell
	 * is the raw field, before trimming; blank cells are never dangerous.
	 */
	static String problem(String cell) {
		if (Cells.trim(cell).isEmpty()) {
			return null;
		}
		// skip what the import trims off the value (see Cells.trim), or "\n=1" or an em
		// space before a formula would be stored as the formula, and invisible formatting
		// characters (a zero-width space, a bidi mark), which hide a formula from whoever
		// reads the cell and which any tool that strips them brings to life; a tab or
		// carriage return is reported itself
		int start = 0;
		while (start < cell.length() && skippedBeforeFormula(cell.charAt(start))) {
			start++;
		}
		char first = (start < cell.length()) ? cell.charAt(start) : ' ';
		switch (first) {
			case '=', '+', '-', '@':
				return "the cell " + Cells.quote(cell) + " starts with '" + first
						+ "', which spreadsheets run as a formula "
						+ "(this includes negative numbers); formulas are not accepted";
			case '\t':
				return "the cell " + Cells.quote(cell)
						+ " starts with a tab, which can hide a formula from spreadsheets; " + "remove it";
			case '\r':
				return "the cell " + Cells.quote(cell)
						+ " starts with a carriage return, which can hide a formula from " + "spreadsheets; remove it";
			default:
				break;
		}
		// markup needs a '<' and script or data URLs a ':': most cells have neither, and
		// skip
		// the regular expressions (this check runs on every cell of every upload)
		boolean angle = cell.indexOf('<') >= 0;
		boolean colon = cell.indexOf(':') >= 0;
		if (!angle && !colon) {
			return null;
		}
		String shown = Cells.quote(cell);
		Matcher markup = MARKUP.matcher(cell);
		if (angle && markup.find()) {
			return "the cell " + shown + " contains markup ('" + markup.group()
					+ "'); HTML and scripts are not accepted";
		}
		Matcher script = SCRIPT_URL.matcher(cell);
		if (colon && script.find()) {
			String scheme = script.group(1).replaceAll(GAP, "").toLowerCase(Locale.ROOT);
			return "the cell " + shown + " contains a " + scheme + ": URL; scripts are not accepted";
		}
		if (colon && DATA_URL.matcher(cell).find()) {
			return "the cell " + shown + " is a data: URL; embedded content is not accepted";
		}
		return null;
	}

	private static boolean skippedBeforeFormula(char c) {
		return (Cells.isBlank(c) && c != '\t' && c != '\r') || Character.getType(c) == Character.FORMAT;
	}

	private static String spelled(String word) {
		StringBuilder pattern = new StringBuilder();
		for (char c : word.toCharArray()) {
			if (!pattern.isEmpty()) {
				pattern.append(GAP);
			}
			pattern.append(c);
		}
		return pattern.toString();
	}

}
