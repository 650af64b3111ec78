package io.clientdesk.importing.web;

import java.util.List;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.Sizes;
import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.organisation.OrganisationService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The file-format documentation page: generated from the columns, limits and error codes
 * the importer itself uses, and the projects and desks as they are now.
 */
@Controller
class FileFormatController {

	private final OrganisationService organisation;

	private final ImportProperties properties;

	FileFormatController(OrganisationService organisation, ImportProperties properties) {
		this.organisation = organisation;
		this.properties = properties;
	}

	@GetMapping("/imports/format")
	String format(Model model) {
		model.addAttribute("columns", List.of(ClientColumn.values()));
		model.addAttribute("errorCodes", List.of(ErrorCode.values()));
		model.addAttribute("projects", this.organisation.projects());
		model.addAttribute("desks", this.organisation.desks());
		model.addAttribute("defaults", this.organisation.importDefaults());
		model.addAttribute("clientTypes", this.organisation.clientTypes());
		model.addAttribute("canonicalHeader", String.join(",", ClientColumn.canonicalHeaders()));
		model.addAttribute("maxRecords", Sizes.count(this.properties.maxRecords()));
		model.addAttribute("maxFileSize", Sizes.bytes(this.properties.maxFileSize().toBytes()));
		return "importing/format";
	}

}
