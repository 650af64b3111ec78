package io.clientdesk.organisation;

/**
 * A sales or service team that handles clients. An archived one takes no new clients (by
 * import or otherwise) and still names those it has.
 */
public record Desk(String id, String name, boolean archived) {
}
