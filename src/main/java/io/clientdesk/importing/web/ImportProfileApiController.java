package io.clientdesk.importing.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.clientdesk.importing.job.Viewer;
import io.clientdesk.importing.profile.ImportProfile;
import io.clientdesk.importing.profile.ImportProfileService;
import io.clientdesk.web.ProblemAnswer;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Import profiles in the JSON API ({@code /api/import-profiles}), for managers.
 */
@RestController
@PreAuthorize("hasRole('MANAGER')")
class ImportProfileApiController {

	private final ImportProfileService profiles;

	ImportProfileApiController(ImportProfileService profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/api/import-profiles")
	List<ImportProfile> list() {
		return this.profiles.list();
	}

	@GetMapping("/api/import-profiles/{name}")
	ImportProfile get(@PathVariable String name) {
		return this.profiles.get(name);
	}

	@ApiResponse(responseCode = "201", description = "The profile, saved; Location names it")
	@ProblemAnswer(status = 409, when = "A profile has this name, ignoring case")
	@ProblemAnswer(status = 422,
			when = "An unknown field, a field mapped twice, values of an unknown field, "
					+ "a bad value, name or dateFormat; each named")
	@PostMapping("/api/import-profiles")
	ResponseEntity<ImportProfile> create(@RequestBody ImportProfile body, Viewer viewer) {
		ImportProfile saved = this.profiles.create(body, viewer.username());
		return ResponseEntity.created(location(saved)).body(saved);
	}

	@ProblemAnswer(status = 409, when = "The new name is another profile's, ignoring case")
	@ProblemAnswer(status = 422, when = "As for a new profile")
	@PutMapping("/api/import-profiles/{name}")
	ImportProfile update(@PathVariable String name, @RequestBody ImportProfile body) {
		return this.profiles.update(name, body);
	}

	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/api/import-profiles/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		this.profiles.delete(name);
		return ResponseEntity.noContent().build();
	}

	private static URI location(ImportProfile profile) {
		return URI.create("/api/import-profiles/"
				+ URLEncoder.encode(profile.name(), StandardCharsets.UTF_8).replace("+", "%20"));
	}

}
