package io.clientdesk.importing.job;

import java.util.Set;

/**
 * What an undo does with the clients changed since the import: {@code conflicts} for all,
 * except the clients in {@code restore}, which are restored although the choice is to
 * keep (chosen row by row on the import's page).
 */
public record UndoChoice(UndoConflicts conflicts, Set<String> restore) {

	public UndoChoice {
		restore = Set.copyOf(restore);
	}

	public static UndoChoice all(UndoConflicts conflicts) {
		return new UndoChoice(conflicts, Set.of());
	}

	boolean restores(String clientId) {
		return this.conflicts == UndoConflicts.RESTORE || this.restore.contains(clientId);
	}

}
