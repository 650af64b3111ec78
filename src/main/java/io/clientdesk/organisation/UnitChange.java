package io.clientdesk.organisation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of a request that changes a project or a desk: a new name, archived or not, or
 * both; a field left out (or {@code null}) stays as it is. The name follows the rules of
 * {@link NewName}; a blank one is refused by the service, naming the field.
 *
 * @param name the new name, or {@code null}
 * @param archived whether it is archived, or {@code null}
 */
public record UnitChange(
		@Size(max = 100) @Pattern(regexp = "\\P{Cc}*",
				message = "must not contain control characters (NUL, tab, line breaks…)") String name,
		Boolean archived) {
}
