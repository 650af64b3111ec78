package io.clientdesk.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.Problem;

import org.springframework.http.HttpStatus;

/**
 * A page of the audit log: entries by {@code user} (exactly that username), of one
 * {@code action}, at or after {@code from} and before {@code to}; each filter may be
 * absent.
 */
public record AuditQuery(String user, AuditAction action, Instant from, Instant to, int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	public AuditQuery {
		List<Problem> problems = new ArrayList<>();
		if (page < 0) {
			problems.add(Problem.of("page", "must be 0 or more"));
		}
		if (size < 1 || size > MAX_SIZE) {
			problems.add(Problem.of("size", "must be between 1 and " + MAX_SIZE));
		}
		if (from != null && to != null && !to.isAfter(from)) {
			problems.add(Problem.of("to", "must be after from"));
		}
		check(problems);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

	/**
	 * The query of the request parameters {@code user}, {@code action}, {@code from},
	 * {@code to} (instants in ISO-8601, such as {@code 2026-05-12T10:04:05Z}; without an
	 * offset, such as a page's date and time fields send, in UTC), {@code page} and
	 * {@code size}; empty ones are absent.
	 * @throws InvalidRequestException (400) naming each parameter that is not valid
	 */
	public static AuditQuery of(Map<String, String> parameters) {
		List<Problem> problems = new ArrayList<>();
		String user = blankToNull(parameters.get("user"));
		if (user != null && user.indexOf('\0') >= 0) {
			// no username has one, and PostgreSQL refuses it in a parameter
			problems.add(Problem.of("user", "must not contain the NUL character (U+0000)"));
		}
		AuditAction action = action(blankToNull(parameters.get("action")), problems);
		Instant from = instant("from", blankToNull(parameters.get("from")), problems);
		Instant to = instant("to", blankToNull(parameters.get("to")), problems);
		int page = number("page", blankToNull(parameters.get("page")), 0, problems);
		int size = number("size", blankToNull(parameters.get("size")), DEFAULT_SIZE, problems);
		check(problems);
		return new AuditQuery(user, action, from, to, page, size);
	}

	private static AuditAction action(String value, List<Problem> problems) {
		if (value == null) {
			return null;
		}
		try {
			return AuditAction.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			problems.add(Problem.of("action", "must be one of "
					+ Arrays.stream(AuditAction.values()).map(AuditAction::name).collect(Collectors.joining(", "))));
			return null;
		}
	}

	private static Instant instant(String name, String value, List<Problem> problems) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				problems.add(Problem.of(name, "must be an instant in ISO-8601, such as 2026-05-12T10:04:05Z"));
				return null;
			}
		}
	}

	private static int number(String name, String value, int absent, List<Problem> problems) {
		if (value == null) {
			return absent;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			problems.add(Problem.of(name, "must be a whole number"));
			return absent;
		}
	}

	private static void check(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "Invalid query", "The audit query is not valid",
					problems);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
