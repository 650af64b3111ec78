package io.clientdesk.importing;

/**
 * An import (or a dry run) has ended; published in the transaction that ends it.
 */
public record ImportFinished(String importId, String fileName, String username, ImportStatus status, boolean dryRun,
		int imported, int failed, String errorReport) {
}
