package io.clientdesk.security;

/**
 * A user as the API shows it: never with the password.
 */
public record User(String username, Role role) {
}
