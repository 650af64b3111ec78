package io.clientdesk.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A user's change of their own password: the current one, to show it is them, and the new
 * one (at least 8 characters, at most 72 bytes in UTF-8).
 */
record PasswordChange(@NotNull String currentPassword,
		@NotNull @Size(min = 8, message = "must have at least 8 characters") @MaxUtf8Bytes(72) String newPassword) {
}
