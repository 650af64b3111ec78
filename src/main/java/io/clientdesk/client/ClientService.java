package io.clientdesk.client;

import io.clientdesk.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding clients: the paginated, searchable list and a client by ID.
 */
@Service
public class ClientService {

	private final ClientRepository clients;

	ClientService(ClientRepository clients) {
		this.clients = clients;
	}

	@Transactional(readOnly = true)
	public ClientPage search(ClientQuery query) {
		return new ClientPage(this.clients.find(query), query.page(), query.size(), this.clients.count(query));
	}

	@Transactional(readOnly = true)
	public Client get(String id) {
		return this.clients.findById(id).orElseThrow(() -> new NotFoundException("Client", id));
	}

}
