package io.clientdesk.audit;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditApiController {

	private final AuditLog log;

	AuditApiController(AuditLog log) {
		this.log = log;
	}

	/** {@code ?user=&action=&from=&to=&page=&size=} ({@link AuditQuery#of}). */
	@GetMapping("/api/audit")
	@PreAuthorize("hasRole('ADMIN')")
	AuditPage list(@RequestParam Map<String, String> parameters) {
		return this.log.find(AuditQuery.of(parameters));
	}

}
