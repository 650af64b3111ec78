package io.clientdesk.importing.web;

/**
 * Makes cells of the CSV files the product writes safe to open in a spreadsheet.
 */
final class SpreadsheetSafe {

	private SpreadsheetSafe() {
	}

	/**
	 * The cell with a single quote in front when it would start, after any leading
	 * spaces, with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
	 * return, so that a spreadsheet shows it as text instead of running it as a formula.
	 * Other cells are returned as they are; {@code null} becomes an empty cell.
	 */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		int start = 0;
		while (start < value.length() && value.charAt(start) == ' ') {
			start++;
		}
		if (start < value.length()) {
			switch (value.charAt(start)) {
				case '=', '+', '-', '@', '\t', '\r':
					return "'" + value;
				default:
					break;
			}
		}
		return value;
	}

}
