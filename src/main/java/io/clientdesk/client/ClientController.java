package io.clientdesk.client;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.clientdesk.organisation.Desk;
import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.organisation.Project;
import io.clientdesk.security.Scope;
import io.clientdesk.web.Pager;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

@Controller
class ClientController {

	private final ClientService clients;

	private final OrganisationService organisation;

	ClientController(ClientService clients, OrganisationService organisation) {
		this.clients = clients;
		this.organisation = organisation;
	}

	/**
	 * The clients list: the whole page, or only its results when htmx asks (search and
	 * filters update the table without a reload).
	 */
	@GetMapping("/clients")
	String list(ClientQuery query, Scope scope, @RequestHeader(name = "HX-Request", required = false) boolean htmx,
			Model model) {
		ClientPage result = this.clients.search(query, scope);
		model.addAttribute("query", query);
		model.addAttribute("result", result);
		model.addAttribute("pager", new Pager(result.page(), result.size(), result.total()));
		// read once each: every query is a wait for a connection and a turn on the CPU,
		// which imports running meanwhile make longer
		List<Project> projects = this.organisation.projects();
		List<Desk> desks = this.organisation.desks();
		// a scoped user filters among their scope's projects and desks, and is told
		model.addAttribute("projects", projects.stream().filter((p) -> scope.includesProject(p.id())).toList());
		model.addAttribute("desks", desks.stream().filter((d) -> scope.includesDesk(d.id())).toList());
		model.addAttribute("scope", scope);
		Map<String, String> projectNames = projects.stream().collect(Collectors.toMap(Project::id, Project::name));
		Map<String, String> deskNames = desks.stream().collect(Collectors.toMap(Desk::id, Desk::name));
		model.addAttribute("projectNames", projectNames);
		model.addAttribute("deskNames", deskNames);
		model.addAttribute("scopeProjects", scope.projects().stream().map(projectNames::get).toList());
		model.addAttribute("scopeDesks", scope.desks().stream().map(deskNames::get).toList());
		model.addAttribute("clientTypes", this.organisation.clientTypes());
		return htmx ? "client/list :: results" : "client/list";
	}

}
