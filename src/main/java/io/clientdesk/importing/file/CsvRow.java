package io.clientdesk.importing.file;

import java.util.Map;

/**
 * One record of an import file: the physical line where it starts (the header is line 1)
 * and its cells by column, trimmed of surrounding whitespace (empty when the cell is
 * empty; absent when the file has no such column or the record is too short).
 *
 * <p>
 * {@code fieldCountError} is the {@link ErrorCode#FIELD_COUNT field_count} error of a
 * record whose number of fields differs from the header's, and {@code null} otherwise.
 * Such a record's cells may be shifted, so it must not be imported; {@link RowValidator}
 * turns it into a row with that single error.
 */
public record CsvRow(int line, Map<ClientColumn, String> cells, RowError fieldCountError) {

	public CsvRow {
		cells = Map.copyOf(cells);
	}

	public CsvRow(int line, Map<ClientColumn, String> cells) {
		this(line, cells, null);
	}

	/**
	 * The trimmed cell of a column, or {@code null} when the column is absent.
	 */
	public String cell(ClientColumn column) {
		return this.cells.get(column);
	}

	public boolean hasFieldCountError() {
		return this.fieldCountError != null;
	}

}
