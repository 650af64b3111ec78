package io.clientdesk.client;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestClients;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search indexer under a concurrent writer of the same search rows, as two imports of
 * the same clients give it: it finishes its work, with the client's current text.
 */
@IntegrationTest
class ClientSearchIndexerIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClients clients;

	@Autowired
	ClientSearchRepository searchText;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void writes_the_search_text_when_another_indexer_inserts_the_same_row_first() throws Exception {
		String id = this.clients.insert("Zoë", "Concurrent", "zoe." + ObjectIds.next() + "@example.com",
				this.clients.defaultProject(), this.clients.defaultDesk(), true, "Personal", Instant.now());
		this.jdbc.sql("delete from client_search where client_id = ?").param(id).update();
		// the indexer called directly: the event listener's proxy would run it on another
		// thread
		ClientSearchIndexer indexer = new ClientSearchIndexer(this.searchText, this.transactions);
		TransactionTemplate other = new TransactionTemplate(this.transactions);

		CompletableFuture<Void> indexing = other.execute((status) -> {
			// another indexer's row, not yet committed: ours waits on the key, then finds
			// it taken
			this.jdbc.sql("insert into client_search (client_id, search_text) values (?, 'stale')").param(id).update();
			CompletableFuture<Void> running = CompletableFuture
				.runAsync(() -> indexer.on(new ClientsWritten(List.of(id))));
			sleep(500);
			return running;
		});
		indexing.get(30, TimeUnit.SECONDS);

		assertThat(this.jdbc.sql("select search_text from client_search where client_id = ?")
			.param(id)
			.query(String.class)
			.single()).startsWith("zoë\nconcurrent\nzoe.");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
