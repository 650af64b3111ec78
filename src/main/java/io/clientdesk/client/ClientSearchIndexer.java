package io.clientdesk.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the search text of written clients up to date, right after the transaction that
 * wrote them commits, so that the import itself does not pay for the search index
 * (decision 0005). Until it has run, {@code q} may miss those clients (typically for less
 * than a second); it never shows a client that does not match, since the list checks the
 * client's own fields too. If the server stops first, the event publication registry runs
 * it again at the next start.
 */
@Component
class ClientSearchIndexer {

	private static final Logger log = LoggerFactory.getLogger(ClientSearchIndexer.class);

	private static final int ATTEMPTS = 5;

	private final ClientRepository clients;

	private final TransactionTemplate transaction;

	ClientSearchIndexer(ClientRepository clients, PlatformTransactionManager transactionManager) {
		this.clients = clients;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * One transaction per write: a concurrent writer of the same rows can make it fail
	 * (lock timeout, deadlock), and it is then tried again.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ClientsWritten written) {
		long start = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			try {
				this.transaction.executeWithoutResult((status) -> this.clients.index(written.ids()));
				Long stale = this.transaction.execute((status) -> this.clients.countStaleSearchText(written.ids()));
				if (stale == 0) {
					log.debug("Search text of {} clients written in {} ms", written.ids().size(),
							(System.nanoTime() - start) / 1_000_000);
					return;
				}
				log.info("Search text of {} clients was overwritten by an older one; writing it again", stale);
			}
			catch (TransientDataAccessException ex) {
				log.info("Search text of {} clients conflicted with another write (attempt {}); trying again",
						written.ids().size(), attempt);
				if (attempt == ATTEMPTS) {
					throw ex; // left for the registry to run again at the next start
				}
			}
			if (attempt == ATTEMPTS) {
				throw new IllegalStateException("The search text of " + written.ids().size()
						+ " clients kept changing under the indexer; it will be written at the next start");
			}
			pause(attempt);
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(50L * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
