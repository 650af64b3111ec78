package io.clientdesk.organisation;

/**
 * A sales or service team that handles clients.
 */
public record Desk(String id, String name) {
}
