package io.clientdesk.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit log.
 *
 * @param id its ObjectId
 * @param time when it happened
 * @param actor who: a username (for a failed login, the name tried, which may be
 * nobody's); {@code null} for what the server did by itself (the first start's defaults)
 * @param clientAddress the address the request came from (after a trusted proxy's
 * {@code X-Forwarded-For}); {@code null} for background work
 * @param action what
 * @param target what it was done to (an import's ID, a username, a project's ID), or
 * {@code null}
 * @param details facts, as names and values (strings, numbers, booleans)
 */
public record AuditEntry(String id, Instant time, String actor, String clientAddress, AuditAction action, String target,
		Map<String, Object> details) {
}
