package io.clientdesk.client;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the clients ({@code clientdesk.client.*}).
 *
 * @param searchIndexerThreads how many threads write the search text of imported clients
 * at once ({@link ClientSearchIndexing}); more only shortens the moment in which a burst
 * of imports is not yet searchable, at the cost of the list's speed meanwhile
 */
@ConfigurationProperties("clientdesk.client")
record ClientProperties(@DefaultValue("1") int searchIndexerThreads) {
}
