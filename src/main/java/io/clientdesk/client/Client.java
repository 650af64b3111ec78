package io.clientdesk.client;

import java.time.Instant;

/**
 * A client as stored. {@code project} and {@code desk} are IDs; the email is trimmed and
 * lower-cased.
 */
public record Client(String id, String firstName, String lastName, String email, String project, String desk,
		boolean active, String type, Instant created) {
}
