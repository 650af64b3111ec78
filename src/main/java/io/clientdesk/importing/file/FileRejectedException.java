package io.clientdesk.importing.file;

import java.util.List;
import java.util.Locale;

import io.clientdesk.shared.Problem;

/**
 * A file rejected as a whole at upload, with every problem found in it. Nothing of it is
 * imported.
 */
public class FileRejectedException extends RuntimeException {

	private final Kind kind;

	private final List<Problem> problems;

	public FileRejectedException(Kind kind, List<Problem> problems) {
		super(kind.summary() + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("A rejected file needs at least one problem");
		}
		this.kind = kind;
		this.problems = List.copyOf(problems);
	}

	public Kind kind() {
		return this.kind;
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * Why a file is rejected; the API answers 422, 415, 413, 422 and 422 respectively.
	 */
	public enum Kind {

		/**
		 * A file name that cannot be stored and shown as it was sent: too long, or with
		 * invisible or reordering characters.
		 */
		BAD_NAME("The file name cannot be used"),

		/**
		 * Not CSV text: a wrong file name, binary content or another format's signature.
		 */
		NOT_CSV("The file is not a CSV file"),

		/**
		 * More bytes or more records than the limits allow.
		 */
		TOO_LARGE("The file is too large"),

		/**
		 * CSV that cannot be imported: no records, a bad header, an unclosed quote or
		 * cells with formulas, markup or script URLs.
		 */
		INVALID("The file cannot be imported"),

		/**
		 * Numeric dates ({@code 04/03/2024}) and no declared date order: they are read
		 * day-month-year, month-day-year or year-month-day only as the user says.
		 */
		DATE_ORDER_NEEDED("The file's date order is needed");

		private final String summary;

		Kind(String summary) {
			this.summary = summary;
		}

		/**
		 * The kind as the API's {@code code}: {@code bad_name}, {@code not_csv},
		 * {@code too_large}, {@code invalid} or {@code date_order_needed}.
		 */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * A sentence that sums the kind up, as the detail of an answer.
		 */
		public String summary() {
			return this.summary;
		}

	}

}
