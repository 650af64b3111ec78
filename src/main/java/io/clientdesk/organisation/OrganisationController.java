package io.clientdesk.organisation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.clientdesk.shared.ConflictException;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Projects & desks page: everybody reads it; admins create, rename and archive
 * projects and desks and edit the import defaults and the client types there. Plain
 * forms, POST then redirect; a refused form is shown again with what was typed and the
 * error next to its field ({@code 422}).
 */
@Controller
class OrganisationController {

	private final OrganisationService organisation;

	private final Validator validator;

	OrganisationController(OrganisationService organisation, Validator validator) {
		this.organisation = organisation;
		this.validator = validator;
	}

	@GetMapping("/organisation")
	String organisation(Model model) {
		List<Project> projects = this.organisation.projects();
		List<Desk> desks = this.organisation.desks();
		model.addAttribute("projects", projects);
		model.addAttribute("desks", desks);
		model.addAttribute("openProjects", projects.stream().filter((p) -> !p.archived()).toList());
		model.addAttribute("openDesks", desks.stream().filter((d) -> !d.archived()).toList());
		model.addAttribute("defaults", this.organisation.importDefaults());
		List<String> clientTypes = this.organisation.clientTypes();
		model.addAttribute("clientTypes", clientTypes);
		model.addAttribute("clientTypeLines", String.join("\n", clientTypes));
		// a refused form: which one, the error of each field, what was typed
		if (!model.containsAttribute("refusedForm")) {
			model.addAttribute("refusedForm", "");
			model.addAttribute("formErrors", Map.of());
			model.addAttribute("formValues", Map.of());
		}
		return "organisation/organisation";
	}

	@PostMapping("/organisation/projects")
	String createProject(@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> values = Map.of("name", name);
		return attempt("new-project", values, () -> {
			checked(new NewName(name));
			Project project = this.organisation.createProject(name);
			return "Project '" + project.name() + "' created";
		}, model, response, redirect);
	}

	@PostMapping("/organisation/desks")
	String createDesk(@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> values = Map.of("name", name);
		return attempt("new-desk", values, () -> {
			checked(new NewName(name));
			Desk desk = this.organisation.createDesk(name);
			return "Desk '" + desk.name() + "' created";
		}, model, response, redirect);
	}

	@PostMapping("/organisation/projects/{id}")
	String changeProject(@PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) Boolean archived, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return attempt("project-" + id, (name != null) ? Map.of("name", name) : Map.of(), () -> {
			UnitChange change = checked(new UnitChange(name, archived));
			Project project = this.organisation.changeProject(id, change);
			return "Project '" + project.name() + "' " + done(change);
		}, model, response, redirect);
	}

	@PostMapping("/organisation/desks/{id}")
	String changeDesk(@PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) Boolean archived, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return attempt("desk-" + id, (name != null) ? Map.of("name", name) : Map.of(), () -> {
			UnitChange change = checked(new UnitChange(name, archived));
			Desk desk = this.organisation.changeDesk(id, change);
			return "Desk '" + desk.name() + "' " + done(change);
		}, model, response, redirect);
	}

	@PostMapping("/organisation/import-defaults")
	String updateImportDefaults(@RequestParam(defaultValue = "") String project,
			@RequestParam(defaultValue = "") String desk, @RequestParam(defaultValue = "true") boolean active,
			@RequestParam(defaultValue = "") String type, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> values = Map.of("project", project, "desk", desk, "active", Boolean.toString(active),
				"type", type);
		return attempt("defaults", values, () -> {
			this.organisation.updateImportDefaults(checked(new ImportDefaults(project, desk, active, type)));
			return "Import defaults saved";
		}, model, response, redirect);
	}

	/** The client types, one per line. */
	@PostMapping("/organisation/client-types")
	String replaceClientTypes(@RequestParam(defaultValue = "") String types, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return attempt("types", Map.of("types", types), () -> {
			List<String> list = Arrays.stream(types.split("\r?\n|\r")).filter((line) -> !line.isBlank()).toList();
			List<String> saved = this.organisation.replaceClientTypes(list);
			return "Client types saved: " + String.join(", ", saved);
		}, model, response, redirect);
	}

	private static String done(UnitChange change) {
		if (change.archived() == null) {
			return "renamed";
		}
		return change.archived() ? "archived" : "taken out of the archive";
	}

	/**
	 * Carries out a form's change: then back to the page with what was done; refused, the
	 * page again with the errors next to their fields and what was typed.
	 */
	private String attempt(String form, Map<String, String> values, Supplier<String> change, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			redirect.addFlashAttribute("saved", change.get());
			return "redirect:/organisation";
		}
		catch (InvalidRequestException ex) {
			for (Problem problem : ex.problems()) {
				errors.merge((problem.column() != null) ? problem.column() : "form", problem.message(),
						(a, b) -> a + "; " + b);
			}
			if (errors.isEmpty()) {
				errors.put("form", ex.getBody().getDetail());
			}
		}
		catch (ConflictException ex) {
			errors.put(conflicting(form, values), ex.getBody().getDetail());
		}
		model.addAttribute("refusedForm", form);
		model.addAttribute("formErrors", errors);
		model.addAttribute("formValues", values);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return organisation(model);
	}

	/** The field a conflict is shown next to. */
	private static String conflicting(String form, Map<String, String> values) {
		if (values.containsKey("name")) {
			return "name";
		}
		if (values.containsKey("types")) {
			return "types";
		}
		return (form.startsWith("project-") || form.startsWith("desk-")) ? "archived" : "form";
	}

	/** The body as the API would check it, refused with the same messages. */
	private <T> T checked(T body) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(body);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException("The form is not valid",
					violations.stream()
						.map((v) -> Problem.of(v.getPropertyPath().toString(), v.getMessage()))
						.sorted((a, b) -> a.column().compareTo(b.column()))
						.toList());
		}
		return body;
	}

}
