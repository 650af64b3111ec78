package io.clientdesk.client;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClientApiController {

	private final ClientService clients;

	ClientApiController(ClientService clients) {
		this.clients = clients;
	}

	@GetMapping("/api/clients")
	ClientPage list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + ClientQuery.DEFAULT_SIZE) int size,
			@RequestParam(required = false) String q, @RequestParam(required = false) String project,
			@RequestParam(required = false) String desk, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String type, @RequestParam(required = false) String after) {
		return this.clients.search(new ClientQuery(page, size, q, project, desk, active, type, after));
	}

	@GetMapping("/api/clients/{id}")
	Client get(@PathVariable String id) {
		return this.clients.get(id);
	}

}
