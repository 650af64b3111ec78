package io.clientdesk.importing.job;

import java.util.List;

import io.clientdesk.importing.file.RowError;

/**
 * The rows with errors of an import, as the page lets a person correct them: the file's
 * columns (canonical headers, in the file's order) and, for each row, its cells and
 * errors. {@code total} counts every row with errors; {@code rows} holds the first
 * {@link ImportCorrections#SHEET_ROWS} of them.
 */
public record CorrectionSheet(List<String> columns, List<Row> rows, int total) {

	/** A row with errors: its line, its cells in column order, errors of the row. */
	public record Row(int line, List<Cell> cells, List<RowError> rowErrors) {
	}

	/** A cell as read (trimmed), and its errors, if any. */
	public record Cell(String column, String value, List<RowError> errors) {

		public boolean bad() {
			return !this.errors.isEmpty();
		}

	}

	public boolean truncated() {
		return this.rows.size() < this.total;
	}

}
