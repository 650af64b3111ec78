package io.clientdesk.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write an instant, in UTC: templates call it as {@code ${times.table(x)}}
 * (the {@code times} model attribute, {@link PageAttributes}). Month names are in the
 * request's language.
 */
public final class PageTimes {

	private static final DateTimeFormatter ISO = utc("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final DateTimeFormatter TABLE = utc("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter EXACT = utc("yyyy-MM-dd HH:mm:ss 'UTC'");

	private static final DateTimeFormatter FULL = utc("d MMM yyyy, HH:mm 'UTC'");

	private static final DateTimeFormatter BRIEF = utc("d MMM, HH:mm 'UTC'");

	private final Locale locale;

	PageTimes(Locale locale) {
		this.locale = locale;
	}

	/** {@code 2026-05-12T10:04:05.123+0000}, for {@code title} and {@code datetime}. */
	public String iso(Instant instant) {
		return format(ISO, instant);
	}

	/** {@code 2026-05-12 10:04}, in a table whose heading says UTC. */
	public String table(Instant instant) {
		return format(TABLE, instant);
	}

	/** {@code 2026-05-12 10:04:05 UTC}. */
	public String exact(Instant instant) {
		return format(EXACT, instant);
	}

	/** {@code 12 May 2026, 10:04 UTC}. */
	public String full(Instant instant) {
		return format(FULL, instant);
	}

	/** {@code 12 May, 10:04 UTC}. */
	public String brief(Instant instant) {
		return format(BRIEF, instant);
	}

	private String format(DateTimeFormatter formatter, Instant instant) {
		// as #temporals did: nothing for no instant
		return (instant != null) ? formatter.withLocale(this.locale).format(instant) : null;
	}

	private static DateTimeFormatter utc(String pattern) {
		return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
	}

}
