package io.clientdesk.client;

import java.util.List;

/**
 * Clients were created or changed (by an import): published in the transaction that wrote
 * them, stored with it by the event publication registry, and handled after it commits by
 * {@link ClientSearchIndexer}.
 */
public record ClientsWritten(List<String> ids) {
}
