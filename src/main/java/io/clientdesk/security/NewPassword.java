package io.clientdesk.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A password an admin sets for a user. The rules of every password: at least 8
 * characters, at most 72 bytes in UTF-8 (bcrypt's limit).
 */
record NewPassword(
		@NotNull @Size(min = 8, message = "must have at least 8 characters") @MaxUtf8Bytes(72) String password) {
}
