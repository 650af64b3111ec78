package io.clientdesk.importing.file;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvRecord;

import io.clientdesk.shared.Problem;

/**
 * A file's header: its line, the column of each field ({@code null} for unknown ones), a
 * label for each field in messages, and which fields an import profile ignores (none
 * without a profile).
 */
record Header(int line, ClientColumn[] fields, String[] labels, boolean[] ignored) {

	/**
	 * Maps the header record's names to columns (aliases, case, spaces, {@code _} and
	 * {@code -} ignored), adding a problem for each nameless, unknown or repeated column,
	 * for a header with neither id nor email, and for a dangerous cell.
	 */
	static Header read(CsvRecord record, FileProblems problems, ColumnMapping mapping) {
		if (mapping != null) {
			return readMapped(record, problems, mapping);
		}
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
		requireIdOrEmail(line, seen, problems);
		return new Header(line, columns, labels, new boolean[count]);
	}

	/**
	 * Maps the header record's names to columns by an import profile: each name must be
	 * one of the profile's headers (trimmed, ignoring case), and each of the profile's
	 * headers must be in the file, so that no column is read wrongly or dropped unseen.
	 * Labels are the file's own names.
	 */
	private static Header readMapped(CsvRecord record, FileProblems problems, ColumnMapping mapping) {
		int line = (int) record.getStartingLineNumber();
		int count = record.getFieldCount();
		ClientColumn[] columns = new ClientColumn[count];
		String[] labels = new String[count];
		boolean[] ignored = new boolean[count];
		Map<ClientColumn, String> seen = new EnumMap<>(ClientColumn.class);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String raw = record.getField(i);
			String name = Cells.trim(raw);
			names.add(name);
			labels[i] = name.isEmpty() ? "column " + (i + 1) : Cells.shortened(name);
			CellCheck.check(line, labels[i], raw, problems);
			if (!mapping.has(name)) {
				problems.add(new Problem(line, labels[i], (name.isEmpty() ? "column " + (i + 1) + " has no name"
						: "the column " + Cells.quote(name) + " is not in the import profile "
								+ Cells.quote(mapping.profile()))
						+ " (a column added or renamed since the profile was saved); edit the profile or the file"));
				continue;
			}
			ClientColumn column = mapping.column(name);
			if (column == null) {
				ignored[i] = true;
			}
			else if (seen.containsKey(column)) {
				problems.add(new Problem(line, labels[i], "the columns '" + seen.get(column) + "' and '" + name
						+ "' are both read as " + column.header() + "; keep one of them"));
			}
			else {
				seen.put(column, name);
				columns[i] = column;
			}
		}
		for (String missing : mapping.missingFrom(names)) {
			problems.add(new Problem(line, Cells.shortened(missing),
					"the column " + Cells.quote(missing) + " of the import profile " + Cells.quote(mapping.profile())
							+ " is missing from the file (removed or renamed); edit the profile or the file"));
		}
		requireIdOrEmail(line, seen, problems);
		return new Header(line, columns, labels, ignored);
	}

	private static void requireIdOrEmail(int line, Map<ClientColumn, String> seen, FileProblems problems) {
		if (!seen.containsKey(ClientColumn.ID) && !seen.containsKey(ClientColumn.EMAIL)) {
			problems.add(new Problem(line, null, "the header has neither an id nor an email column, so no row could "
					+ "be matched to a client; add one of them"));
		}
	}

	/** Whether an import profile ignores the field: it is neither read nor checked. */
	boolean ignored(int index) {
		return index < this.ignored.length && this.ignored[index];
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
