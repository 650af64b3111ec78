package io.clientdesk.organisation;

/**
 * A brand or business line that clients belong to. An archived one takes no new clients
 * (by import or otherwise) and still names those it has.
 */
public record Project(String id, String name, boolean archived) {
}
