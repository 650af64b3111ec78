package io.clientdesk.importing.file;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvRecord;

import io.clientdesk.shared.Problem;

/**
 * A file's header: its line, the column of each field ({@code null} for unknown ones) and
 * a label for each field in messages.
 */
record Header(int line, ClientColumn[] fields, String[] labels) {

	/**
	 * Maps the header record's names to columns (aliases, case, spaces, {@code _} and
	 * {@code -} ignored), adding a problem for each nameless, unknown or repeated column,
	 * for a header with neither id nor email, and for a dangerous cell.
	 */
	static Header read(CsvRecord record, FileProblems problems) {
		int line = (int) record.getStartingLineNumber();
		int count = record.getFieldCount();
		ClientColumn[] columns = new ClientColumn[count];
		String[] labels = new String[count];
		Map<ClientColumn, String> seen = new EnumMap<>(ClientColumn.class);
		for (int i = 0; i < count; i++) {
			String raw = record.getField(i);
			String name = Cells.trim(raw);
			// a label names the column in every problem of the file: a name of
			// megabytes must not be repeated in each
			labels[i] = name.isEmpty() ? "column " + (i + 1) : Cells.shortened(name);
			CellCheck.check(line, labels[i], raw, problems);
			if (name.isEmpty()) {
				problems.add(new Problem(line, labels[i], "column " + (i + 1) + " has no name in the header; name it ("
						+ ClientColumn.canonicalHeaderList() + ") or remove the column"));
				continue;
			}
			ClientColumn column = ClientColumn.fromHeader(name).orElse(null);
			if (column == null) {
				problems.add(new Problem(line, labels[i],
						"unknown column " + Cells.quote(name) + "; the accepted columns are "
								+ ClientColumn.canonicalHeaderList() + " (case, spaces, _ and - are ignored)"));
			}
			else if (seen.containsKey(column)) {
				problems.add(new Problem(line, column.header(), "the columns '" + seen.get(column) + "' and '" + name
						+ "' are both the " + column.header() + " column; keep one of them"));
			}
			else {
				seen.put(column, name);
				columns[i] = column;
				labels[i] = column.header();
			}
		}
		if (!seen.containsKey(ClientColumn.ID) && !seen.containsKey(ClientColumn.EMAIL)) {
			problems.add(new Problem(line, null, "the header has neither an id nor an email column, so no row could "
					+ "be matched to a client; add one of them"));
		}
		return new Header(line, columns, labels);
	}

	int size() {
		return this.fields.length;
	}

	ClientColumn column(int index) {
		return this.fields[index];
	}

	String label(int index) {
		return (index < this.labels.length) ? this.labels[index] : "column " + (index + 1);
	}

	List<ClientColumn> columns() {
		List<ClientColumn> columns = new ArrayList<>();
		for (ClientColumn column : this.fields) {
			if (column != null) {
				columns.add(column);
			}
		}
		return columns;
	}

}
