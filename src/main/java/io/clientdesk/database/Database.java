package io.clientdesk.database;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The database ClientDesk runs on: the one fact behind every choice that differs between
 * the two (how new clients are written, whether a large total is estimated, the pool's
 * settings). Told by one rule, from the JDBC URL through Spring Boot's
 * {@link DatabaseDriver}; as a bean, once at start, from the DataSource in use.
 */
public enum Database {

	POSTGRESQL, H2;

	/** The database a JDBC URL points to; anything but PostgreSQL or H2 is an error. */
	public static Database ofJdbcUrl(String url) {
		return switch (DatabaseDriver.fromJdbcUrl(url)) {
			case POSTGRESQL -> POSTGRESQL;
			case H2 -> H2;
			default -> throw new IllegalStateException(
					"ClientDesk runs on PostgreSQL or H2, not on " + StartupLog.withoutCredentials(url));
		};
	}

}
