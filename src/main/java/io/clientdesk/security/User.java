package io.clientdesk.security;

import java.time.Instant;

/**
 * A user as the API and the Users page show them: never with the password.
 *
 * @param username the name as created (found ignoring case)
 * @param role what they may do
 * @param enabled whether they can log in; a disabled user has no session and gets 401
 * @param created when the user was created
 * @param lastLogin their latest login, form or API (from the audit log), or {@code null}
 */
public record User(String username, Role role, boolean enabled, Instant created, Instant lastLogin) {
}
