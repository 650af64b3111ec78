package io.clientdesk.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of a request that creates a project or a desk.
 */
public record NewName(@NotBlank @Size(max = 100) String name) {
}
