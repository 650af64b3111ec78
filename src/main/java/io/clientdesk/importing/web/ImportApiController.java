package io.clientdesk.importing.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.clientdesk.importing.file.FileRejectedException;
import io.clientdesk.importing.job.Import;
import io.clientdesk.importing.job.ImportChangePage;
import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.importing.job.ImportService;
import io.clientdesk.importing.job.OnError;
import io.clientdesk.importing.job.Viewer;
import io.clientdesk.importing.rows.DateOrder;
import io.clientdesk.importing.profile.ImportProfileService;
import io.clientdesk.importing.profile.MappingProposal;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.web.ProblemAnswer;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The import's JSON API ({@code /api/imports}).
 */
@RestController
@PreAuthorize("hasRole('MANAGER')")
class ImportApiController {

	private final ImportService imports;

	private final ImportProfileService profiles;

	private final ImportProperties properties;

	ImportApiController(ImportService imports, ImportProfileService profiles, ImportProperties properties) {
		this.imports = imports;
		this.profiles = profiles;
		this.properties = properties;
	}

	@ApiResponse(responseCode = "202", description = "The import, queued; Location names it")
	@ProblemAnswer(status = 413,
			when = "The user's kept uploads would exceed clientdesk.import.max-stored-bytes-per-user")
	@ProblemAnswer(status = 429,
			when = "The user has clientdesk.import.max-queued-per-user imports waiting (Retry-After)")
	@ProblemAnswer(status = 422, when = "No import profile has the name given as profile")
	@PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Import> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "fail") OnError onError,
			@RequestParam(required = false) DateOrder dateFormat, @RequestParam(required = false) String profile,
			Viewer viewer) throws IOException {
		Import view = this.imports.upload(file.getOriginalFilename(), file.getInputStream(), dryRun, onError,
				dateFormat, (profile != null && !profile.isBlank()) ? profile : null, viewer);
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + view.id())).body(view);
	}

	/**
	 * How the file's columns could be read: as they are, by a saved profile, or a
	 * proposal to adjust and save as a profile. Nothing is stored.
	 */
	@PostMapping(path = "/api/imports/mapping-proposal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	MappingProposal proposal(@RequestParam("file") MultipartFile file) throws IOException {
		return this.profiles.propose(file.getOriginalFilename(), file.getInputStream(), this.properties.limits());
	}

	@GetMapping("/api/imports")
	List<Import> list(Viewer viewer) {
		return this.imports.list(viewer);
	}

	@GetMapping("/api/imports/{id}")
	Import get(@PathVariable String id, Viewer viewer) {
		return this.imports.get(id, viewer);
	}

	@ProblemAnswer(status = 410, when = "The error report was deleted after clientdesk.import.retention")
	@GetMapping(path = "/api/imports/{id}/errors.csv", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> errors(@PathVariable String id, Viewer viewer) {
		return ErrorReportCsv.download(id, this.imports.errors(id, viewer));
	}

	@ApiResponse(responseCode = "202", description = "The new import of the dry run's file, queued")
	@ProblemAnswer(status = 409, when = "Not a dry run that succeeded, or committed already")
	@ProblemAnswer(status = 410, when = "The dry run's file was deleted after clientdesk.import.retention")
	@ProblemAnswer(status = 429,
			when = "The user has clientdesk.import.max-queued-per-user imports waiting (Retry-After)")
	@PostMapping("/api/imports/{id}/commit")
	ResponseEntity<Import> commit(@PathVariable String id, Viewer viewer) {
		Import view = this.imports.commit(id, viewer);
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + view.id())).body(view);
	}

	@GetMapping("/api/imports/{id}/changes")
	ImportChangePage changes(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Viewer viewer) {
		if (page < 0 || size < 1 || size > 500) {
			throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "Invalid query",
					"page must be 0 or more and size between 1 and 500", List.of());
		}
		return this.imports.changes(id, page, size, viewer);
	}

	/**
	 * Whole-file rejections: 415 not a CSV, 413 too large, 422 anything else (a bad name,
	 * invalid content, numeric dates and no {@code dateFormat}); each problem named, and
	 * the kind as {@code code}.
	 */
	@ExceptionHandler(FileRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(FileRejectedException ex) {
		return fileRejected(ex);
	}

	/** The answer to a rejected file, for every JSON endpoint that takes one. */
	static ResponseEntity<ProblemDetail> fileRejected(FileRejectedException ex) {
		HttpStatus status = switch (ex.kind()) {
			case NOT_CSV -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case BAD_NAME, INVALID, DATE_ORDER_NEEDED -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		int more = ex.problems().size() - 1;
		String hint = (ex.kind() == FileRejectedException.Kind.DATE_ORDER_NEEDED)
				? ". Pass dateFormat=DMY, MDY or YMD with the upload to say how the file writes its dates" : "";
		ProblemDetail problem = new InvalidRequestException(status, "File rejected", ex.kind().summary() + ": "
				+ ex.problems().get(0).message() + ((more > 0) ? " (and " + more + " more problems)" : "") + hint,
				ex.problems())
			.getBody();
		problem.setProperty("code", ex.kind().code());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
