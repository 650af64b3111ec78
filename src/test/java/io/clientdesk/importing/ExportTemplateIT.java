package io.clientdesk.importing;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestClients;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV the product hands out: the export, which can be edited and imported again, and
 * the template.
 */
@IntegrationTest
class ExportTemplateIT {

	private static final List<String> CANONICAL_HEADER = List.of("id", "firstName", "lastName", "email", "project",
			"desk", "active", "type", "created");

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	@Autowired
	TestClients clients;

	final String run = Imports.run();

	@Test
	void an_edited_export_imported_again_updates_exactly_the_edited_clients() throws IOException {
		String ann = stored("Ann", "ann", true);
		String bob = stored("Bob", "bob", true);
		String cy = stored("Cy", "cy", false);
		String dee = stored("Dee", "dee", true);
		JsonNode cyBefore = client(cy);

		Api.Response export = this.api.get("/api/clients/export.csv?q=" + this.run, Login.ADMIN);

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).startsWith("text/csv");
		List<List<String>> records = Imports.csv(export.body());
		assertThat(records.get(0)).isEqualTo(CANONICAL_HEADER);
		assertThat(records.subList(1, records.size())).extracting((record) -> record.get(0))
			.containsExactlyInAnyOrder(ann, bob, cy, dee);
		for (List<String> record : records.subList(1, records.size())) {
			if (record.get(0).equals(ann)) {
				record.set(2, "Smith");
			}
			if (record.get(0).equals(bob)) {
				record.set(6, "false");
			}
		}

		JsonNode finished = this.imports.run("clients.csv", csv(records), "", Login.ADMIN);

		assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("created").asInt()).isZero();
		assertThat(finished.get("updated").asInt()).isEqualTo(2);
		assertThat(finished.get("unchanged").asInt()).isEqualTo(2);
		assertThat(client(ann).get("lastName").asString()).isEqualTo("Smith");
		assertThat(client(bob).get("active").asBoolean()).isFalse();
		assertThat(client(cy)).isEqualTo(cyBefore);
		List<String> changed = new ArrayList<>();
		this.api.get("/api/imports/" + finished.get("id").asString() + "/changes", Login.ADMIN)
			.json()
			.get("items")
			.forEach((item) -> changed.add(item.get("client").asString()));
		assertThat(changed).containsExactlyInAnyOrder(ann, bob);
	}

	@Test
	void the_export_takes_the_filters_of_the_clients_list() {
		String project = this.api.newProject("Export " + this.run);
		String ann = stored("Ann", "ann", true);
		String bob = stored("Bob", "bob", false);
		String cy = this.clients.insert("Cy", "Lee", email("cy"), project, this.clients.defaultDesk(), true,
				"Corporate", Instant.parse("2023-01-01T00:00:00Z"));

		assertThat(exportedIds("&active=false")).containsExactly(bob);
		assertThat(exportedIds("&project=" + project)).containsExactly(cy);
		assertThat(exportedIds("&type=corporate")).containsExactly(cy);
		assertThat(exportedIds("")).containsExactlyInAnyOrder(ann, bob, cy);
	}

	@Test
	void the_export_makes_cells_that_a_spreadsheet_would_run_as_formulas_text() {
		// values from before the import's rules (the import rejects such cells)
		String id = this.clients.insert("=1+2", "@SUM(A1)", email("formula"), this.clients.defaultProject(),
				this.clients.defaultDesk(), true, "Personal", Instant.parse("2021-03-04T05:06:07.089Z"));

		List<List<String>> records = Imports
			.csv(this.api.get("/api/clients/export.csv?q=" + this.run, Login.ADMIN).body());

		assertThat(records).hasSize(2);
		assertThat(records.get(1)).containsExactly(id, "'=1+2", "'@SUM(A1)", email("formula"),
				this.clients.defaultProject(), this.clients.defaultDesk(), "true", "Personal",
				"2021-03-04T05:06:07.089Z");
	}

	@Test
	void the_template_has_the_canonical_header_and_an_example_row_that_imports_cleanly() {
		Login agent = this.api.user("agent-" + this.run, "AGENT");

		Api.Response template = this.api.get("/api/imports/template.csv", agent);

		assertThat(template.status()).isEqualTo(200);
		assertThat(template.contentType()).startsWith("text/csv");
		List<List<String>> records = Imports.csv(template.body());
		assertThat(records).hasSize(2);
		assertThat(records.get(0)).isEqualTo(CANONICAL_HEADER);
		JsonNode checked = this.imports.run("clients-template.csv", template.body().getBytes(StandardCharsets.UTF_8),
				"?dryRun=true", Login.ADMIN);
		assertThat(checked.get("status").asString()).as(checked.toString()).isEqualTo("SUCCEEDED");
		assertThat(checked.get("failed").asInt()).isZero();
		assertThat(checked.get("created").asInt() + checked.get("updated").asInt() + checked.get("unchanged").asInt())
			.isEqualTo(1);
	}

	private List<String> exportedIds(String filters) {
		Api.Response export = this.api.get("/api/clients/export.csv?q=" + this.run + filters, Login.ADMIN);
		assertThat(export.status()).isEqualTo(200);
		List<List<String>> records = Imports.csv(export.body());
		assertThat(records.get(0)).isEqualTo(CANONICAL_HEADER);
		return records.subList(1, records.size()).stream().map((record) -> record.get(0)).toList();
	}

	private String stored(String firstName, String name, boolean active) {
		return this.clients.insert(firstName, "Lee", email(name), this.clients.defaultProject(),
				this.clients.defaultDesk(), active, "Personal", Instant.parse("2021-03-04T05:06:07.089Z"));
	}

	private String email(String name) {
		return name + "." + this.run + "@example.com";
	}

	private JsonNode client(String id) {
		return this.api.client(id, Login.ADMIN);
	}

	private static byte[] csv(List<List<String>> records) throws IOException {
		StringWriter text = new StringWriter();
		try (CsvWriter writer = CsvWriter.builder().build(text)) {
			records.forEach(writer::writeRecord);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
