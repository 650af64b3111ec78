package io.clientdesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database an integration test runs on, chosen by the system property
 * {@code clientdesk.test.database} ({@code h2}, the default, or {@code postgresql}); the
 * build runs every integration test once on each. Every Spring context gets a database of
 * its own: an in-memory H2 one, or a new PostgreSQL database on the local server, dropped
 * by the next run.
 */
public final class TestDatabase {

	static final String POSTGRES_URL = System.getProperty("clientdesk.test.postgresql.url",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	static final String POSTGRES_USER = System.getProperty("clientdesk.test.postgresql.user", "postgres");

	static final String POSTGRES_PASSWORD = System.getProperty("clientdesk.test.postgresql.password", "");

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static volatile Boolean postgresReachable;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty("clientdesk.test.database", "h2"));
	}

	/**
	 * Whether a missing PostgreSQL fails the build (CI) instead of skipping its tests.
	 */
	static boolean postgresRequired() {
		return "required".equals(System.getProperty("clientdesk.test.postgresql", "auto"))
				|| "true".equals(System.getenv("CI"));
	}

	static synchronized boolean postgresReachable() {
		if (postgresReachable == null) {
			try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD)) {
				postgresReachable = connection.isValid(2);
			}
			catch (SQLException ex) {
				postgresReachable = false;
			}
		}
		return postgresReachable;
	}

	/**
	 * Datasource properties for a new, empty database that other processes can open: an
	 * H2 file database in the folder, or a new PostgreSQL database.
	 */
	public static Map<String, String> newSharedDatabase(java.nio.file.Path folder) {
		if (isPostgres()) {
			return newDatabase();
		}
		return Map.of("spring.datasource.url", "jdbc:h2:file:" + folder.toAbsolutePath().resolve("clientdesk")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE",
				"spring.datasource.username", "sa", "spring.datasource.password", "");
	}

	/** Datasource properties for a new, empty database. */
	public static Map<String, String> newDatabase() {
		if (!isPostgres()) {
			String name = "clientdesk-test-" + UUID.randomUUID();
			return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name
					+ ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000",
					"spring.datasource.username", "sa", "spring.datasource.password", "");
		}
		String name = "clientdesk_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
				Statement statement = connection.createStatement()) {
			if (name.endsWith("_1")) {
				dropLeftByEndedRuns(statement);
			}
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the PostgreSQL test database " + name, ex);
		}
		String url = POSTGRES_URL.substring(0, POSTGRES_URL.lastIndexOf('/') + 1) + name;
		return Map.of("spring.datasource.url", url, "spring.datasource.username", POSTGRES_USER,
				"spring.datasource.password", POSTGRES_PASSWORD);
	}

	/**
	 * Drops the test databases of test processes that have ended. Not done by a shutdown
	 * hook of the process itself: that hook ran while the closing Spring contexts still
	 * used their databases, and the process then sometimes hung on exit until Surefire
	 * killed it, failing a green run. A run's own databases are dropped by the next run.
	 */
	private static void dropLeftByEndedRuns(Statement statement) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet databases = statement
			.executeQuery("select datname from pg_database where datname like 'clientdesk\\_it\\_%'")) {
			while (databases.next()) {
				names.add(databases.getString(1));
			}
		}
		for (String name : names) {
			String[] parts = name.split("_");
			boolean ended = parts.length == 4 && parts[2].chars().allMatch(Character::isDigit)
					&& ProcessHandle.of(Long.parseLong(parts[2])).isEmpty();
			if (ended) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
		}
	}

}
