package io.clientdesk.client;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.clientdesk.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	ClientService(ClientListRepository list, ClientBulkRepository bulk, ApplicationEventPublisher events) {
		this.list = list;
		this.bulk = bulk;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public ClientPage search(ClientQuery query) {
		ClientListRepository.Total total = this.list.count(query);
		List<Client> items = this.list.find(query, total.few());
		String next = (items.size() == query.size()) ? ClientCursor.after(items.get(items.size() - 1)).toString()
				: null;
		return new ClientPage(items, query.page(), query.size(), total.value(), total.exact(), next);
	}

	@Transactional(readOnly = true)
	public Client get(String id) {
		return this.list.findById(id).orElseThrow(() -> new NotFoundException("Client", id));
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
	 * Stores new clients and changed ones, in batches, in the caller's transaction. Their
	 * search text follows once it commits ({@link ClientSearchIndexer}).
	 */
	@Transactional
	public void save(List<Client> created, List<Client> updated) {
		if (!created.isEmpty()) {
			this.bulk.insertAll(created);
		}
		if (!updated.isEmpty()) {
			this.bulk.updateAll(updated);
		}
		if (!created.isEmpty() || !updated.isEmpty()) {
			this.events.publishEvent(
					new ClientsWritten(Stream.concat(created.stream(), updated.stream()).map(Client::id).toList()));
		}
	}

	/**
	 * Hands every client that matches the query's filters (its page and size are ignored)
	 * to the consumer, newest first, without holding them all in memory.
	 */
	@Transactional(readOnly = true)
	public void forEach(ClientQuery filters, Consumer<Client> consumer) {
		this.list.forEach(filters, consumer);
	}

}
