package io.clientdesk.importing.web;

import io.clientdesk.importing.job.ImportCorrections;
import io.clientdesk.importing.job.ImportService;
import io.clientdesk.importing.job.Viewer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The grid of an import's rows with errors, loaded into the import's page once the import
 * has ended with some: each row's cells, the bad ones marked with their reason, to be
 * corrected or dropped before a new check or import (static/js/corrections.js).
 */
@Controller
@PreAuthorize("hasRole('MANAGER')")
class CorrectionGridController {

	private final ImportService imports;

	private final ImportCorrections corrections;

	CorrectionGridController(ImportService imports, ImportCorrections corrections) {
		this.imports = imports;
		this.corrections = corrections;
	}

	@GetMapping("/imports/{id}/grid")
	String grid(@PathVariable String id, Viewer viewer, Model model) {
		model.addAttribute("imp", this.imports.get(id, viewer));
		model.addAttribute("sheet", this.corrections.sheet(id, viewer));
		model.addAttribute("shownAtMost", ImportCorrections.SHEET_ROWS);
		return "importing/grid :: grid";
	}

}
