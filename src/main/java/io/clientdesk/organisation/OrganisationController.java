package io.clientdesk.organisation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class OrganisationController {

	private final OrganisationService organisation;

	OrganisationController(OrganisationService organisation) {
		this.organisation = organisation;
	}

	@GetMapping("/organisation")
	String organisation(Model model) {
		model.addAttribute("projects", this.organisation.projects());
		model.addAttribute("desks", this.organisation.desks());
		model.addAttribute("defaults", this.organisation.importDefaults());
		model.addAttribute("clientTypes", this.organisation.clientTypes());
		return "organisation/organisation";
	}

}
