package io.clientdesk.importing.rows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date or time of a cell. ISO-8601 / RFC 3339 forms are read as they are, with
 * a space in place of the {@code T} as databases write them; numeric dates in another
 * form ({@code 04/03/2024}, {@code 4.3.2024}, {@code 04-03-2024}, {@code 2024/3/4},
 * optionally with a time) only in the order the file declares: they are never guessed.
 * Years have four digits: a two-digit year is refused, since {@code 24} may be 1924 as
 * well as 2024. A time without an offset is UTC.
 */
final class CellDates {

	/** The ISO shape, which needs no declared order: a year of four digits first. */
	private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[Tt ].*)?");

	/** RFC 3339 with a space between the date and the time. */
	private static final Pattern SPACED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}.*)");

	/** A numeric date whose order is declared, with an optional time and offset. */
	private static final Pattern ORDERED = Pattern.compile("(\\d{1,4})([./-])(\\d{1,4})\\2(\\d{1,4})"
			+ "(?:[ Tt](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)? ?([Zz]|[+-]\\d{2}:\\d{2})?)?");

	private CellDates() {
	}

	/**
	 * Whether the text is a numeric date that can only be read in a declared order.
	 */
	static boolean needsOrder(String text) {
		return !ISO_SHAPE.matcher(text).matches() && ORDERED.matcher(text).matches();
	}

	/**
	 * The instant the text names, read in the given order where it needs one.
	 * @param order the file's declared order, or {@code null} when none is declared
	 * @throws Unreadable saying why the text is not a date the import reads
	 */
	static Instant read(String text, DateOrder order) {
		if (ISO_SHAPE.matcher(text).matches() || !ORDERED.matcher(text).matches()) {
			Instant iso = iso(text);
			if (iso == null) {
				throw new Unreadable(Unreadable.Kind.NOT_A_DATE, null);
			}
			return iso;
		}
		if (order == null) {
			throw new Unreadable(Unreadable.Kind.ORDER_NEEDED, null);
		}
		Matcher matcher = ORDERED.matcher(text);
		matcher.matches();
		String[] parts = { matcher.group(1), matcher.group(3), matcher.group(4) };
		LocalDate date = date(order, parts);
		LocalTime time = (matcher.group(5) != null)
				? time(matcher.group(5), matcher.group(6), matcher.group(7), matcher.group(8)) : LocalTime.MIDNIGHT;
		return LocalDateTime.of(date, time).toInstant(offset(matcher.group(9)));
	}

	private static Instant iso(String text) {
		Matcher spaced = SPACED.matcher(text);
		String iso = spaced.matches() ? spaced.group(1) + "T" + spaced.group(2) : text;
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			// not with an offset: try the other forms
		}
		try {
			return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// not a local date-time either
		}
		if (spaced.matches()) {
			return null; // a date alone has no time to follow
		}
		try {
			return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static LocalDate date(DateOrder order, String[] parts) {
		String day = switch (order) {
			case DMY -> parts[0];
			case MDY -> parts[1];
			case YMD -> parts[2];
		};
		String month = (order == DateOrder.DMY) ? parts[1] : (order == DateOrder.MDY) ? parts[0] : parts[1];
		String year = (order == DateOrder.YMD) ? parts[0] : parts[2];
		if (month.length() > 2) {
			throw doesNotFit(month + " is not a month");
		}
		if (day.length() > 2) {
			throw doesNotFit(day + " is not a day");
		}
		if (year.length() == 2) {
			throw doesNotFit("the year " + year + " has two digits; write it with four (" + year + " may be 19" + year
					+ " or 20" + year + ")");
		}
		if (year.length() != 4) {
			throw doesNotFit(year + " is not a year of four digits");
		}
		int m = Integer.parseInt(month);
		int d = Integer.parseInt(day);
		int y = Integer.parseInt(year);
		if (m < 1 || m > 12) {
			throw doesNotFit("there is no month " + m);
		}
		Month named = Month.of(m);
		int length = named.length(Year.isLeap(y));
		if (d < 1 || d > length) {
			String monthName = named.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
			throw doesNotFit((d == 29 && m == 2) ? y + " is not a leap year: February has 28 days"
					: "there is no day " + d + " in " + monthName + " " + y);
		}
		return LocalDate.of(y, m, d);
	}

	private static LocalTime time(String hour, String minute, String second, String fraction) {
		try {
			int nanos = (fraction != null) ? Integer.parseInt((fraction + "00000000").substring(0, 9)) : 0;
			return LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute),
					(second != null) ? Integer.parseInt(second) : 0, nanos);
		}
		catch (DateTimeException ex) {
			throw doesNotFit(hour + ":" + minute + ((second != null) ? ":" + second : "") + " is not a time of day");
		}
	}

	private static ZoneOffset offset(String offset) {
		if (offset == null || offset.equalsIgnoreCase("Z")) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneOffset.of(offset);
		}
		catch (DateTimeException ex) {
			throw doesNotFit(offset + " is not an offset from UTC");
		}
	}

	private static Unreadable doesNotFit(String reason) {
		return new Unreadable(Unreadable.Kind.DOES_NOT_FIT, reason);
	}

	/**
	 * A text that is not a date the import reads: why, and for a numeric date that does
	 * not fit the declared order, the reason in words.
	 */
	static final class Unreadable extends RuntimeException {

		enum Kind {

			/** Neither an ISO-8601 date or time nor a numeric date. */
			NOT_A_DATE,

			/** A numeric date, and the file declares no order. */
			ORDER_NEEDED,

			/** A numeric date that is no date in the declared order. */
			DOES_NOT_FIT

		}

		private final Kind kind;

		Unreadable(Kind kind, String reason) {
			super(reason, null, false, false);
			this.kind = kind;
		}

		Kind kind() {
			return this.kind;
		}

		String reason() {
			return getMessage();
		}

	}

}
