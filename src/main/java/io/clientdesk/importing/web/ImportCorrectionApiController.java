package io.clientdesk.importing.web;

import java.net.URI;
import java.util.List;

import io.clientdesk.importing.file.FileRejectedException;
import io.clientdesk.importing.file.RowCorrection;
import io.clientdesk.importing.job.Import;
import io.clientdesk.importing.job.ImportCorrections;
import io.clientdesk.importing.job.OnError;
import io.clientdesk.importing.job.Viewer;
import io.clientdesk.web.ProblemAnswer;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrections of an import's rows with errors, as JSON, and the file an import read: from
 * scripts ({@code /api/imports/{id}/corrections}, HTTP Basic) and from the grid on the
 * import's page ({@code /imports/{id}/corrections}, under the session and its CSRF
 * token). Both answer the new import, or the problem in JSON.
 */
@RestController
@PreAuthorize("hasRole('MANAGER')")
class ImportCorrectionApiController {

	private final ImportCorrections corrections;

	ImportCorrectionApiController(ImportCorrections corrections) {
		this.corrections = corrections;
	}

	@ApiResponse(responseCode = "202",
			description = "The import (or check) of the corrected file, queued; Location names it")
	@ProblemAnswer(status = 409, when = "The import has no rows with errors, or has not ended")
	@ProblemAnswer(status = 410, when = "The import's file was deleted after clientdesk.import.retention")
	@ProblemAnswer(status = 413,
			when = "The corrected file is too large, or the user's kept uploads would exceed"
					+ " clientdesk.import.max-stored-bytes-per-user")
	@ProblemAnswer(status = 422,
			when = "A correction names no row or column of the file, or the corrected file"
					+ " is rejected as an upload would be (a formula, markup)")
	@ProblemAnswer(status = 429,
			when = "The user has clientdesk.import.max-queued-per-user imports waiting (Retry-After)")
	@PostMapping(path = { "/api/imports/{id}/corrections", "/imports/{id}/corrections" },
			consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Import> correct(@PathVariable String id, @RequestBody CorrectionRequest request, Viewer viewer) {
		Import view = this.corrections.correct(id, request.rows(), Boolean.TRUE.equals(request.dryRun()),
				request.onError(), viewer);
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + view.id())).body(view);
	}

	@ApiResponse(responseCode = "200", description = "The file as stored: as uploaded, or the corrected file")
	@ProblemAnswer(status = 410, when = "The file was deleted after clientdesk.import.retention")
	@GetMapping(path = { "/api/imports/{id}/file", "/imports/{id}/file" }, produces = "text/csv")
	ResponseEntity<byte[]> file(@PathVariable String id, Viewer viewer) {
		byte[] content = this.corrections.file(id, viewer); // the ID is known once it is
															// found
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + ".csv\"")
			.body(content);
	}

	@ExceptionHandler(FileRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(FileRejectedException ex) {
		return ImportApiController.fileRejected(ex);
	}

	/**
	 * The rows corrected or dropped; a check ({@code dryRun}) or an import; what to do
	 * with rows still in error (the import's choice where absent).
	 */
	record CorrectionRequest(List<RowCorrection> rows, Boolean dryRun, OnError onError) {
	}

}
