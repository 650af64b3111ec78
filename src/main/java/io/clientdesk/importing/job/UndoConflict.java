package io.clientdesk.importing.job;

import java.util.Map;

/**
 * A client that was changed after the import: undoing the import would overwrite that
 * change (or delete a client the import created and someone edited since). For the fields
 * concerned: their values before the import ({@code before}, null for a client the import
 * created), as the import wrote them ({@code imported}) and as they are now
 * ({@code current}).
 */
public record UndoConflict(String client, ImportChange.Action action, Map<String, Object> before,
		Map<String, Object> imported, Map<String, Object> current) {
}
