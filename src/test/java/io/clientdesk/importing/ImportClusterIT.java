package io.clientdesk.importing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.PostgresAvailableCondition;
import io.clientdesk.support.ServerProcess;
import io.clientdesk.support.TestDatabase;
import io.clientdesk.support.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Servers sharing one database, as in production: two of them on PostgreSQL (H2 is
 * embedded in one process, so on H2 the same tests run against one server with two import
 * workers).
 */
@ExtendWith(PostgresAvailableCondition.class)
class ImportClusterIT {

	@TempDir
	static Path folder;

	static final List<ServerProcess> servers = new ArrayList<>();

	@BeforeAll
	static void startServers() {
		Map<String, String> database = TestDatabase.newSharedDatabase(folder);
		int count = TestDatabase.isPostgres() ? 2 : 1;
		for (int i = 0; i < count; i++) {
			// ten imports queued at once by one user: past the default limit of five
			servers.add(new ServerProcess(database, folder.resolve("server-" + i + ".log"),
					ImportDurabilityIT.FAST_TAKEOVER[0], ImportDurabilityIT.FAST_TAKEOVER[1],
					"--clientdesk.import.max-queued-per-user=10")
				.start());
		}
	}

	@AfterAll
	static void stopServers() {
		servers.forEach(ServerProcess::close);
		servers.clear();
	}

	@Test
	void every_import_uploaded_to_either_server_runs_exactly_once() {
		assumeTrue(TestDatabase.isPostgres(), "two servers share a database only on PostgreSQL");
		String prefix = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> imports = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Api api = servers.get(i % 2).api();
			Api.Response accepted = new Imports(api).upload("part-" + i + ".csv",
					TestFiles.newClients(prefix + "-" + i, 500, "Cluster"), "", Login.ADMIN);
			assertThat(accepted.status()).isEqualTo(202);
			imports.add(accepted.json().get("id").asString());
		}
		for (String id : imports) {
			JsonNode done = new Imports(servers.get(0).api()).awaitEnd(id, Login.ADMIN, Duration.ofSeconds(60));
			assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(done.get("created").asInt()).isEqualTo(500);
		}
		String logs = servers.get(0).log() + servers.get(1).log();
		for (String id : imports) {
			assertThat(count(logs, "Import " + id + " ended")).as("runs of import %s", id).isEqualTo(1);
		}
		String export = servers.get(1).api().get("/api/clients/export.csv?q=" + prefix, Login.ADMIN).body();
		assertThat(export.lines().count() - 1).isEqualTo(5000);
	}

	@Test
	void imports_of_the_same_emails_at_the_same_time_create_each_client_once_and_lose_no_update() {
		String prefix = "race-" + UUID.randomUUID().toString().substring(0, 8);
		Api first = servers.get(0).api();
		Api second = servers.get(servers.size() - 1).api();
		CompletableFuture<Api.Response> alpha = CompletableFuture.supplyAsync(() -> new Imports(first)
			.upload("alpha.csv", TestFiles.newClients(prefix, 1000, "Alpha"), "", Login.ADMIN));
		CompletableFuture<Api.Response> beta = CompletableFuture.supplyAsync(() -> new Imports(second)
			.upload("beta.csv", TestFiles.newClients(prefix, 1000, "Beta"), "", Login.ADMIN));
		assertThat(alpha.join().status()).isEqualTo(202);
		assertThat(beta.join().status()).isEqualTo(202);

		JsonNode a = new Imports(first).awaitEnd(alpha.join().json().get("id").asString(), Login.ADMIN,
				Duration.ofSeconds(90));
		JsonNode b = new Imports(first).awaitEnd(beta.join().json().get("id").asString(), Login.ADMIN,
				Duration.ofSeconds(90));
		assertThat(a.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(b.get("status").asString()).isEqualTo("SUCCEEDED");
		// one of them created the clients, the other found and updated them
		assertThat(a.get("created").asInt() + b.get("created").asInt()).isEqualTo(1000);
		assertThat(a.get("updated").asInt() + b.get("updated").asInt()).isEqualTo(1000);
		JsonNode last = (a.get("finishedAt").asString().compareTo(b.get("finishedAt").asString()) > 0) ? a : b;
		String lastName = "alpha.csv".equals(last.get("fileName").asString()) ? "Alpha" : "Beta";

		JsonNode clients = first.get("/api/clients?size=500&q=" + prefix, Login.ADMIN).json();
		assertThat(clients.get("total").asLong()).isEqualTo(1000);
		for (JsonNode client : clients.get("items")) {
			assertThat(client.get("lastName").asString()).isEqualTo(lastName);
		}
	}

	static int count(String text, String needle) {
		Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
