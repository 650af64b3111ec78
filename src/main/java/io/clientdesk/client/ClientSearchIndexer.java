package io.clientdesk.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
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

	private static final int PASSES = 6;

	private final ClientSearchRepository searchText;

	private final TransactionTemplate transaction;

	ClientSearchIndexer(ClientSearchRepository searchText, PlatformTransactionManager transactionManager) {
		this.searchText = searchText;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Writes the texts that differ, then, in a new transaction, checks again: done when
	 * nothing differs any more. A concurrent writer of the same rows can make a pass fail
	 * (lock timeout, deadlock, or the other inserted a missing row first); it is then
	 * tried again.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ClientSearchIndexing.EXECUTOR) // on its own threads, not the shared executor
	void on(ClientsWritten written) {
		long start = System.nanoTime();
		for (int pass = 1; pass <= PASSES; pass++) {
			try {
				int changed = this.transaction.execute((status) -> this.searchText.index(written.ids()));
				if (changed == 0) {
					log.debug("Search text of {} clients up to date in {} ms ({} passes)", written.ids().size(),
							(System.nanoTime() - start) / 1_000_000, pass);
					return;
				}
				if (pass > 1) {
					log.info("Search text of {} clients was overwritten by an older one; written again", changed);
				}
			}
			catch (TransientDataAccessException | DuplicateKeyException ex) {
				// a concurrent indexer inserted a row this one meant to insert (MERGE
				// does not
				// lock a key it has not found): the next pass finds the row and updates
				// it
				log.info("Search text of {} clients conflicted with another write (pass {}); trying again",
						written.ids().size(), pass);
				pause(pass);
			}
		}
		// the publication stays incomplete: the registry runs it again at the next start
		throw new IllegalStateException("The search text of " + written.ids().size()
				+ " clients kept changing under the indexer; it will be written at the next start");
	}

	private static void pause(int pass) {
		try {
			Thread.sleep(50L * pass);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
