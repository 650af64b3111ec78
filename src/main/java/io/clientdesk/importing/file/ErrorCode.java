package io.clientdesk.importing.file;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The stable, machine-readable codes of row errors, as in the {@code code} column of an
 * error report. The descriptions are for the file-format documentation page.
 */
public enum ErrorCode {

	REQUIRED("required", "A new client needs this field, but the cell is empty or the column is missing."),

	INVALID_EMAIL("invalid_email", "The email is not a valid email address."),

	INVALID_VALUE("invalid_value", "The value is not one the column accepts (see the column's description)."),

	TOO_LONG("too_long", "The value is longer than the column allows."),

	EMAIL_TAKEN("email_taken", "Another client already has this email."),

	DUPLICATE_IN_FILE("duplicate_in_file",
			"An earlier row of the same file is about the same client (same ID or same email); "
					+ "only the first one is used."),

	UNKNOWN_ID("unknown_id", "No client has this ID."),

	UNKNOWN_PROJECT("unknown_project", "No project has this ID."),

	UNKNOWN_DESK("unknown_desk", "No desk has this ID."),

	ARCHIVED_PROJECT("archived_project",
			"The project is archived: it takes no new clients, and no client moves into it. "
					+ "Its clients can still be updated."),

	ARCHIVED_DESK("archived_desk",
			"The desk is archived: it takes no new clients, and no client moves into it. "
					+ "Its clients can still be updated."),

	OUT_OF_SCOPE("out_of_scope",
			"The row is for a client outside your scope (the projects and desks an admin limited you to), "
					+ "or would put a client into a project or desk outside it, the import defaults' included: "
					+ "it is not imported. Nothing more is said about a client outside your scope."),

	FIELD_COUNT("field_count",
			"The row has a different number of fields than the header; often a missing or extra delimiter or quote."),

	INTERNAL_ERROR("internal_error",
			"The import stopped on an unexpected error or kept conflicting with other imports; nothing was written."),

	CHANGED_SINCE("changed_since",
			"Undo only: the client was changed after the import; it was kept as it is now, as chosen "
					+ "(conflicts=keep)."),

	DELETED_SINCE("deleted_since",
			"Undo only: the client the import updated no longer exists, so there is nothing to put back.");

	private final String code;

	private final String description;

	ErrorCode(String code, String description) {
		this.code = code;
		this.description = description;
	}

	@JsonValue
	public String code() {
		return this.code;
	}

	/** The error code written as {@code code}, as stored and in error reports. */
	public static ErrorCode of(String code) {
		for (ErrorCode candidate : values()) {
			if (candidate.code.equals(code)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("Unknown error code '" + code + "'");
	}

	public String description() {
		return this.description;
	}

}
