package io.clientdesk.importing.rows;

import java.util.Locale;
import java.util.Optional;

/**
 * The order of day, month and year in a file's numeric dates ({@code 04/03/2024},
 * {@code 4.3.2024}, {@code 2024/3/4}), as the user declares it for an import: such a date
 * is never guessed. Dates in the ISO-8601 / RFC 3339 form ({@code 2024-03-04},
 * {@code 2024-03-04 10:11:12}) need no declaration.
 */
public enum DateOrder {

	/** {@code 04/03/2024} is 4 March 2024. */
	DMY("day-month-year"),

	/** {@code 04/03/2024} is 3 April 2024. */
	MDY("month-day-year"),

	/** {@code 2024/03/04} is 4 March 2024. */
	YMD("year-month-day");

	/** The values of {@link #parse(String)}, for messages. */
	public static final String ALLOWED = "DMY, MDY or YMD";

	private final String label;

	DateOrder(String label) {
		this.label = label;
	}

	/** The order in words, such as {@code day-month-year}. */
	public String label() {
		return this.label;
	}

	/** The order in words with its code, such as {@code day-month-year (DMY)}. */
	public String describe() {
		return this.label + " (" + name() + ")";
	}

	/**
	 * The order a parameter or a stored value names: {@code DMY}, {@code MDY} or
	 * {@code YMD}, ignoring case and surrounding spaces; empty for {@code null} or a
	 * blank text (no order declared: the dates are as in the file).
	 * @throws IllegalArgumentException for any other text, naming the allowed values
	 */
	public static Optional<DateOrder> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
		}
	}

}
