package io.clientdesk.notification;

import java.time.Instant;

/**
 * One entry of a user's notifications bell.
 */
public record Notification(String id, String kind, String message, String link, boolean read, Instant createdAt) {

	public static final String IMPORT_SUCCEEDED = "IMPORT_SUCCEEDED";

	public static final String IMPORT_FAILED = "IMPORT_FAILED";

}
