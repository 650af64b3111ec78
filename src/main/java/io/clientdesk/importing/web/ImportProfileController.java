package io.clientdesk.importing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.profile.ImportProfile;
import io.clientdesk.importing.profile.ImportProfileService;
import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.Problem;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import profiles pages, for managers: the list, and one profile's page to edit or
 * delete it (profiles are made in the import dialog's mapping step). Forms post, then
 * redirect; a refused one shows the page again with its problems.
 */
@Controller
@PreAuthorize("hasRole('MANAGER')")
class ImportProfileController {

	/** Empty rows for new values of each mapped field on the edit page. */
	static final int NEW_VALUES = 2;

	private final ImportProfileService profiles;

	private final OrganisationService organisation;

	ImportProfileController(ImportProfileService profiles, OrganisationService organisation) {
		this.profiles = profiles;
		this.organisation = organisation;
	}

	@GetMapping("/imports/profiles")
	String list(Model model) {
		model.addAttribute("profiles", this.profiles.list());
		model.addAttribute("fieldLabels", ImportController.FIELD_LABELS);
		return "importing/profiles";
	}

	@GetMapping("/imports/profiles/{name}")
	String edit(@PathVariable String name, Model model) {
		return page(name, this.profiles.get(name), List.of(), model);
	}

	@PostMapping("/imports/profiles/{name}")
	String save(@PathVariable String name, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ImportProfile edited = MappingForm.of(form).profile();
		ImportProfile saved;
		try {
			saved = this.profiles.update(name, edited);
		}
		catch (ErrorResponseException ex) {
			if (ex.getStatusCode().value() == 404) {
				throw ex;
			}
			response.setStatus(ex.getStatusCode().value());
			List<Problem> problems = (ex instanceof InvalidRequestException invalid && !invalid.problems().isEmpty())
					? invalid.problems() : List.of(Problem.of(ex.getBody().getDetail()));
			return page(name, edited, problems, model);
		}
		redirect.addFlashAttribute("saved", "Profile '" + saved.name() + "' saved");
		return "redirect:/imports/profiles";
	}

	@PostMapping("/imports/profiles/{name}/delete")
	String delete(@PathVariable String name, RedirectAttributes redirect) {
		ImportProfile profile = this.profiles.get(name);
		this.profiles.delete(name);
		redirect.addFlashAttribute("saved", "Profile '" + profile.name() + "' deleted");
		return "redirect:/imports/profiles";
	}

	private String page(String name, ImportProfile profile, List<Problem> problems, Model model) {
		model.addAttribute("name", name);
		model.addAttribute("profile", profile);
		model.addAttribute("fields", ClientColumn.canonicalHeaders());
		model.addAttribute("fieldLabels", ImportController.FIELD_LABELS);
		model.addAttribute("valueGroups", valueGroups(profile));
		model.addAttribute("dateFormats", MappingStep.DATE_FORMATS);
		model.addAttribute("problems", problems);
		return "importing/profile";
	}

	/**
	 * For each field of the profile whose values may be mapped, its values and a few
	 * empty rows for new ones.
	 */
	private List<MappingStep.ValueGroup> valueGroups(ImportProfile profile) {
		List<MappingStep.ValueGroup> groups = new ArrayList<>();
		for (String field : List.of("active", "type", "project", "desk")) {
			Map<String, String> values = profile.values().getOrDefault(field, Map.of());
			if (!profile.columns().containsValue(field) && values.isEmpty()) {
				continue;
			}
			List<MappingStep.Value> rows = new ArrayList<>();
			new LinkedHashMap<>(values).forEach((found, stored) -> rows.add(new MappingStep.Value(found, stored)));
			for (int i = 0; i < NEW_VALUES; i++) {
				rows.add(new MappingStep.Value("", ""));
			}
			groups.add(new MappingStep.ValueGroup(field, MappingStep.options(field, this.organisation), rows));
		}
		return groups;
	}

}
