package io.clientdesk.client;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import io.clientdesk.security.Scope;
import io.clientdesk.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients: the paginated, searchable list, a client by ID, every match for the
 * export, and the clients an import reads and writes.
 */
@Service
public class ClientService {

	private final ClientListRepository list;

	private final ClientBulkRepository bulk;

	private final ClientSearchRepository searchText;

	private final ClientSearchWriter searchTextBeside;

	ClientService(ClientListRepository list, ClientBulkRepository bulk, ClientSearchRepository searchText,
			ClientSearchWriter searchTextBeside) {
		this.list = list;
		this.bulk = bulk;
		this.searchText = searchText;
		this.searchTextBeside = searchTextBeside;
	}

	/**
	 * A page of the list, of the clients in the reader's scope only (and its total).
	 * Without {@code q}, the page is read first: a first page that is not full holds
	 * every match, and is its own total, so the count is not run. (Counting walks the
	 * same index entries as the page: while an import writes a million clients into a
	 * table that has few, each walk meets every one of its rows, not yet committed, and
	 * the count doubled the list's time: docs/performance.md.) With {@code q}, the total
	 * comes first: it decides how the page's matches are found.
	 */
	@Transactional(readOnly = true)
	public ClientPage search(ClientQuery query, Scope scope) {
		if (query.q() == null) {
			List<Client> items = this.list.find(query, scope, false);
			boolean wholeList = query.offset() == 0 && query.cursor() == null && items.size() < query.size();
			return page(query, items,
					wholeList ? new ClientListRepository.Total(items.size(), true) : this.list.count(query, scope));
		}
		ClientListRepository.Total total = this.list.count(query, scope);
		return page(query, this.list.find(query, scope, total.few()), total);
	}

	private static ClientPage page(ClientQuery query, List<Client> items, ClientListRepository.Total total) {
		String next = (items.size() == query.size()) ? ClientCursor.after(items.get(items.size() - 1)).toString()
				: null;
		return new ClientPage(items, query.page(), query.size(), total.value(), total.exact(), next);
	}

	/**
	 * A client by ID; a client outside the reader's scope is not found, as one that does
	 * not exist (nothing tells the two apart).
	 */
	@Transactional(readOnly = true)
	public Client get(String id, Scope scope) {
		return this.list.findById(id)
			.filter((client) -> scope.includes(client.project(), client.desk()))
			.orElseThrow(() -> new NotFoundException("Client", id));
	}

	/**
	 * The clients that have one of the IDs or (lower-case) emails. With {@code lock},
	 * they stay locked until the caller's transaction ends: an import reads and writes
	 * them in one.
	 */
	@Transactional
	public List<Client> findByIdsOrEmails(Collection<String> ids, Collection<String> emails, boolean lock) {
		return this.bulk.findByIdsOrEmails(ids, emails, lock);
	}

	/**
	 * Stores new clients and changed ones, in batches, with their search text, in the
	 * caller's transaction: once it commits, {@code q} finds them as every other read
	 * does (decision 0005). On PostgreSQL their text is handed over first and written on
	 * a connection of its own while their rows are written ({@link ClientSearchWriter}),
	 * committed just before the caller's transaction.
	 */
	@Transactional
	public void save(List<Client> created, List<Client> updated) {
		if (created.isEmpty() && updated.isEmpty()) {
			return;
		}
		boolean beside = this.searchTextBeside.writeBeside(created, updated);
		if (!created.isEmpty()) {
			this.bulk.insertAll(created);
			if (!beside) {
				this.searchText.insert(created);
			}
		}
		if (!updated.isEmpty()) {
			this.bulk.updateAll(updated);
			if (!beside) {
				this.searchText.update(ids(updated));
			}
		}
	}

	/**
	 * After an import of {@code rows} rows (written or found unchanged) committed:
	 * refreshes the database's statistics of the clients when they are stale
	 * ({@link ClientBulkRepository#analyzeAfter}, PostgreSQL), so that the next
	 * statements are planned for the table as it is. Outside any transaction:
	 * {@code ANALYZE} reads what is committed.
	 * @return whether the statistics were refreshed
	 */
	public boolean afterBulkWrite(long rows) {
		return this.bulk.analyzeAfter(rows);
	}

	/**
	 * Deletes clients, with their search text, in the caller's transaction (the undo of
	 * an import deletes the clients it created).
	 */
	@Transactional
	public void delete(Collection<String> ids) {
		if (!ids.isEmpty()) {
			this.bulk.deleteAll(ids);
		}
	}

	private static List<String> ids(List<Client> clients) {
		return clients.stream().map(Client::id).toList();
	}

	/**
	 * Hands every client in the scope that matches the query's filters (its page, size
	 * and cursor are ignored) to the consumer, in the list's order, without holding them
	 * all in memory and without holding a connection while the consumer works: they are
	 * read as the list's pages of {@value ClientQuery#MAX_SIZE} after a cursor (keyset
	 * paging, as fast however deep), each one short statement on a connection taken from
	 * the pool and given back before the consumer sees the page. So a consumer that waits
	 * (the export, writing to a slow reader) keeps nobody else from the database. No
	 * transaction, on purpose: each page is consistent in itself, and a client changed
	 * meanwhile is handed over as it was when its page was read. Since the cursor is the
	 * place of the last client in the order (created, ID), each client is handed over
	 * once, unless an import changes its {@code created} while the export runs: it then
	 * moves in the order and may be handed over twice or not at all.
	 */
	public void forEach(ClientQuery filters, Scope scope, Consumer<Client> consumer) {
		// as the list chooses how to find a search's matches
		boolean fewMatches = filters.q() != null && this.list.count(filters, scope).few();
		String after = null;
		List<Client> page;
		do {
			page = this.list.find(new ClientQuery(0, ClientQuery.MAX_SIZE, filters.q(), filters.project(),
					filters.desk(), filters.active(), filters.type(), after), scope, fewMatches);
			page.forEach(consumer);
			after = page.isEmpty() ? null : ClientCursor.after(page.get(page.size() - 1)).toString();
		}
		while (page.size() == ClientQuery.MAX_SIZE);
	}

}
