package io.clientdesk.importing.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;

import io.clientdesk.client.Client;
import io.clientdesk.client.ClientQuery;
import io.clientdesk.client.ClientService;
import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.rows.ClientValues;
import io.clientdesk.organisation.ImportDefaults;
import io.clientdesk.organisation.OrganisationService;

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

	ClientCsvController(ClientService clients, OrganisationService organisation) {
		this.clients = clients;
		this.organisation = organisation;
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

	@GetMapping(path = "/api/clients/export.csv", produces = "text/csv")
	@PreAuthorize("hasRole('MANAGER')")
	ResponseEntity<StreamingResponseBody> export(ClientQuery filters) {
		return CsvDownload.of("clients.csv", (out) -> {
			CsvWriter csv = writer(out);
			this.clients.forEach(filters, (client) -> write(csv, client));
			csv.flush();
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
