package io.clientdesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.clientdesk.shared.ObjectIds;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: what happened, recorded by the module that made it happen, in the
 * transaction of the change (a change rolled back leaves no entry); and read by admins.
 * <p>
 * Texts are stored as facts, never as sentences: the actor, the target and each detail
 * separately, with control characters written as {@code \\uXXXX} and lengths bounded, so
 * that no value can forge a line or break a page (pages escape them in any case).
 */
@Service
public class AuditLog {

	static final int MAX_NAME = 100;

	static final int MAX_ADDRESS = 64;

	/** Characters kept of a detail's text value (a search text, a file name). */
	static final int MAX_DETAIL = 200;

	static final int MAX_DETAILS = 12;

	private static final List<AuditAction> LOGIN_ATTEMPTS = List.of(AuditAction.LOGIN, AuditAction.LOGIN_FAILED,
			AuditAction.LOGIN_THROTTLED);

	private final AuditRepository entries;

	private final Clock clock = Clock.systemUTC();

	AuditLog(AuditRepository entries) {
		this.entries = entries;
	}

	/**
	 * Records what the logged-in user of this request does (nobody, for what the server
	 * does by itself at start), from the request's address.
	 * @param details facts: strings, numbers, booleans, enums (stored by name, in
	 * alphabetical order)
	 */
	@Transactional
	public void record(AuditAction action, String target, Map<String, ?> details) {
		record(action, RequestOrigin.user(), RequestOrigin.address(), target, details);
	}

	/**
	 * Records what somebody named did: a login (the user is not logged in yet), a job in
	 * the background (no request), an export's end (on a thread of its own).
	 */
	@Transactional
	public void record(AuditAction action, String actor, String clientAddress, String target, Map<String, ?> details) {
		this.entries.insert(new AuditEntry(ObjectIds.next(), this.clock.instant(), text(actor, MAX_NAME),
				text(clientAddress, MAX_ADDRESS), action, text(target, MAX_NAME), facts(details)));
	}

	/** A page of the log, newest first. */
	@Transactional(readOnly = true)
	public AuditPage find(AuditQuery query) {
		return this.entries.find(query);
	}

	/**
	 * A user's latest logins, failed logins and refused (throttled) logins, newest first.
	 * Failed ones are those tried with the name exactly as the user is called (the log
	 * keeps the name as it was typed).
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> recentLogins(String username, int limit) {
		return this.entries.latest(username, LOGIN_ATTEMPTS, limit);
	}

	/** When the user last logged in (form or API), if ever. */
	@Transactional(readOnly = true)
	public Optional<Instant> lastLogin(String username) {
		return this.entries.latest(username, List.of(AuditAction.LOGIN), 1).stream().findFirst().map(AuditEntry::time);
	}

	private static Map<String, Object> facts(Map<String, ?> details) {
		if (details.size() > MAX_DETAILS) {
			throw new IllegalArgumentException("An audit entry takes at most " + MAX_DETAILS + " details");
		}
		// sorted: callers pass Map.of, whose order changes from run to run
		Map<String, Object> facts = new TreeMap<>();
		details.forEach((name, value) -> facts.put(name, fact(value)));
		return Collections.unmodifiableMap(facts);
	}

	private static Object fact(Object value) {
		if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
			return value;
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		return text(value.toString(), MAX_DETAIL);
	}

	/**
	 * The text with control characters (NUL, line breaks), format characters (bidi
	 * overrides) and lone surrogates written out as {@code \\uXXXX}, cut to {@code max}
	 * characters (the last one then {@code …}).
	 */
	static String text(String value, int max) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < value.length() && text.length() <= max; i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
					|| (Character.isSurrogate(c) && !pairedAt(value, i))) {
				text.append(String.format("\\u%04X", (int) c));
			}
			else {
				text.append(c);
			}
		}
		if (text.length() > max) {
			int cut = max - 1;
			if (Character.isHighSurrogate(text.charAt(cut - 1))) {
				cut--; // not half a character
			}
			text.setLength(cut);
			text.append('…');
		}
		return text.toString();
	}

	private static boolean pairedAt(String value, int i) {
		return Character.isHighSurrogate(value.charAt(i))
				? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
				: i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
	}

}
