package io.clientdesk.importing.job;

import java.util.List;

/**
 * A page of what an import changed.
 */
public record ImportChangePage(List<ImportChange> items, int page, int size, long total) {
}
