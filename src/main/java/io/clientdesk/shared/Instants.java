package io.clientdesk.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How an instant is written for programs (the API's JSON, the record of an import's
 * changes, the export): ISO-8601 in UTC, always with milliseconds and {@code Z}.
 */
public final class Instants {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Instants() {
	}

	public static String iso(Instant instant) {
		return ISO.format(instant);
	}

}
