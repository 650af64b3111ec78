package io.clientdesk.support;

import java.sql.Timestamp;
import java.time.Instant;

import io.clientdesk.shared.ObjectIds;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts clients straight into the database, for tests of reading them (the import is what
 * creates clients in the product).
 */
public final class TestClients {

	private final JdbcClient jdbc;

	public TestClients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String insert(String firstName, String lastName, String email, String project, String desk, boolean active,
			String type, Instant created) {
		String id = ObjectIds.next();
		this.jdbc
			.sql("insert into clients (id, first_name, last_name, email, project_id, desk_id, active, type, created)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, firstName, lastName, email, project, desk, active, type, Timestamp.from(created))
			.update();
		// as the product's search indexer does once an import has committed
		this.jdbc.sql("insert into client_search (client_id, search_text)"
				+ " select id, lower(first_name || chr(10) || last_name || chr(10) || email) from clients where id = ?")
			.param(id)
			.update();
		return id;
	}

	public String defaultProject() {
		return this.jdbc.sql("select project_id from import_defaults").query(String.class).single();
	}

	public String defaultDesk() {
		return this.jdbc.sql("select desk_id from import_defaults").query(String.class).single();
	}

}
