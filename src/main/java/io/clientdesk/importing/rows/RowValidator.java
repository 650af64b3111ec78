package io.clientdesk.importing.rows;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.clientdesk.importing.file.Cells;
import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.CsvRow;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.FileRejectedException;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.shared.ObjectIds;
import io.clientdesk.shared.Problem;

/**
 * Checks the values of a row against the rules of the client record, without the
 * database: whether IDs, projects, desks and emails exist or are taken is for the import
 * job to find out.
 */
public class RowValidator {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_EMAIL_LENGTH = 254;

	private static final int MAX_LOCAL_PART_LENGTH = 64;

	// A practical address: dot-separated atoms before the @, and host names with a
	// top-level domain of letters (or an IDN's xn-- form) after it; no quoted local
	// parts, comments or IP literals.
	private static final Pattern EMAIL = Pattern
		.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
				+ "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})");

	private static final String DATE_EXAMPLES = "2024-06-13T15:06:02.802Z, 2024-06-13T17:06:02+02:00, "
			+ "2024-06-13 15:06:02 (taken as UTC) or 2024-06-13 (midnight UTC)";

	private final List<String> clientTypes;

	private final Clock clock;

	private final DateOrder dateOrder;

	/**
	 * A validator for a file that declares no date order.
	 * @param clientTypes the client types in their canonical spelling
	 * @param clock the clock that says what "in the future" means
	 */
	public RowValidator(List<String> clientTypes, Clock clock) {
		this(clientTypes, clock, null);
	}

	/**
	 * @param clientTypes the client types in their canonical spelling
	 * @param clock the clock that says what "in the future" means
	 * @param dateOrder the order of the file's numeric dates, as the user declared it, or
	 * {@code null} when none is declared
	 */
	public RowValidator(List<String> clientTypes, Clock clock, DateOrder dateOrder) {
		if (clientTypes.isEmpty()) {
			throw new IllegalArgumentException("At least one client type is needed");
		}
		this.clientTypes = List.copyOf(clientTypes);
		this.clock = clock;
		this.dateOrder = dateOrder;
	}

	/**
	 * Rejects a file with a numeric date ({@code 04/03/2024}) and no declared date order:
	 * such a date is never guessed.
	 * @param dateOrder the declared order, or {@code null}
	 * @throws FileRejectedException
	 * ({@link FileRejectedException.Kind#DATE_ORDER_NEEDED}) naming the first line and
	 * column with such a date
	 */
	public static void requireDateOrder(Iterable<CsvRow> rows, DateOrder dateOrder) {
		if (dateOrder != null) {
			return;
		}
		for (CsvRow row : rows) {
			String created = row.hasFieldCountError() ? null : Cells.trim(row.cell(ClientColumn.CREATED));
			if (created != null && CellDates.needsOrder(created)) {
				throw new FileRejectedException(FileRejectedException.Kind.DATE_ORDER_NEEDED,
						List.of(new Problem(row.line(), ClientColumn.CREATED.header(), ClientColumn.CREATED.header()
								+ " " + Cells.quote(created) + " could be day-month or month-day; "
								+ "dates like it are read only in the order declared for the file: " + orders())));
			}
		}
	}

	private static String orders() {
		return Arrays.stream(DateOrder.values()).map(DateOrder::describe).collect(Collectors.joining(", "));
	}

	/**
	 * The row's values, parsed, with an error for each that breaks a rule. A row whose
	 * number of fields differs from the header's gets only its
	 * {@link ErrorCode#FIELD_COUNT field_count} error and no values, since its cells may
	 * be in the wrong columns.
	 */
	public ValidatedRow validate(CsvRow row) {
		if (row.hasFieldCountError()) {
			return new ValidatedRow(row.line(), ClientFields.NONE, List.of(row.fieldCountError()));
		}
		Checks checks = new Checks(row);
		ClientFields fields = new ClientFields(checks.id(), checks.name(ClientColumn.FIRST_NAME),
				checks.name(ClientColumn.LAST_NAME), checks.email(), checks.reference(ClientColumn.PROJECT, "project"),
				checks.reference(ClientColumn.DESK, "desk"), checks.active(), checks.type(), checks.created());
		return new ValidatedRow(row.line(), fields, checks.errors);
	}

	/**
	 * The {@link ErrorCode#REQUIRED required} errors of a row that creates a client: its
	 * first name and email must be filled in. A field whose cell holds an invalid value
	 * already has an error and gets no second one.
	 */
	public List<RowError> requiredForCreate(ValidatedRow row) {
		List<RowError> errors = new ArrayList<>();
		if (row.fields().firstName() == null && !hasError(row, ClientColumn.FIRST_NAME)) {
			errors.add(RowError.of(row.line(), ClientColumn.FIRST_NAME, "", ErrorCode.REQUIRED,
					"firstName is required for a new client, and the cell is empty or the column is missing"));
		}
		if (row.fields().email() == null && !hasError(row, ClientColumn.EMAIL)) {
			errors.add(RowError.of(row.line(), ClientColumn.EMAIL, "", ErrorCode.REQUIRED,
					"email is required for a new client, and the cell is empty or the column is missing"));
		}
		return errors;
	}

	private static boolean hasError(ValidatedRow row, ClientColumn column) {
		return row.errors().stream().anyMatch((error) -> column.header().equals(error.column()));
	}

	/**
	 * The checks of one row, collecting its errors.
	 */
	private final class Checks {

		private final CsvRow row;

		private final List<RowError> errors = new ArrayList<>();

		Checks(CsvRow row) {
			this.row = row;
		}

		String id() {
			String id = value(ClientColumn.ID);
			if (id != null && !ObjectIds.isValid(id)) {
				return error(ClientColumn.ID, id, ErrorCode.INVALID_VALUE, "id " + Cells.quote(id)
						+ " is not a client ID; IDs are 24 lowercase hex digits, as in the clients list and exports");
			}
			return id;
		}

		String name(ClientColumn column) {
			String name = value(column);
			if (name == null) {
				return null;
			}
			int length = name.codePointCount(0, name.length());
			if (length > MAX_NAME_LENGTH) {
				return error(column, name, ErrorCode.TOO_LONG, column.header() + " is " + length
						+ " characters long; at most " + MAX_NAME_LENGTH + " are allowed");
			}
			if (name.codePoints().anyMatch(Character::isISOControl)) {
				return error(column, name, ErrorCode.INVALID_VALUE, column.header() + " " + Cells.quote(name)
						+ " contains a control character (such as a line break or a tab); only printable text is allowed");
			}
			OptionalInt reordering = ReorderingCharacters.first(name);
			if (reordering.isPresent()) {
				return error(column, name, ErrorCode.INVALID_VALUE,
						column.header() + " contains " + ReorderingCharacters.describe(reordering.getAsInt())
								+ ", which changes how the text around " + "it reads; remove it");
			}
			return name;
		}

		String email() {
			String value = value(ClientColumn.EMAIL);
			if (value == null) {
				return null;
			}
			String email = value.toLowerCase(Locale.ROOT);
			if (email.length() > MAX_EMAIL_LENGTH) {
				return error(ClientColumn.EMAIL, value, ErrorCode.TOO_LONG, "email is " + email.length()
						+ " characters long; an email address has at most " + MAX_EMAIL_LENGTH);
			}
			if (!EMAIL.matcher(email).matches() || email.indexOf('@') > MAX_LOCAL_PART_LENGTH) {
				return error(ClientColumn.EMAIL, value, ErrorCode.INVALID_EMAIL,
						"email " + Cells.quote(value) + " is not a valid email address");
			}
			return email;
		}

		String reference(ClientColumn column, String what) {
			String id = value(column);
			if (id != null && !ObjectIds.isValid(id)) {
				return error(column, id, ErrorCode.INVALID_VALUE,
						column.header() + " " + Cells.quote(id) + " is not a " + what + " ID; use the ID (24 lowercase "
								+ "hex digits) shown on the " + capitalized(what) + "s page, not the name");
			}
			return id;
		}

		Boolean active() {
			String value = value(ClientColumn.ACTIVE);
			if (value == null) {
				return null;
			}
			switch (value.toLowerCase(Locale.ROOT)) {
				case "true", "yes", "1":
					return Boolean.TRUE;
				case "false", "no", "0":
					return Boolean.FALSE;
				default:
					error(ClientColumn.ACTIVE, value, ErrorCode.INVALID_VALUE, "active " + Cells.quote(value)
							+ " is not a yes/no value; use true or false, yes or no, 1 or 0");
					return null;
			}
		}

		String type() {
			String value = value(ClientColumn.TYPE);
			if (value == null) {
				return null;
			}
			Optional<String> type = RowValidator.this.clientTypes.stream()
				.filter((candidate) -> candidate.equalsIgnoreCase(value))
				.findFirst();
			if (type.isEmpty()) {
				return error(ClientColumn.TYPE, value, ErrorCode.INVALID_VALUE, "type " + Cells.quote(value)
						+ " is not a client type; use one of " + String.join(", ", RowValidator.this.clientTypes));
			}
			return type.get();
		}

		Instant created() {
			String value = value(ClientColumn.CREATED);
			if (value == null) {
				return null;
			}
			Instant created;
			try {
				created = CellDates.read(value, RowValidator.this.dateOrder);
			}
			catch (CellDates.Unreadable ex) {
				return error(ClientColumn.CREATED, value, ErrorCode.INVALID_VALUE,
						"created " + Cells.quote(value) + switch (ex.kind()) {
							case NOT_A_DATE -> " is not an ISO-8601 date or time; use for example " + DATE_EXAMPLES;
							case ORDER_NEEDED -> " could be day-month or month-day, and the file declares no date "
									+ "order; declare one of " + orders();
							case DOES_NOT_FIT -> " does not fit the date order declared for the file, "
									+ RowValidator.this.dateOrder.describe() + ": " + ex.reason();
						});
			}
			if (created.isAfter(RowValidator.this.clock.instant())) {
				error(ClientColumn.CREATED, value, ErrorCode.INVALID_VALUE,
						"created " + Cells.quote(value) + " is in the future");
				return null;
			}
			return created;
		}

		private String value(ClientColumn column) {
			String cell = Cells.trim(this.row.cell(column));
			return cell.isEmpty() ? null : cell;
		}

		private <T> T error(ClientColumn column, String value, ErrorCode code, String message) {
			this.errors.add(RowError.of(this.row.line(), column, value, code, message));
			return null;
		}

	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
