package io.clientdesk.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What a client created by an import gets where its row leaves a field out.
 */
public record ImportDefaults(@NotBlank String project, @NotBlank String desk, @NotNull Boolean active,
		@NotBlank String type) {
}
