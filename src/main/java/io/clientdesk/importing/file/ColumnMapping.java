package io.clientdesk.importing.file;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How an import profile reads a file whose header the importer does not know: the column
 * of each of the file's headers ({@code null} to ignore it), and the value stored for a
 * value found in the file, per column. Headers and values are matched trimmed and
 * ignoring case; a value without a mapping is read as it is.
 *
 * @param profile the profile's name, for messages
 * @param columns each header of the profile, in its order, to a column or {@code null}
 * @param values per column, the value found in the file to the value to read instead
 */
public record ColumnMapping(String profile, Map<String, ClientColumn> columns,
		Map<ClientColumn, Map<String, String>> values) {

	public ColumnMapping {
		columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
		Map<ClientColumn, Map<String, String>> byKey = new EnumMap<>(ClientColumn.class);
		values.forEach((column, mapped) -> {
			Map<String, String> keyed = new LinkedHashMap<>();
			mapped.forEach((found, stored) -> keyed.put(key(found), stored));
			byKey.put(column, Collections.unmodifiableMap(keyed));
		});
		values = Collections.unmodifiableMap(byKey);
	}

	/** Whether the profile has this header (trimmed, ignoring case). */
	boolean has(String header) {
		return headerOf(header) != null;
	}

	/** The column of a header of the profile, or {@code null} when it is ignored. */
	public ClientColumn column(String header) {
		return this.columns.get(headerOf(header));
	}

	/** The profile's headers that the given headers of a file leave out. */
	List<String> missingFrom(List<String> fileHeaders) {
		List<String> keys = fileHeaders.stream().map(ColumnMapping::key).toList();
		List<String> missing = new ArrayList<>();
		for (String header : this.columns.keySet()) {
			if (!keys.contains(key(header))) {
				missing.add(header);
			}
		}
		return missing;
	}

	/** The value to read for a cell: the profile's, or the cell's own. */
	String translate(ClientColumn column, String cell) {
		Map<String, String> mapped = this.values.get(column);
		if (mapped == null || cell.isEmpty()) {
			return cell;
		}
		return mapped.getOrDefault(key(cell), cell);
	}

	/**
	 * The errors of rows, each naming the file's own header instead of the column's
	 * canonical one.
	 */
	public List<RowError> relabel(List<RowError> errors) {
		Map<String, String> byCanonical = new LinkedHashMap<>();
		this.columns.forEach((header, column) -> {
			if (column != null) {
				byCanonical.put(column.header(), Cells.shortened(Cells.trim(header)));
			}
		});
		return errors.stream()
			.map((error) -> (error.column() != null && byCanonical.containsKey(error.column()))
					? new RowError(error.line(), byCanonical.get(error.column()), error.value(), error.code(),
							error.message())
					: error)
			.toList();
	}

	/** The errors of rows, each naming the column's canonical header again. */
	public List<RowError> unlabel(List<RowError> errors) {
		Map<String, String> byFileHeader = new LinkedHashMap<>();
		this.columns.forEach((header, column) -> {
			if (column != null) {
				byFileHeader.put(Cells.shortened(Cells.trim(header)), column.header());
			}
		});
		return errors.stream()
			.map((error) -> (error.column() != null && byFileHeader.containsKey(error.column()))
					? new RowError(error.line(), byFileHeader.get(error.column()), error.value(), error.code(),
							error.message())
					: error)
			.toList();
	}

	private String headerOf(String header) {
		String key = key(header);
		for (String known : this.columns.keySet()) {
			if (key(known).equals(key)) {
				return known;
			}
		}
		return null;
	}

	/** A header or value as matched: trimmed, in lower case. */
	public static String key(String text) {
		return Cells.trim(text).toLowerCase(Locale.ROOT);
	}

}
