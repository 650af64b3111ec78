package io.clientdesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database an integration test runs on, chosen by the system property
 * {@code clientdesk.test.database} ({@code h2}, the default, or {@code postgresql}); the
 * build runs every integration test once on each. Every Spring context gets a database of
 * its own: an in-memory H2 one, or a new PostgreSQL database on the local server, dropped
 * when the tests end.
 */
public final class TestDatabase {

	static final String POSTGRES_URL = System.getProperty("clientdesk.test.postgresql.url",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	static final String POSTGRES_USER = System.getProperty("clientdesk.test.postgresql.user", "postgres");

	static final String POSTGRES_PASSWORD = System.getProperty("clientdesk.test.postgresql.password", "");

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final List<String> CREATED = new CopyOnWriteArrayList<>();

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
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000",
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
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the PostgreSQL test database " + name, ex);
		}
		if (CREATED.isEmpty()) {
			Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated));
		}
		CREATED.add(name);
		String url = POSTGRES_URL.substring(0, POSTGRES_URL.lastIndexOf('/') + 1) + name;
		return Map.of("spring.datasource.url", url, "spring.datasource.username", POSTGRES_USER,
				"spring.datasource.password", POSTGRES_PASSWORD);
	}

	private static void dropCreated() {
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
				Statement statement = connection.createStatement()) {
			for (String name : CREATED) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
		}
		catch (SQLException ex) {
			// the server is gone; nothing to clean up
		}
	}

}
