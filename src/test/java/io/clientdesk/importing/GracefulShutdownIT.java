package io.clientdesk.importing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

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

/**
 * The server is stopped with SIGTERM (as systemd, Docker or Kubernetes stop it) while it
 * imports: it ends the import it runs before it exits, or, when that takes longer than it
 * may wait, leaves it whole to the next server; nothing is half-written or run twice.
 */
@ExtendWith(PostgresAvailableCondition.class)
class GracefulShutdownIT {

	/** What a JVM ended by SIGTERM exits with (128 + 15), after its shutdown hooks. */
	private static final int EXIT_ON_SIGTERM = 143;

	@TempDir
	Path folder;

	@Test
	void a_server_stopped_during_an_import_finishes_it_before_it_exits_and_leaves_the_queued_ones() {
		List<String> imports = new ArrayList<>();
		String prefix = "sigterm-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> database = TestDatabase.newSharedDatabase(this.folder);
		String stopped;
		try (ServerProcess first = new ServerProcess(database, this.folder.resolve("first.log"),
				ImportDurabilityIT.FAST_TAKEOVER)
			.start()) {
			ImportDurabilityIT.uploadFourLargeFiles(first.api(), prefix, imports);
			String running = awaitRunning(first.api());
			OptionalInt exit = first.terminate(Duration.ofSeconds(60));
			assertThat(exit).as("exit code within 60 s").hasValue(EXIT_ON_SIGTERM);
			stopped = first.log();
			assertThat(stopped).as("the running import ended before the server exited")
				.contains("Import " + running + " ended SUCCEEDED");
		}
		String restarted = ImportDurabilityIT.finishAfterRestart(database, this.folder, prefix, imports);
		assertEachRanOnce(stopped + restarted, imports);
	}

	@Test
	void an_import_that_outlasts_the_wait_is_left_whole_to_the_restarted_server() {
		List<String> imports = new ArrayList<>();
		String prefix = "cutoff-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> database = TestDatabase.newSharedDatabase(this.folder);
		String stopped;
		try (ServerProcess first = new ServerProcess(database, this.folder.resolve("first.log"),
				ImportDurabilityIT.FAST_TAKEOVER[0], ImportDurabilityIT.FAST_TAKEOVER[1],
				"--clientdesk.import.shutdown-wait=1ms")
			.start()) {
			ImportDurabilityIT.uploadFourLargeFiles(first.api(), prefix, imports);
			awaitRunning(first.api());
			assertThat(first.terminate(Duration.ofSeconds(60))).as("exit code within 60 s").hasValue(EXIT_ON_SIGTERM);
			stopped = first.log();
		}
		String restarted = ImportDurabilityIT.finishAfterRestart(database, this.folder, prefix, imports);
		assertEachRanOnce(stopped + restarted, imports);
	}

	/** Waits until one of the server's imports is processed; its ID. */
	private static String awaitRunning(Api api) {
		ImportDurabilityIT.awaitAnyProcessing(api);
		return api.get("/api/imports", Login.ADMIN)
			.json()
			.valueStream()
			.filter((view) -> "PROCESSING".equals(view.get("status").asString()))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
	}

	private static void assertEachRanOnce(String logs, List<String> imports) {
		for (String id : imports) {
			assertThat(ImportClusterIT.count(logs, "Import " + id + " ended")).as("runs of import %s", id).isEqualTo(1);
		}
	}

}
