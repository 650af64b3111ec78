package io.clientdesk.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write an instant, in UTC: templates call it as {@code ${times.table(x)}}
 * (the {@code times} model attribute, {@link PageAttributes}). Month names are in the
 * request's language.
 * <p>
 * Every instant of a page is a
 * {@code <time th:datetime="${times.iso(x)}" th:text="${times.full(x)}">}: the UTC text
 * is what the server sends and what stays without script; {@code app.js} rewrites it in
 * the browser's locale and time zone and keeps this text in its {@code title}. A
 * {@code data-time} attribute of {@code exact} (seconds), {@code brief} (no year) or
 * {@code table} (numbers only) chooses the local form; without it, it is {@code full}'s.
 */
public final class PageTimes {

	private static final DateTimeFormatter ISO = utc("yyyy-MM-dd'T'HH:mm:ss.SSSX");

	private static final DateTimeFormatter TABLE = utc("yyyy-MM-dd HH:mm 'UTC'");

	private static final DateTimeFormatter EXACT = utc("yyyy-MM-dd HH:mm:ss 'UTC'");

	private static final DateTimeFormatter FULL = utc("d MMM yyyy, HH:mm 'UTC'");

	private static final DateTimeFormatter BRIEF = utc("d MMM, HH:mm 'UTC'");

	private final Locale locale;

	PageTimes(Locale locale) {
		this.locale = locale;
	}

	/**
	 * {@code 2026-05-12T10:04:05.123Z}, for {@code datetime}: a form that both HTML and
	 * JavaScript's {@code Date} read.
	 */
	public String iso(Instant instant) {
		return format(ISO, instant);
	}

	/** {@code 2026-05-12 10:04 UTC}, in a table. */
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
