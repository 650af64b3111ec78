package io.clientdesk.importing.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import io.clientdesk.importing.file.FileRejectedException;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.importing.file.Sizes;
import io.clientdesk.importing.job.Import;
import io.clientdesk.importing.job.ImportChangePage;
import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.importing.job.ImportService;
import io.clientdesk.importing.job.OnError;
import io.clientdesk.importing.job.Viewer;
import io.clientdesk.importing.rows.DateOrder;
import io.clientdesk.importing.profile.ImportProfileService;
import io.clientdesk.importing.profile.MappingProposal;
import io.clientdesk.organisation.Desk;
import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.organisation.Project;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.LimitReachedException;
import io.clientdesk.shared.NotFoundException;
import io.clientdesk.shared.Problem;
import io.clientdesk.web.PageEvent;
import io.clientdesk.web.Pager;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import in the web UI: the dialog on the clients list (upload, dry run, following an
 * import until it ends), the imports history and one import's page. Same service as the
 * API, under the session (the API takes HTTP Basic only).
 */
@Controller
@PreAuthorize("hasRole('MANAGER')")
class ImportController {

	static final int PAGE_SIZE = 50;

	/**
	 * Errors shown in the dialog; the rest are in the report and on the import's page.
	 */
	static final int DIALOG_ERRORS = 5;

	private final ImportService imports;

	private final OrganisationService organisation;

	private final ImportProperties properties;

	private final ImportProfileService profiles;

	ImportController(ImportService imports, OrganisationService organisation, ImportProperties properties,
			ImportProfileService profiles) {
		this.profiles = profiles;
		this.imports = imports;
		this.organisation = organisation;
		this.properties = properties;
	}

	/** The content of the import dialog, loaded by the clients list. */
	@GetMapping("/imports/dialog")
	String dialog(Model model) {
		model.addAttribute("maxRecords", Sizes.count(this.properties.maxRecords()));
		model.addAttribute("maxFileSize", Sizes.bytes(this.properties.maxFileSize().toBytes()));
		return "importing/dialog :: content";
	}

	@GetMapping("/imports")
	String list(@RequestHeader(name = "HX-Request", required = false) boolean htmx, Viewer viewer, Model model) {
		List<Import> all = this.imports.list(viewer);
		model.addAttribute("imports", all);
		model.addAttribute("running", all.stream().anyMatch((i) -> !i.status().isFinished()));
		return htmx ? "importing/list :: table" : "importing/list";
	}

