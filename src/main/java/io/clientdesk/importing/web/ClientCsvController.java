package io.clientdesk.importing.web;

import java.io.IOException;
import java.io.Writer;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import de.siegmar.fastcsv.writer.CsvWriter;

import io.clientdesk.audit.AuditAction;
import io.clientdesk.audit.AuditLog;
import io.clientdesk.client.Client;
import io.clientdesk.client.ClientQuery;
import io.clientdesk.client.ClientService;
import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.rows.ClientValues;
import io.clientdesk.organisation.ImportDefaults;
import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.security.Scope;
import io.clientdesk.web.ProblemAnswer;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Clients as CSV in the import's canonical schema: the template to fill in, and the
 * export to edit and import again.
 */
@RestController
class ClientCsvController {

	private final ClientService clients;

	private final OrganisationService organisation;

	private final AuditLog audit;

	private final ExportSlots exports;

	ClientCsvController(ClientService clients, OrganisationService organisation, AuditLog audit, ExportSlots exports) {
		this.clients = clients;
		this.organisation = organisation;
		this.audit = audit;
		this.exports = exports;
	}

	/**
	 * The template, for API users and (under the session) for the import dialog.
	 */
	@GetMapping(path = { "/api/imports/template.csv", "/imports/template.csv" }, produces = "text/csv")
	ResponseEntity<StreamingResponseBody> template() {
		ImportDefaults defaults = this.organisation.importDefaults();
		List<String> example = List.of("", "Ada", "Lovelace", "ada.lovelace@example.com", defaults.project(),
				defaults.desk(), "true", defaults.type(), "2024-06-13T15:06:02.802Z");
		return CsvDownload.of("clients-template.csv", (out) -> {
			CsvWriter csv = writer(out);
			csv.writeRecord(example);
			csv.flush();
		});
	}

	/**
	 * Every matching client in the caller's scope, read in pages
	 * ({@link ClientService#forEach}) so that a slow reader holds no database connection,
	 * within a slot of its own ({@link ExportSlots}), given back when the stream ends,
	 * finished or broken off.
	 */
	@ProblemAnswer(status = 503,
			when = "clientdesk.export.max-concurrent exports are running on this server (Retry-After)")
	@GetMapping(path = "/api/clients/export.csv", produces = "text/csv")
	@PreAuthorize("hasRole('MANAGER')")
	ResponseEntity<StreamingResponseBody> export(@ParameterObject ClientQuery filters, Scope scope, Principal user,
			HttpServletRequest request) {
		ExportSlots.Slot slot = this.exports.take();
		// taken now: the body is written on another thread, after this request's handler
		String address = request.getRemoteAddr();
		return CsvDownload.of("clients.csv", (out) -> {
			long[] rows = { 0 };
			boolean complete = false;
			try (slot) {
				CsvWriter csv = writer(out);
				this.clients.forEach(filters, scope, (client) -> {
					write(csv, client);
					rows[0]++;
				});
				csv.flush();
				complete = true;
			}
			finally {
				// also when the reader went away: what was written has left the server
				this.audit.record(AuditAction.CLIENTS_EXPORTED, user.getName(), address, null,
						exported(filters, scope, rows[0], complete));
			}
		});
	}

	/** One client as a record of the export, its cells safe to open in a spreadsheet. */
	static void write(CsvWriter csv, Client client) {
		csv.writeRecord(SpreadsheetSafe.cell(client.id()), SpreadsheetSafe.cell(client.firstName()),
				SpreadsheetSafe.cell(client.lastName()), SpreadsheetSafe.cell(client.email()), client.project(),
				client.desk(), Boolean.toString(client.active()), SpreadsheetSafe.cell(client.type()),
				ClientValues.format(client.created()));
	}

	/**
	 * The export's filters (those given), whether the caller's scope limited it, how many
	 * rows it wrote, and if that was all.
	 */
	private static Map<String, Object> exported(ClientQuery filters, Scope scope, long rows, boolean complete) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("q", filters.q());
		details.put("project", filters.project());
		details.put("desk", filters.desk());
		details.put("active", filters.active());
		details.put("type", filters.type());
		details.values().removeIf((value) -> value == null);
		if (scope.limited()) {
			details.put("scoped", true);
		}
		details.put("rows", rows);
		details.put("complete", complete);
		return details;
	}

	/**
	 * A CSV writer that has written the UTF-8 byte order mark (so that Excel reads the
	 * accents right) and the canonical header.
	 */
	static CsvWriter writer(Writer out) throws IOException {
		out.write('\uFEFF');
		CsvWriter csv = CsvWriter.builder().build(out);
		csv.writeRecord(ClientColumn.canonicalHeaders());
		return csv;
	}

}
