package io.clientdesk.importing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import io.clientdesk.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL goes away while imports run: every connection of the server is killed, as a
 * restart of PostgreSQL kills them. Each import is run again or failed with a clear
 * reason, none is left half-written, and the server goes on without a restart of its own.
 * (PostgreSQL only: an embedded H2 cannot be restarted under the server.)
 */
@ExtendWith(PostgresAvailableCondition.class)
class DatabaseRestartIT {

	private static final String KILL_EVERY_CONNECTION = "select count(pg_terminate_backend(pid)) from pg_stat_activity"
			+ " where datname = current_database() and pid <> pg_backend_pid()";

	@TempDir
	Path folder;

	@Test
	void imports_whose_connections_are_killed_are_run_again_and_the_server_recovers() throws SQLException {
		assumeTrue(TestDatabase.isPostgres(), "PostgreSQL's connections are killed; H2 is embedded");
		Map<String, String> database = TestDatabase.newSharedDatabase(this.folder);
		String prefix = "restart-" + UUID.randomUUID().toString().substring(0, 8);
		try (ServerProcess server = new ServerProcess(database, this.folder.resolve("server.log"),
				ImportDurabilityIT.FAST_TAKEOVER[0], ImportDurabilityIT.FAST_TAKEOVER[1],
				// one user queues all eight at once
				"--clientdesk.import.max-queued-per-user=8")
			.start(); Connection admin = connect(database)) {
			Api api = server.api();
			List<String> imports = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Api.Response accepted = new Imports(api).upload("batch-" + i + ".csv",
						TestFiles.newClients(prefix + "-" + i, 5000, "Restart"), "", Login.ADMIN);
				assertThat(accepted.status()).isEqualTo(202);
				imports.add(accepted.json().get("id").asString());
			}
			// every connection at once, as a restart does, while an attempt is in its
			// transaction; again until one attempt was cut off (the others' connections
			// may have been idle, and the pool replaces those unnoticed)
			int killed = 0;
			for (int round = 0; round < 10 && !server.log().contains("lost its database connection"); round++) {
				awaitProcessing(admin);
				killed += killEveryConnection(admin);
				Poll.pause(Duration.ofMillis(300));
			}
			assertThat(killed).as("connections killed").isPositive();

			// asked of the database: a request that takes a connection as it is killed
			// may fail
			Poll.until(Duration.ofSeconds(180), Duration.ofMillis(200),
					() -> query(admin, "select count(*) from imports where status in ('QUEUED', 'PROCESSING')"),
					(running) -> running == 0, "every import to end");
			long created = 0;
			for (String id : imports) {
				JsonNode done = new Imports(api).view(id, Login.ADMIN);
				String status = done.get("status").asString();
				assertThat(status).as("import %s", id).isIn("SUCCEEDED", "FAILED");
				if ("SUCCEEDED".equals(status)) {
					assertThat(done.get("created").asInt()).isEqualTo(5000);
					created += 5000;
				}
				else {
					assertThat(api.get("/api/imports/" + id + "/errors.csv", Login.ADMIN).body())
						.contains("The connection to the database kept failing; nothing was written");
				}
			}
			assertThat(countClients(admin, prefix)).as("clients written, against the imports that succeeded")
				.isEqualTo(created);
			// their search text was written with them: q finds each at once, without the
			// restart that once replayed a search indexer cut off by the same kill
			Api.Response found = api.get("/api/clients/export.csv?q=" + prefix + "-", Login.ADMIN);
			assertThat(found.status()).isEqualTo(200);
			assertThat(found.body().lines().count() - 1).as("clients that q finds, against the imports that succeeded")
				.isEqualTo(created);
			assertThat(server.log()).as("an attempt cut off by the killed connection, run again")
				.contains("lost its database connection");

			// no restart of the server: logins, pages, the API and new imports work
			WebSession session = WebSession.logIn(api, Login.ADMIN);
			assertThat(session.get("/clients").statusCode()).isEqualTo(200);
			assertThat(api.get("/api/clients?size=1", Login.ADMIN).status()).isEqualTo(200);
			JsonNode after = new Imports(api).run("after.csv", TestFiles.newClients(prefix + "-after", 10, "After"), "",
					Login.ADMIN);
			assertThat(after.get("status").asString()).isEqualTo("SUCCEEDED");
		}
	}

	private static Connection connect(Map<String, String> database) throws SQLException {
		return DriverManager.getConnection(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
	}

	/** Waits until an import is being processed, asking the database itself. */
	/**
	 * Waits until an import is being processed and its attempt's transaction is open in
	 * the database (it may be parsing the file first, holding no connection), so that the
	 * kill cuts an attempt off.
	 */
	private static void awaitProcessing(Connection admin) {
		Poll.until(Duration.ofSeconds(60), Duration.ofMillis(10),
				() -> query(admin, "select count(*) from imports where status = 'PROCESSING'") * query(admin,
						"select count(*) from pg_stat_activity where datname = current_database()"
								+ " and pid <> pg_backend_pid() and xact_start is not null"
								+ " and xact_start < now() - interval '50 milliseconds'"),
				(count) -> count > 0, "an import's attempt to be in its transaction");
	}

	private static int killEveryConnection(Connection admin) throws SQLException {
		try (Statement statement = admin.createStatement();
				ResultSet killed = statement.executeQuery(KILL_EVERY_CONNECTION)) {
			killed.next();
			return killed.getInt(1);
		}
	}

	private static long countClients(Connection admin, String prefix) throws SQLException {
		try (PreparedStatement statement = admin.prepareStatement("select count(*) from clients where email like ?")) {
			statement.setString(1, prefix + "-%");
			try (ResultSet count = statement.executeQuery()) {
				count.next();
				return count.getLong(1);
			}
		}
	}

	private static long query(Connection admin, String sql) {
		try (Statement statement = admin.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
