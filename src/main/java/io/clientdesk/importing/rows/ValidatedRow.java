package io.clientdesk.importing.rows;

import java.util.List;

import io.clientdesk.importing.file.RowError;

/**
 * A row checked without the database: its parsed values and the errors found in it.
 */
public record ValidatedRow(int line, ClientFields fields, List<RowError> errors) {

	public ValidatedRow {
		errors = List.copyOf(errors);
	}

	public boolean isValid() {
		return this.errors.isEmpty();
	}

}
