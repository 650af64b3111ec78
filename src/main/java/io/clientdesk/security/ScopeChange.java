package io.clientdesk.security;

import java.util.List;

/**
 * What an admin sets as a user's scope ({@code PUT /api/users/{username}/scope}): the
 * project IDs and the desk IDs, both required, an empty list meaning no limit on that
 * dimension. {@link UserService#changeScope} checks them.
 */
record ScopeChange(List<String> projects, List<String> desks) {
}
