package io.clientdesk.organisation;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrganisationApiController {

	private final OrganisationService organisation;

	OrganisationApiController(OrganisationService organisation) {
		this.organisation = organisation;
	}

	@GetMapping("/api/projects")
	List<Project> projects() {
		return this.organisation.projects();
	}

	@PostMapping("/api/projects")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Project createProject(@Valid @RequestBody NewName body) {
		return this.organisation.createProject(body.name());
	}

	@GetMapping("/api/desks")
	List<Desk> desks() {
		return this.organisation.desks();
	}

	@PostMapping("/api/desks")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Desk createDesk(@Valid @RequestBody NewName body) {
		return this.organisation.createDesk(body.name());
	}

	@GetMapping("/api/settings/import-defaults")
	ImportDefaults importDefaults() {
		return this.organisation.importDefaults();
	}

	@PutMapping("/api/settings/import-defaults")
	@PreAuthorize("hasRole('ADMIN')")
	ImportDefaults updateImportDefaults(@Valid @RequestBody ImportDefaults defaults) {
		return this.organisation.updateImportDefaults(defaults);
	}

}
