package io.clientdesk.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of a request that creates a project or a desk. A name is shown in pages and
 * written in CSV files: no control characters (and PostgreSQL refuses NUL).
 */
public record NewName(@NotBlank @Size(max = 100) @Pattern(regexp = "\\P{Cc}*",
		message = "must not contain control characters (NUL, tab, line breaks…)") String name) {
}
