package io.clientdesk.importing.profile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ColumnMapping;
import io.clientdesk.shared.ObjectIds;
import io.clientdesk.shared.Problem;

/**
 * What a profile may say, checked against the organisation as it is: each problem named
 * by where it is ({@code name}, {@code columns.<header>}, {@code values.<field>},
 * {@code dateFormat}). A profile that passes is returned with its values in their
 * canonical spelling.
 */
final class ProfileRules {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_HEADER_LENGTH = 200;

	/** Fields whose values a profile may map. */
	static final List<ClientColumn> VALUE_FIELDS = List.of(ClientColumn.ACTIVE, ClientColumn.TYPE, ClientColumn.PROJECT,
			ClientColumn.DESK);

	static final List<String> DATE_FORMATS = List.of("DMY", "MDY", "YMD");

	/**
	 * A name that reads well in a path ({@code /api/import-profiles/{name}}) and a query
	 * ({@code ?profile=}): no slash, percent, plus or semicolon.
	 */
	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._&()-]*");

	private static final Map<String, String> ACTIVE_VALUES = Map.of("true", "true", "yes", "true", "1", "true", "false",
			"false", "no", "false", "0", "false");

	private final KnownValues known;

	ProfileRules(KnownValues known) {
		this.known = known;
	}

	record Checked(ImportProfile profile, List<Problem> problems) {
	}

	Checked check(ImportProfile profile) {
		List<Problem> problems = new ArrayList<>();
		checkName(profile.name(), problems);
		Map<ClientColumn, String> mapped = checkColumns(profile.columns(), problems);
		Map<String, Map<String, String>> values = checkValues(profile.values(), mapped, problems);
		String dateFormat = profile.dateFormat();
		if (dateFormat != null) {
			dateFormat = dateFormat.strip().toUpperCase(Locale.ROOT);
			if (!DATE_FORMATS.contains(dateFormat)) {
				problems.add(Problem.of("dateFormat", "'" + profile.dateFormat() + "' is not a date order; give DMY, "
						+ "MDY or YMD (day, month, year as the file writes them), or null for ISO-8601 dates"));
			}
		}
		return new Checked(new ImportProfile(profile.name(), profile.columns(), values, dateFormat), problems);
	}

	static void checkName(String name, List<Problem> problems) {
		if (name == null || name.isBlank()) {
			problems.add(Problem.of("name", "a profile needs a name"));
		}
		else if (name.length() > MAX_NAME_LENGTH) {
			problems
				.add(Problem.of("name", "the name has " + name.length() + " characters, more than " + MAX_NAME_LENGTH));
		}
		else if (!NAME.matcher(name).matches()) {
			problems.add(Problem.of("name",
					"a name starts with a letter or digit and has only letters, digits, spaces and . _ - & ( )"));
		}
	}

	/** Checks the columns; the fields they map, each to its header. */
	private static Map<ClientColumn, String> checkColumns(Map<String, String> columns, List<Problem> problems) {
		Map<ClientColumn, String> mapped = new EnumMap<>(ClientColumn.class);
		if (columns.isEmpty()) {
			problems.add(Problem.of("columns", "a profile maps the columns of a file; give at least one"));
			return mapped;
		}
		Map<String, String> seenHeaders = new HashMap<>();
		columns.forEach((header, field) -> {
			String where = "columns." + header;
			if (header == null || header.isBlank()) {
				problems.add(Problem.of("columns", "a header is empty; name each column as the file does"));
				return;
			}
			if (header.length() > MAX_HEADER_LENGTH) {
				problems.add(Problem.of("columns",
						"a header has " + header.length() + " characters, more than " + MAX_HEADER_LENGTH));
				return;
			}
			String previous = seenHeaders.putIfAbsent(ColumnMapping.key(header), header);
			if (previous != null) {
				problems.add(Problem.of(where, "the headers '" + previous + "' and '" + header
						+ "' are the same column (case and surrounding spaces are ignored); keep one"));
				return;
			}
			if (field == null) {
				return;
			}
			Optional<ClientColumn> column = field(field);
			if (column.isEmpty()) {
				problems.add(Problem.of(where, "'" + field + "' is not a client field; the fields are "
						+ String.join(", ", ClientColumn.canonicalHeaders()) + ", or null to ignore the column"));
			}
			else if (mapped.containsKey(column.get())) {
				problems.add(Problem.of(where, "the field " + field + " is mapped twice, from '"
						+ mapped.get(column.get()) + "' and from '" + header + "'; map each field once"));
			}
			else {
				mapped.put(column.get(), header);
			}
		});
		if (!mapped.isEmpty() && !mapped.containsKey(ClientColumn.ID) && !mapped.containsKey(ClientColumn.EMAIL)) {
			problems.add(Problem.of("columns", "no column is mapped to id or email, so no row could be matched to "
					+ "a client; map one of them"));
		}
		return mapped;
	}

	private Map<String, Map<String, String>> checkValues(Map<String, Map<String, String>> values,
			Map<ClientColumn, String> mapped, List<Problem> problems) {
		Map<String, Map<String, String>> canonical = new LinkedHashMap<>();
		values.forEach((field, entries) -> {
			String where = "values." + field;
			Optional<ClientColumn> column = field(field);
			if (column.isEmpty()) {
				problems.add(Problem.of(where,
						"'" + field + "' is not a client field; values are mapped for " + fieldList()));
				return;
			}
			if (!VALUE_FIELDS.contains(column.get())) {
				problems.add(Problem.of(where, "values are mapped only for " + fieldList() + ", not for " + field));
				return;
			}
			if (!mapped.containsKey(column.get())) {
				problems.add(Problem.of(where, "no column is mapped to " + field
						+ ", so its values would never be read; map a column to it or leave its values out"));
				return;
			}
			Map<String, String> stored = new LinkedHashMap<>();
			Map<String, String> seen = new HashMap<>();
			((entries != null) ? entries : Map.<String, String>of()).forEach((found, value) -> {
				if (found == null || found.isBlank()) {
					problems.add(Problem.of(where, "a value of the file is empty; an empty cell keeps the default"));
					return;
				}
				String previous = seen.putIfAbsent(ColumnMapping.key(found), found);
				if (previous != null) {
					problems.add(Problem.of(where, "the values '" + previous + "' and '" + found
							+ "' are the same (case and surrounding spaces are ignored); keep one"));
					return;
				}
				Optional<String> value2 = stored(column.get(), value);
				if (value2.isEmpty()) {
					problems.add(Problem.of(where,
							"'" + found + "' is mapped to " + ((value == null) ? "nothing" : "'" + value + "'")
									+ ", which is not " + expected(column.get())));
				}
				else {
					stored.put(found, value2.get());
				}
			});
			canonical.put(column.get().header(), stored);
		});
		return canonical;
	}

	/**
	 * The value as stored in the profile, in its canonical spelling; empty if invalid.
	 */
	private Optional<String> stored(ClientColumn field, String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		return switch (field) {
			case ACTIVE -> Optional.ofNullable(ACTIVE_VALUES.get(ColumnMapping.key(value)));
			case TYPE -> this.known.type(value);
			case PROJECT, DESK -> this.known.unit(field, value).map(KnownValues.Unit::name);
			default -> Optional.empty();
		};
	}

	private String expected(ClientColumn field) {
		return switch (field) {
			case ACTIVE -> "true or false";
			case TYPE -> "a client type (" + String.join(", ", this.known.types()) + ")";
			case PROJECT -> "the name or ID of a project";
			default -> "the name or ID of a desk";
		};
	}

	/**
	 * How the import reads the profile: project and desk names as the IDs of those
	 * projects and desks now (a name no longer found stays, and its rows get an error).
	 */
	ColumnMapping mapping(ImportProfile profile) {
		Map<String, ClientColumn> columns = new LinkedHashMap<>();
		profile.columns()
			.forEach((header, field) -> columns.put(header, (field != null) ? field(field).orElseThrow() : null));
		Map<ClientColumn, Map<String, String>> values = new EnumMap<>(ClientColumn.class);
		profile.values().forEach((field, entries) -> {
			ClientColumn column = field(field).orElseThrow();
			Map<String, String> read = new LinkedHashMap<>();
			// a name no longer found stays, and its rows get an error naming it
			entries.forEach(
					(found, stored) -> read.put(found, (column == ClientColumn.PROJECT || column == ClientColumn.DESK)
							? this.known.unit(column, stored).map(KnownValues.Unit::id).orElse(stored) : stored));
			values.put(column, read);
		});
		return new ColumnMapping(profile.name(), columns, values);
	}

	/** The field of a name: exactly a canonical header ({@code firstName}, …). */
	static Optional<ClientColumn> field(String name) {
		for (ClientColumn column : ClientColumn.values()) {
			if (column.header().equals(name)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

	static boolean isId(String value) {
		return ObjectIds.isValid(value);
	}

	private static String fieldList() {
		return String.join(", ", VALUE_FIELDS.stream().map(ClientColumn::header).toList());
	}

}
