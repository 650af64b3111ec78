package io.clientdesk.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin sends to create a user. The password's limit is bcrypt's, in bytes.
 */
public record NewUser(
		@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._@-]+",
				message = "may contain only letters, digits and . _ @ -") String username,
		@NotNull @Size(min = 8, message = "must have at least 8 characters") @MaxUtf8Bytes(72) String password,
		@NotNull Role role) {
}
