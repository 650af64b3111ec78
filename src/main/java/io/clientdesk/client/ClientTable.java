package io.clientdesk.client;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code clients} table as the repositories read it: its columns, in the order of
 * {@link Client}'s components, a row as a {@link Client}, and a list of IDs to join it
 * with.
 */
final class ClientTable {

	static final String COLUMNS = "id, first_name, last_name, email, project_id, desk_id, active, type, created";

	/**
	 * An array parameter of IDs as a table to join: {@code id = any(?)} made PostgreSQL
	 * compare every row's ID as text (an array of text against char(24)) and H2 take a
	 * second per 5 000 IDs; this probes the primary key once per ID on both (measured in
	 * docs/performance.md).
	 */
	static final String ID_KEYS = "unnest(cast(? as char(24) array)) as t (id)";

	private ClientTable() {
	}

	/** The columns, each prefixed with the table's alias (as in {@code c.}). */
	static String columns(String alias) {
		return alias + COLUMNS.replace(", ", ", " + alias);
	}

	static Client client(ResultSet rs, int row) throws SQLException {
		return new Client(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getTimestamp(9).toInstant());
	}

}
