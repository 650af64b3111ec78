package io.clientdesk.importing;

/**
 * The undo of an import has ended; published in the transaction that ends it.
 * {@code undone} counts the clients it deleted or restored, {@code kept} the rows it left
 * as they are and reported (changed since the import, or not restorable).
 */
public record ImportUndone(String undoId, String undoneId, String fileName, String username, ImportStatus status,
		int undone, int kept) {
}
