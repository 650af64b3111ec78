package io.clientdesk.importing.job;

import java.util.Map;

/**
 * What an import did to one client: created it ({@code before} is null), or updated it
 * ({@code before} holds the replaced values of the changed fields, {@code after} the new
 * ones), or, for an undo, deleted it ({@code before} holds all its values, {@code after}
 * is null). Field names and values are those of the API's Client.
 */
public record ImportChange(String client, Action action, Map<String, Object> before, Map<String, Object> after) {

	/** What the import did to the client. */
	public enum Action {

		CREATED, UPDATED, DELETED

	}

}
