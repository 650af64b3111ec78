package io.clientdesk.client;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClientApiController {

	private final ClientService clients;

	ClientApiController(ClientService clients) {
		this.clients = clients;
	}

	@GetMapping("/api/clients")
	ClientPage list(@ParameterObject ClientQuery query) {
		return this.clients.search(query);
	}

	@GetMapping("/api/clients/{id}")
	Client get(@PathVariable String id) {
		return this.clients.get(id);
	}

}
