package io.clientdesk.audit;

/**
 * What an audit entry records. Stored by name: a new action needs no migration.
 */
public enum AuditAction {

	/** A successful login: every form login, an API (HTTP Basic) login once a while. */
	LOGIN,

	/** Wrong credentials, or a user who cannot log in; the actor is the name tried. */
	LOGIN_FAILED,

	/** A login attempt refused unchecked because of too many failures. */
	LOGIN_THROTTLED,

	USER_CREATED,

	/**
	 * A user's role, enabled state or password changed (before the actions below; kept
	 * for the entries written then).
	 */
	USER_CHANGED,

	/** An admin gave a user another role; {@code from} and {@code to} in the details. */
	USER_ROLE_CHANGED,

	/** An admin disabled a user: no login, their sessions ended. */
	USER_DISABLED,

	/** An admin enabled a disabled user again. */
	USER_ENABLED,

	/** An admin set a user's password (the password itself is never recorded). */
	USER_PASSWORD_RESET,

	/**
	 * An admin limited a user to some projects and desks, or lifted the limit; the new
	 * scope's IDs in the details ({@code any}: no limit).
	 */
	USER_SCOPE_CHANGED,

	/** A user changed their own password. */
	PASSWORD_CHANGED,

	PROJECT_CREATED,

	/**
	 * A project renamed, archived or taken out of the archive; what changed in the
	 * details.
	 */
	PROJECT_CHANGED,

	DESK_CREATED,

	/**
	 * A desk renamed, archived or taken out of the archive; what changed in the details.
	 */
	DESK_CHANGED,

	/**
	 * The import defaults (target import-defaults) or the client types (client-types)
	 * changed.
	 */
	SETTINGS_CHANGED,

	/** A file accepted for an import or a dry run; the target is the import. */
	IMPORT_UPLOADED,

	/** A dry run imported for real; the target is the new import. */
	IMPORT_COMMITTED,

	/** An import ended; its outcome and counts in the details. */
	IMPORT_FINISHED,

	/**
	 * The undo of an import asked for; the target is the undo, the undone import and the
	 * choice for conflicts in the details.
	 */
	IMPORT_UNDO_REQUESTED,

	/** The undo of an import ended; its outcome and counts in the details. */
	IMPORT_UNDONE,

	/** An export ended: its filters and how many rows it wrote. */
	CLIENTS_EXPORTED;

	/** Whether the entry's target is an import's ID. */
	public boolean aboutAnImport() {
		return this == IMPORT_UPLOADED || this == IMPORT_COMMITTED || this == IMPORT_FINISHED
				|| this == IMPORT_UNDO_REQUESTED || this == IMPORT_UNDONE;
	}

}
