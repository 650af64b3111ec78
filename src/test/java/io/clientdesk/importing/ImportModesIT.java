package io.clientdesk.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check first, then commit; the same file twice; what an import changed.
 */
@IntegrationTest
class ImportModesIT {

	@Autowired
	Api api;

	@Autowired
	Imports imports;

	final String run = Imports.run();

	@Test
	void a_dry_run_reports_the_counts_it_would_produce_and_writes_no_client() {
		this.imports.run("seed.csv", file("Ann,Lee,ann"), "", Login.ADMIN);
		byte[] file = file("Ann,Smith,ann", "Bob,Lee,bob", "Cy,Lee,cy");

		JsonNode dryRun = this.imports.run("check.csv", file, "?dryRun=true", Login.ADMIN);

		assertThat(dryRun.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
		assertThat(dryRun.get("created").asInt()).isEqualTo(2);
		assertThat(dryRun.get("updated").asInt()).isEqualTo(1);
		assertThat(dryRun.get("unchanged").asInt()).isZero();
		assertThat(emails()).containsExactly(email("ann"));
		assertThat(client("ann").get("lastName").asString()).isEqualTo("Lee");
		assertThat(changesTotal(dryRun.get("id").asString())).isZero();
	}

	@Test
	void committing_a_clean_dry_run_imports_the_same_file_for_real_once() {
		JsonNode dryRun = this.imports.run("check.csv", file("Ann,Lee,ann", "Bob,Lee,bob"), "?dryRun=true",
				Login.ADMIN);
		String dryRunId = dryRun.get("id").asString();

		Api.Response commit = this.api.post("/api/imports/" + dryRunId + "/commit", "", Login.ADMIN);

		assertThat(commit.status()).as(commit.body()).isEqualTo(202);
		String id = commit.json().get("id").asString();
		assertThat(id).isNotEqualTo(dryRunId);
		assertThat(commit.headers().firstValue("Location")).hasValue("/api/imports/" + id);
		assertThat(commit.json().get("dryRun").asBoolean()).isFalse();
		assertThat(commit.json().get("sha256").asString()).isEqualTo(dryRun.get("sha256").asString());
		JsonNode committed = this.imports.awaitEnd(id, Login.ADMIN);
		assertThat(committed.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(committed.get("created").asInt()).isEqualTo(2);
		assertThat(emails()).containsExactlyInAnyOrder(email("ann"), email("bob"));

		Api.Response again = this.api.post("/api/imports/" + dryRunId + "/commit", "", Login.ADMIN);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.json().get("detail").asString()).contains(id);
	}

	@Test
	void a_commit_checks_the_file_again_against_the_database_as_it_is_then() {
		JsonNode dryRun = this.imports.run("check.csv", file("Ann,Lee,ann"), "?dryRun=true", Login.ADMIN);
		this.imports.run("meanwhile.csv", file("Ann,Lee,ann"), "", Login.ADMIN);

		Api.Response commit = this.api.post("/api/imports/" + dryRun.get("id").asString() + "/commit", "", Login.ADMIN);

		JsonNode committed = this.imports.awaitEnd(commit.json().get("id").asString(), Login.ADMIN);
		assertThat(committed.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(committed.get("created").asInt()).isZero();
		assertThat(committed.get("unchanged").asInt()).isEqualTo(1);
	}

	@Test
	void only_a_dry_run_that_succeeded_can_be_committed() {
		JsonNode failedDryRun = this.imports.run("check.csv", file("Ann,Lee,ann@"), "?dryRun=true", Login.ADMIN);
		assertThat(failedDryRun.get("status").asString()).isEqualTo("FAILED");
		JsonNode realImport = this.imports.run("real.csv", file("Bob,Lee,bob"), "", Login.ADMIN);
		assertThat(realImport.get("status").asString()).isEqualTo("SUCCEEDED");

		for (JsonNode notCommittable : List.of(failedDryRun, realImport)) {
			Api.Response commit = this.api.post("/api/imports/" + notCommittable.get("id").asString() + "/commit", "",
					Login.ADMIN);
			assertThat(commit.status()).as(commit.body()).isEqualTo(409);
			assertThat(commit.contentType()).startsWith("application/problem+json");
		}
		assertThat(emails()).containsExactly(email("bob"));
	}

	@Test
	void the_same_file_twice_says_which_import_had_it_and_changes_nothing_the_second_time() {
		byte[] file = file("Ann,Lee,ann", "Bob,Lee,bob");

		JsonNode first = this.imports.run("clients.csv", file, "", Login.ADMIN);
		JsonNode second = this.imports.run("clients-again.csv", file, "", Login.ADMIN);

		assertThat(first.get("sha256").asString()).isEqualTo(Imports.sha256(file));
		assertThat(first.get("sameFileAs").isNull()).isTrue();
		assertThat(second.get("sha256").asString()).isEqualTo(Imports.sha256(file));
		assertThat(second.get("sameFileAs").asString()).isEqualTo(first.get("id").asString());
		assertThat(second.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(second.get("created").asInt()).isZero();
		assertThat(second.get("unchanged").asInt()).isEqualTo(2);
		assertThat(changesTotal(second.get("id").asString())).isZero();
		assertThat(emails()).hasSize(2);
	}

	@Test
	void the_answer_to_an_upload_already_names_the_earlier_import_of_the_same_file() {
		byte[] file = file("Ann,Lee,ann");
		JsonNode first = this.imports.run("clients.csv", file, "", Login.ADMIN);

		Api.Response second = this.imports.upload("clients.csv", file, "?dryRun=true", Login.ADMIN);

		assertThat(second.status()).isEqualTo(202);
		assertThat(second.json().get("sameFileAs").asString()).isEqualTo(first.get("id").asString());
		this.imports.awaitEnd(second.json().get("id").asString(), Login.ADMIN);
	}

	@Test
	void lists_the_clients_an_import_created_page_by_page() {
		JsonNode finished = this.imports.run("five.csv",
				file("Ann,Lee,ann", "Bob,Lee,bob", "Cy,Lee,cy", "Dee,Lee,dee", "Eve,Lee,eve"), "", Login.ADMIN);
		String path = "/api/imports/" + finished.get("id").asString() + "/changes";

		JsonNode first = this.api.get(path + "?page=0&size=2", Login.ADMIN).json();
		JsonNode last = this.api.get(path + "?page=2&size=2", Login.ADMIN).json();

		assertThat(first.get("page").asInt()).isZero();
		assertThat(first.get("size").asInt()).isEqualTo(2);
		assertThat(first.get("total").asLong()).isEqualTo(5);
		assertThat(first.get("items")).hasSize(2);
		assertThat(last.get("items")).hasSize(1);
		List<JsonNode> all = new ArrayList<>();
		this.api.get(path + "?size=10", Login.ADMIN).json().get("items").forEach(all::add);
		assertThat(all).extracting((item) -> item.get("after").get("email").asString())
			.containsExactlyInAnyOrder(email("ann"), email("bob"), email("cy"), email("dee"), email("eve"));
		assertThat(all).allSatisfy((item) -> {
			assertThat(item.get("action").asString()).isEqualTo("CREATED");
			assertThat(item.get("before").isNull()).isTrue();
			assertThat(item.get("client").asString()).matches("[0-9a-f]{24}");
		});
		JsonNode ann = client("ann");
		JsonNode annChange = all.stream()
			.filter((item) -> item.get("client").asString().equals(ann.get("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(annChange.get("after").get("firstName").asString()).isEqualTo("Ann");
		assertThat(annChange.get("after").get("created").asString()).isEqualTo(ann.get("created").asString());
		assertThat(this.api.get(path + "?size=0", Login.ADMIN).status()).isEqualTo(400);
	}

	/** A file of firstName,lastName,email rows; the emails get the test's run. */
	private byte[] file(String... rows) {
		StringBuilder text = new StringBuilder("firstName,lastName,email\n");
		for (String row : rows) {
			String[] cells = row.split(",");
			String email = cells[2].contains("@") ? cells[2] : email(cells[2]);
			text.append(cells[0]).append(',').append(cells[1]).append(',').append(email).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private String email(String name) {
		return name + "." + this.run + "@example.com";
	}

	private List<String> emails() {
		List<String> emails = new ArrayList<>();
		this.api.get("/api/clients?size=100&q=" + this.run, Login.ADMIN)
			.json()
			.get("items")
			.forEach((client) -> emails.add(client.get("email").asString()));
		return emails;
	}

	private JsonNode client(String name) {
		return this.api.onlyClient(email(name), Login.ADMIN);
	}

	private long changesTotal(String importId) {
		return this.api.get("/api/imports/" + importId + "/changes", Login.ADMIN).json().get("total").asLong();
	}

}
