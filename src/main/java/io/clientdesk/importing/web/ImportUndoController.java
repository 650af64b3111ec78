package io.clientdesk.importing.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.clientdesk.importing.job.Import;
import io.clientdesk.importing.job.ImportService;
import io.clientdesk.importing.job.ImportUndoService;
import io.clientdesk.importing.job.UndoChoice;
import io.clientdesk.importing.job.UndoConflict;
import io.clientdesk.importing.job.UndoConflicts;
import io.clientdesk.importing.job.Viewer;
import io.clientdesk.organisation.Desk;
import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.organisation.Project;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.ObjectIds;
import io.clientdesk.shared.Problem;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Undoing an import in the web UI: from its page, a page that lists the clients changed
 * since the import, where the user chooses for each (keep it as it is now, or restore it)
 * or for all, then the undo's own page, which follows it.
 */
@Controller
@PreAuthorize("hasRole('MANAGER')")
class ImportUndoController {

	/** Changed clients listed with a choice of their own; the others follow "for all". */
	static final int LISTED_CONFLICTS = 200;

	private final ImportService imports;

	private final ImportUndoService undos;

	private final OrganisationService organisation;

	ImportUndoController(ImportService imports, ImportUndoService undos, OrganisationService organisation) {
		this.imports = imports;
		this.undos = undos;
		this.organisation = organisation;
	}

	@GetMapping("/imports/{id}/undo")
	String confirm(@PathVariable String id, Viewer viewer, Model model, RedirectAttributes redirect) {
		Import view = this.imports.get(id, viewer);
		List<UndoConflict> conflicts;
		try {
			conflicts = this.undos.conflicts(id, viewer);
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("problem", ex.getBody().getDetail());
			return "redirect:/imports/" + id;
		}
		model.addAttribute("imp", view);
		model.addAttribute("conflicts", conflicts.stream().limit(LISTED_CONFLICTS).toList());
		model.addAttribute("unlisted", Math.max(0, conflicts.size() - LISTED_CONFLICTS));
		model.addAttribute("conflictCount", conflicts.size());
		model.addAttribute("projectNames",
				this.organisation.projects().stream().collect(Collectors.toMap(Project::id, Project::name)));
		model.addAttribute("deskNames",
				this.organisation.desks().stream().collect(Collectors.toMap(Desk::id, Desk::name)));
		model.addAttribute("fieldLabels", ImportController.FIELD_LABELS);
		return "importing/undo";
	}

	/**
	 * Queues the undo: {@code conflicts} is {@code keep} or {@code restore} for every
	 * changed client, or {@code each}: the clients in {@code restore} are restored, the
	 * others kept.
	 */
	@PostMapping("/imports/{id}/undo")
	String undo(@PathVariable String id, @RequestParam(defaultValue = "keep") String conflicts,
			@RequestParam(defaultValue = "") List<String> restore, Viewer viewer, RedirectAttributes redirect) {
		UndoChoice choice;
		try {
			choice = "each".equalsIgnoreCase(conflicts) ? new UndoChoice(UndoConflicts.KEEP, clientIds(restore))
					: UndoChoice.all(UndoConflicts.of(conflicts));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("Invalid form", List.of(Problem.of("conflicts", ex.getMessage())));
		}
		try {
			return "redirect:/imports/" + this.undos.undo(id, choice, viewer).id();
		}
		catch (ErrorResponseException ex) {
			// undone meanwhile (409), too many imports waiting (429)
			redirect.addFlashAttribute("problem", ex.getBody().getDetail());
			return "redirect:/imports/" + id;
		}
	}

	/** The IDs of the clients chosen for restoring; anything else is ignored. */
	private static Set<String> clientIds(List<String> chosen) {
		return chosen.stream().filter(ObjectIds::isValid).collect(Collectors.toSet());
	}

}
