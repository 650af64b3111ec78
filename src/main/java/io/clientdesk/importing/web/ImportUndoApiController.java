package io.clientdesk.importing.web;

import java.net.URI;
import java.util.List;

import io.clientdesk.importing.job.Import;
import io.clientdesk.importing.job.ImportUndoService;
import io.clientdesk.importing.job.UndoChoice;
import io.clientdesk.importing.job.UndoConflict;
import io.clientdesk.importing.job.UndoConflicts;
import io.clientdesk.importing.job.Viewer;
import io.clientdesk.web.ProblemAnswer;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Undoing an import through the JSON API: the clients changed since it, and the undo.
 */
@RestController
@PreAuthorize("hasRole('MANAGER')")
class ImportUndoApiController {

	private final ImportUndoService undos;

	ImportUndoApiController(ImportUndoService undos) {
		this.undos = undos;
	}

	@ApiResponse(responseCode = "202", description = "The undo, an import of kind UNDO, queued; Location names it")
	@ProblemAnswer(status = 409,
			when = "The import wrote nothing, has not ended, is an undo, or is undone (or being undone) already")
	@ProblemAnswer(status = 429,
			when = "The user has clientdesk.import.max-queued-per-user imports waiting (Retry-After)")
	@PostMapping("/api/imports/{id}/undo")
	ResponseEntity<Import> undo(@PathVariable String id, @RequestParam(defaultValue = "keep") UndoConflicts conflicts,
			Viewer viewer) {
		Import undo = this.undos.undo(id, UndoChoice.all(conflicts), viewer);
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + undo.id())).body(undo);
	}

	@ProblemAnswer(status = 409, when = "The import cannot be undone (as for the undo)")
	@GetMapping("/api/imports/{id}/undo/conflicts")
	List<UndoConflict> conflicts(@PathVariable String id, Viewer viewer) {
		return this.undos.conflicts(id, viewer);
	}

}
