package io.clientdesk.importing;

/**
 * An import (or a dry run) has ended; published in the transaction that ends it. It
 * carries the facts only: who reads it builds its own words and links from them.
 * {@code imported} counts the rows that were (or, in a dry run, would be) created,
 * updated or left unchanged; {@code failed} the rows with errors.
 */
public record ImportFinished(String importId, String fileName, String username, ImportStatus status, boolean dryRun,
		int imported, int failed) {
}
