package io.clientdesk.client;

import io.clientdesk.security.Scope;
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
	ClientPage list(@ParameterObject ClientQuery query, Scope scope) {
		return this.clients.search(query, scope);
	}

	@GetMapping("/api/clients/{id}")
	Client get(@PathVariable String id, Scope scope) {
		return this.clients.get(id, scope);
	}

}
