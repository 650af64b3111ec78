package io.clientdesk.organisation;

import java.util.List;

import jakarta.validation.Valid;

import io.clientdesk.web.ProblemAnswer;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
	@ProblemAnswer(status = 409, when = "A project has this name, ignoring case (an archived one included)")
	Project createProject(@Valid @RequestBody NewName body) {
		return this.organisation.createProject(body.name());
	}

	@PatchMapping("/api/projects/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@ProblemAnswer(status = 409,
			when = "Another project has this name, ignoring case; or archiving the project " + "of the import defaults")
	Project changeProject(@PathVariable String id, @Valid @RequestBody UnitChange body) {
		return this.organisation.changeProject(id, body);
	}

	@GetMapping("/api/desks")
	List<Desk> desks() {
		return this.organisation.desks();
	}

	@PostMapping("/api/desks")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	@ProblemAnswer(status = 409, when = "A desk has this name, ignoring case (an archived one included)")
	Desk createDesk(@Valid @RequestBody NewName body) {
		return this.organisation.createDesk(body.name());
	}

	@PatchMapping("/api/desks/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@ProblemAnswer(status = 409,
			when = "Another desk has this name, ignoring case; or archiving the desk of the import defaults")
	Desk changeDesk(@PathVariable String id, @Valid @RequestBody UnitChange body) {
		return this.organisation.changeDesk(id, body);
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

	@GetMapping("/api/settings/client-types")
	List<String> clientTypes() {
		return this.organisation.clientTypes();
	}

	@PutMapping("/api/settings/client-types")
	@PreAuthorize("hasRole('ADMIN')")
	@ProblemAnswer(status = 409, when = "The list leaves out the type of the import defaults")
	List<String> replaceClientTypes(@RequestBody List<String> types) {
		return this.organisation.replaceClientTypes(types);
	}

}
