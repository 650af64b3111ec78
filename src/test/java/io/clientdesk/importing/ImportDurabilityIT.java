package io.clientdesk.importing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.Imports;
import io.clientdesk.support.Poll;
import io.clientdesk.support.PostgresAvailableCondition;
import io.clientdesk.support.ServerProcess;
import io.clientdesk.support.TestDatabase;
import io.clientdesk.support.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server process is killed (no shutdown, as in a crash) while imports run; the
 * restarted server finishes every accepted import, each exactly once and whole.
 */
@ExtendWith(PostgresAvailableCondition.class)
class ImportDurabilityIT {

	static final String[] FAST_TAKEOVER = { "--clientdesk.import.heartbeat-interval=1s",
			"--clientdesk.import.polling-interval=500ms" };

	@TempDir
	Path folder;

	@Test
	void imports_running_when_the_server_is_killed_finish_after_the_restart_exactly_once() {
		Map<String, String> database = TestDatabase.newSharedDatabase(this.folder);
		String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> imports = new ArrayList<>();
		try (ServerProcess first = new ServerProcess(database, this.folder.resolve("first.log"), FAST_TAKEOVER)
			.start()) {
			uploadFourLargeFiles(first.api(), prefix, imports);
			awaitAnyProcessing(first.api());
			first.kill();
		}
		finishAfterRestart(database, this.folder, prefix, imports);
	}

	/** Uploads four files of 5 000 new clients each, named after the prefix. */
	static void uploadFourLargeFiles(Api api, String prefix, List<String> imports) {
		for (int i = 0; i < 4; i++) {
			Api.Response accepted = new Imports(api).upload("batch-" + i + ".csv",
					TestFiles.newClients(prefix + "-" + i, 5000, "Batch"), "", Login.ADMIN);
			assertThat(accepted.status()).isEqualTo(202);
			imports.add(accepted.json().get("id").asString());
		}
	}

	/**
	 * Starts a server again on the database and checks that it ends each of the four
	 * imports whole: 5 000 clients each, their record of changes, searchable and
	 * exported. Its log.
	 */
	static String finishAfterRestart(Map<String, String> database, Path folder, String prefix, List<String> imports) {
		try (ServerProcess second = new ServerProcess(database, folder.resolve("second.log"), FAST_TAKEOVER).start()) {
			Api api = second.api();
			for (String id : imports) {
				JsonNode done = new Imports(api).awaitEnd(id, Login.ADMIN, Duration.ofSeconds(120));
				assertThat(done.get("status").asString()).as("import %s", id).isEqualTo("SUCCEEDED");
				assertThat(done.get("created").asInt()).as("clients created by %s", id).isEqualTo(5000);
				assertThat(api.get("/api/imports/" + id + "/changes?size=1", Login.ADMIN).json().get("total").asLong())
					.isEqualTo(5000);
			}
			String export = api.get("/api/clients/export.csv?q=" + prefix, Login.ADMIN).body();
			assertThat(export.lines().count() - 1).as("clients exported").isEqualTo(20_000);
			return second.log();
		}
	}

	/** Waits until one of the server's imports is being processed. */
	static void awaitAnyProcessing(Api api) {
		Poll.until(Duration.ofSeconds(60), Duration.ofMillis(20), () -> api.get("/api/imports", Login.ADMIN).json(),
				(views) -> views.valueStream().anyMatch((view) -> "PROCESSING".equals(view.get("status").asString())),
				"an import to be processed");
	}

}
