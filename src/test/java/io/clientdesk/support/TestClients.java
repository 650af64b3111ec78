package io.clientdesk.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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

	/**
	 * Puts {@code count} clients with the last name {@code lastName} and the emails
	 * {@code <lastName>-<n>@example.com} into the database, a thousand to a statement:
	 * enough clients for an export that fills every buffer between the server and its
	 * reader, in a few seconds.
	 */
	public void insertMany(int count, String lastName, String project, String desk, Instant created) {
		for (int from = 0; from < count; from += 1000) {
			int rows = Math.min(1000, count - from);
			List<Object> params = new ArrayList<>(rows * 9);
			for (int i = from; i < from + rows; i++) {
				params.addAll(List.of(ObjectIds.next(), "Client " + i, lastName,
						lastName.toLowerCase(Locale.ROOT) + "-" + i + "@example.com", project, desk, true, "Personal",
						Timestamp.from(created)));
			}
			this.jdbc.sql(
					"insert into clients (id, first_name, last_name, email, project_id, desk_id, active, type, created)"
							+ " values " + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?)")))
				.params(params)
				.update();
		}
		this.jdbc
			.sql("insert into client_search (client_id, search_text)"
					+ " select id, lower(first_name || chr(10) || last_name || chr(10) || email) from clients"
					+ " where last_name = ?")
			.param(lastName)
			.update();
	}

	public String defaultProject() {
		return this.jdbc.sql("select project_id from import_defaults").query(String.class).single();
	}

	public String defaultDesk() {
		return this.jdbc.sql("select desk_id from import_defaults").query(String.class).single();
	}

}
