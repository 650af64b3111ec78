package io.clientdesk.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.Problem;
import io.clientdesk.web.Pager;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log's page, for admins: the same filters as {@code GET /api/audit}; the whole
 * page, or only its results when htmx asks.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	/** What a {@code datetime-local} field shows, in UTC, as the page's labels say. */
	private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/audit")
	String list(@RequestParam Map<String, String> parameters,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model,
			HttpServletResponse response) {
		AuditQuery query;
		AuditPage result;
		try {
			query = AuditQuery.of(parameters);
			result = this.log.find(query);
		}
		catch (InvalidRequestException ex) {
			// the page again, saying what is wrong, with what was asked for in the fields
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			query = new AuditQuery(null, null, null, null, 0, AuditQuery.DEFAULT_SIZE);
			result = new AuditPage(List.of(), 0, query.size(), 0);
			model.addAttribute("problems", ex.problems().stream().map(AuditController::sentence).toList());
		}
		model.addAttribute("query", query);
		model.addAttribute("from", field(query.from()));
		model.addAttribute("to", field(query.to()));
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("result", result);
		model.addAttribute("pager", new Pager(result.page(), result.size(), result.total()));
		return htmx ? "audit/list :: results" : "audit/list";
	}

	private static String field(Instant instant) {
		return (instant != null) ? FIELD.format(instant) : null;
	}

	private static String sentence(Problem problem) {
		return (problem.column() != null) ? problem.column() + ": " + problem.message() : problem.message();
	}

}
