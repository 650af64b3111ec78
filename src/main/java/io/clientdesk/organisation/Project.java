package io.clientdesk.organisation;

/**
 * A brand or business line that clients belong to.
 */
public record Project(String id, String name) {
}