	/**
	 * Accepts a file from the dialog: the import's status, which then follows it; or,
	 * where the file is rejected as a whole, its problems (and nothing is stored). A file
	 * whose headers the importer does not know is read by the saved profile with the same
	 * headers, or gets the mapping step; the step's "Save and upload" saves the profile
	 * (the step again with its problems, if refused) and uploads by it.
	 */
	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "fail") OnError onError,
			@RequestParam(required = false) DateOrder dateFormat, @RequestParam MultiValueMap<String, String> form,
			Viewer viewer, Model model, HttpServletResponse response) throws IOException {
		if (file == null || (file.isEmpty() && isBlank(file.getOriginalFilename()))) {
			return rejected(List.of(Problem.of("Choose a CSV file first.")), null, model, response);
		}
		Import view;
		try {
			String profile = null;
			if ("true".equals(form.getFirst("saveProfile"))) {
				MappingForm mapping = MappingForm.of(form);
				try {
					profile = this.profiles.create(mapping.profile(), viewer.username()).name();
				}
				catch (ErrorResponseException ex) {
					return mappingStep(file, mapping, problems(ex), model, response);
				}
			}
			else if (MappingForm.of(form).present()) {
				// Upload or Check file pressed on the mapping step: the step stays until
				// saved
				return mappingStep(file, MappingForm.of(form), List.of(), model, response);
			}
			else {
				MappingProposal proposal = this.profiles.propose(file.getOriginalFilename(), file.getInputStream(),
						this.properties.limits());
				if (proposal.profile() != null) {
					profile = proposal.profile();
				}
				else if (!proposal.known()) {
					return mappingStep(file, null, List.of(), model, response);
				}
			}
			view = this.imports.upload(file.getOriginalFilename(), file.getInputStream(), dryRun, onError, dateFormat,
					profile, viewer);
		}
		catch (FileRejectedException ex) {
			// the dialog's date order select is marked, to be chosen before uploading
			// again
			model.addAttribute("dateOrderNeeded", ex.kind() == FileRejectedException.Kind.DATE_ORDER_NEEDED);
			return rejected(ex.problems(), ex.kind().summary(), model, response);
		}
		catch (LimitReachedException ex) {
			return rejected(List.of(Problem.of(ex.getBody().getDetail())), "Limit reached", model, response);
		}
		response.setHeader("HX-Trigger", PageEvent.UPLOAD_ACCEPTED.eventName());
		return status(view, viewer, model);
	}

	/**
	 * The mapping step again, with the columns as chosen so far: a field chosen for a
	 * column brings its values to map.
	 */
	@PostMapping(path = "/imports/mapping", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String mapping(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return rejected(List.of(Problem.of("Choose a CSV file first.")), null, model, response);
		}
		try {
			return mappingStep(file, MappingForm.of(form), List.of(), model, response);
		}
		catch (FileRejectedException ex) {
			return rejected(ex.problems(), ex.kind().summary(), model, response);
		}
	}

	/**
	 * What the dialog says of a file as soon as it is chosen: that a saved profile maps
	 * its columns, or that they will be mapped at upload; nothing for the importer's own.
	 */
	@PostMapping(path = "/imports/detect", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String detect(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		MappingProposal proposal = null;
		if (file != null && !file.isEmpty()) {
			try {
				proposal = this.profiles.propose(file.getOriginalFilename(), file.getInputStream(),
						this.properties.limits());
			}
			catch (FileRejectedException ex) {
				// the upload says why
			}
		}
		model.addAttribute("proposal", proposal);
		return "importing/dialog :: detected";
	}

	private String mappingStep(MultipartFile file, MappingForm form, List<Problem> problems, Model model,
			HttpServletResponse response) throws IOException {
		var preview = this.profiles.preview(file.getOriginalFilename(), file.getInputStream(),
				this.properties.limits());
		MappingProposal proposal = (form != null && form.present()) ? this.profiles.propose(preview, form.columns())
				: this.profiles.propose(preview);
		model.addAttribute("step", MappingStep.of(proposal, form, this.organisation, problems));
		model.addAttribute("dateFormats", MappingStep.DATE_FORMATS);
		model.addAttribute("fieldLabels", FIELD_LABELS);
		response.setStatus(problems.isEmpty() ? 200 : 422);
		return "importing/dialog :: mapping";
	}

	private static List<Problem> problems(ErrorResponseException ex) {
		if (ex instanceof InvalidRequestException invalid && !invalid.problems().isEmpty()) {
			return invalid.problems();
		}
		return List.of(Problem.of((ex.getBody().getDetail() != null) ? ex.getBody().getDetail() : "Not saved"));
	}

	/**
	 * A multipart body that cannot be parsed (a NUL in the file name, no boundary), or
	 * one over the server's ceiling: the dialog says so, as for a rejected file.
	 */
	@ExceptionHandler(MultipartException.class)
	String unreadableUpload(MultipartException ex, Model model, HttpServletResponse response) {
		String problem = (ex instanceof MaxUploadSizeExceededException)
				? "The upload is larger than the server accepts; files may have at most "
						+ Sizes.bytes(this.properties.maxFileSize().toBytes()) + "."
				: "Send the file again; if it keeps failing, check that its name has no unusual characters.";
		return rejected(List.of(Problem.of(problem)), "The upload could not be read", model, response);
	}

	/** The import's state in the dialog; polled until the import ends. */
	@GetMapping("/imports/{id}/status")
	String status(@PathVariable String id, Viewer viewer, Model model, HttpServletResponse response) {
		Import view = this.imports.get(id, viewer);
		if (view.status().isFinished() && !view.dryRun()) {
			response.setHeader("HX-Trigger", PageEvent.IMPORT_FINISHED.eventName());
		}
		return status(view, viewer, model);
	}

	/**
	 * Imports a clean dry run for real: from the dialog (htmx, answers the new import's
	 * status), or from the import's page or the bell (a form, answers a redirect).
	 */
	@PostMapping("/imports/{id}/commit")
	String commit(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) boolean htmx,
			Viewer viewer, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Import committed;
		try {
			committed = this.imports.commit(id, viewer);
		}
		catch (ErrorResponseException ex) {
			// already committed (409), its file deleted (410), too many imports waiting
			// (429)
			String detail = (ex.getBody().getDetail() != null) ? ex.getBody().getDetail() : "It cannot be imported.";
			if (htmx) {
				return rejected(List.of(Problem.of(detail)), "This check cannot be imported", model, response);
			}
			redirect.addFlashAttribute("problem", detail);
			return "redirect:/imports/" + id;
		}
		if (htmx) {
			return status(committed, viewer, model);
		}
		return "redirect:/imports/" + committed.id();
	}

	@GetMapping("/imports/{id}")
	String detail(@PathVariable String id, @RequestParam(defaultValue = "0") int errorsPage,
			@RequestParam(defaultValue = "0") int changesPage, Viewer viewer, Model model) {
		Import view = this.imports.get(id, viewer);
		List<RowError> errors = kept(view) ? this.imports.errors(id, viewer) : List.of();
		Pager errorPager = new Pager(Math.max(errorsPage, 0), PAGE_SIZE, errors.size());
		ImportChangePage changes = this.imports.changes(id, Math.max(changesPage, 0), PAGE_SIZE, viewer);
		model.addAttribute("imp", view);
		model.addAttribute("earlier", earlier(view, viewer));
		model.addAttribute("errors",
				errors.stream().skip((long) errorPager.page() * PAGE_SIZE).limit(PAGE_SIZE).toList());
		model.addAttribute("errorPager", errorPager);
		model.addAttribute("changes", changes.items());
		model.addAttribute("changePager", new Pager(changes.page(), changes.size(), changes.total()));
		model.addAttribute("errorsPage", errorPager.page());
		model.addAttribute("changesPage", changes.page());
		model.addAttribute("projectNames",
				this.organisation.projects().stream().collect(Collectors.toMap(Project::id, Project::name)));
		model.addAttribute("deskNames",
				this.organisation.desks().stream().collect(Collectors.toMap(Desk::id, Desk::name)));
		model.addAttribute("fieldLabels", FIELD_LABELS);
		model.addAttribute("retentionDays", this.properties.retention().toDays());
		return "importing/detail";
	}

	/** The error report, as the API gives it, for people logged in to the UI. */
	@GetMapping(path = "/imports/{id}/errors.csv", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> errorReport(@PathVariable String id, Viewer viewer) {
		return ErrorReportCsv.download(id, this.imports.errors(id, viewer));
	}

	private String status(Import view, Viewer viewer, Model model) {
		model.addAttribute("imp", view);
		model.addAttribute("earlier", earlier(view, viewer));
		List<RowError> errors = view.status().isFinished() && view.failed() > 0 && kept(view)
				? this.imports.errors(view.id(), viewer) : List.of();
		model.addAttribute("errors", errors.stream().limit(DIALOG_ERRORS).toList());
		model.addAttribute("moreErrors", Math.max(0, errors.size() - DIALOG_ERRORS));
		return "importing/dialog :: status";
	}

	private static String rejected(List<Problem> problems, String summary, Model model, HttpServletResponse response) {
		response.setStatus(422);
		model.addAttribute("summary", (summary != null) ? summary : "The file cannot be imported");
		model.addAttribute("problems", problems);
		return "importing/dialog :: rejected";
	}

	/**
	 * The earlier import with the same content, as far as the user may see it: its time,
	 * or only that there is one.
	 */
	private EarlierImport earlier(Import view, Viewer viewer) {
		if (view.sameFileAs() == null) {
			return null;
		}
		try {
			Import other = this.imports.get(view.sameFileAs(), viewer);
			return new EarlierImport(other.id(), other.fileName(), other.createdAt());
		}
		catch (NotFoundException ex) {
			return new EarlierImport(null, null, null);
		}
	}

	/** Whether the retention has left the import's file and errors. */
	private static boolean kept(Import view) {
		return view.filesDeletedAt() == null;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	/** Names of a client's fields, as the changes of an import show them. */
	static final Map<String, String> FIELD_LABELS = Map.of("id", "ID", "firstName", "First name", "lastName",
			"Last name", "email", "Email", "project", "Project", "desk", "Desk", "active", "Active", "type", "Type",
			"created", "Created");

	/**
	 * An earlier import of the same file; {@code id} is null where the user may not see
	 * it.
	 */
	record EarlierImport(String id, String fileName, Instant createdAt) {

	}

}
