package io.clientdesk.importing.file;

import java.util.Comparator;

/**
 * One problem of one row: the physical line where the record starts, the column (its
 * canonical header, or {@code null} for the row as a whole), the value as found, the
 * error code and a sentence for people.
 */
public record RowError(int line, String column, String value, ErrorCode code, String message) {

	private static final Comparator<RowError> BY_POSITION = Comparator.comparingInt(RowError::line)
		.thenComparingInt(RowError::columnRank)
		.thenComparing((error) -> (error.column() != null) ? error.column() : "");

	public static RowError of(int line, ClientColumn column, String value, ErrorCode code, String message) {
		return new RowError(line, (column != null) ? column.header() : null, value, code, message);
	}

	/**
	 * Orders errors by line, then by column in the order of the canonical header (errors
	 * about the whole row first). Equal positions keep their order in a stable sort.
	 */
	public static Comparator<RowError> byPosition() {
		return BY_POSITION;
	}

	private static int columnRank(RowError error) {
		if (error.column() == null) {
			return -1;
		}
		return ClientColumn.fromHeader(error.column()).map(Enum::ordinal).orElse(ClientColumn.values().length);
	}

}
