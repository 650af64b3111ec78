package io.clientdesk.security;

/**
 * What an admin changes about a user ({@code PATCH /api/users/{username}}): the role, the
 * enabled state, or both; what is left out (or {@code null}) stays.
 */
record UserChange(Role role, Boolean enabled) {
}
