package io.clientdesk.importing.file;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;

/**
 * An import file that passed the whole-file checks: the character set it was read in, its
 * delimiter, its columns in file order and its records (blank lines left out).
 */
public record ParsedFile(Charset charset, char delimiter, List<ClientColumn> columns, List<CsvRow> rows) {

	public ParsedFile {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	public boolean has(ClientColumn column) {
		return this.columns.contains(column);
	}

	/**
	 * The {@link ErrorCode#FIELD_COUNT field_count} errors of the records, by line. They
	 * are the same errors that {@link RowValidator#validate(CsvRow)} gives for those
	 * records: report one or the other, not both.
	 */
	public List<RowError> fieldCountErrors() {
		return this.rows.stream().map(CsvRow::fieldCountError).filter(Objects::nonNull).toList();
	}

}
