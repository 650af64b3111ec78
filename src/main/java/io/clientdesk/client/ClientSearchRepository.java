package io.clientdesk.client;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search text of the clients ({@code client_search}), which {@code q} is looked up
 * in: written with the clients, committed with them ({@link ClientService#save}); on H2
 * in the same transaction, on PostgreSQL by {@link ClientSearchWriter} on a connection of
 * its own.
 */
@Repository
class ClientSearchRepository {

	/**
	 * What {@code q} searches: first name, last name and email, lower-cased, with a line
	 * break between them so that a search never matches across two fields. Kept in
	 * {@code client_search} (V10), trigram-indexed on PostgreSQL (V10_1).
	 */
	static final String SEARCH_TEXT = searchTextOf("");

	/**
	 * {@link #SEARCH_TEXT} of the columns of a table or values list named by the prefix
	 * (as {@code c.}).
	 */
	private static String searchTextOf(String prefix) {
		return "lower(" + prefix + "first_name || chr(10) || " + prefix + "last_name || chr(10) || " + prefix
				+ "email)";
	}

	private final JdbcClient jdbc;

	ClientSearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * H2: the search text of new clients, computed by the database from their values,
	 * handed over as one array per column: lower-cased there as {@code q}'s check of the
	 * client itself is ({@link ClientListQuery}), without reading back the rows just
	 * written (which, by key, was a fifth of the import's time in the database for a
	 * million new clients: docs/performance.md).
	 */
	void insert(List<Client> clients) {
		this.jdbc.sql(INSERT_NEW)
			.params(column(clients, Client::id), column(clients, Client::firstName), column(clients, Client::lastName),
					column(clients, Client::email))
			.update();
	}

	/**
	 * The search text of clients computed from four arrays (IDs, first names, last names,
	 * emails), in that order.
	 */
	private static final String FROM_VALUES = " select t.id, " + searchTextOf("t.")
			+ " from unnest(cast(? as char(24) array), cast(? as varchar(100) array),"
			+ " cast(? as varchar(100) array), cast(? as varchar(254) array)) as t (id, first_name, last_name, email)";

	/**
	 * The insert of new clients' search text, from four arrays ({@link #FROM_VALUES}).
	 * Also run on a connection of its own by {@link ClientSearchWriter}.
	 */
	static final String INSERT_NEW = "insert into client_search (client_id, search_text)" + FROM_VALUES;

	/**
	 * PostgreSQL: the search text of changed clients from their new values, four arrays
	 * ({@link #FROM_VALUES}), written only where it differs (a change of type or status
	 * leaves it, and its trigram index, alone), or added where it is missing. Run on a
	 * connection of its own by {@link ClientSearchWriter}.
	 */
	static final String UPSERT_CHANGED = "insert into client_search as s (client_id, search_text)" + FROM_VALUES
			+ " on conflict (client_id) do update set search_text = excluded.search_text"
			+ " where s.search_text <> excluded.search_text";

	/**
	 * PostgreSQL: runs one of the writes above (four arrays), and answers the IDs of the
	 * transactions that wrote its rows as their {@code xmin} reads: the writer's own
	 * transaction, or the subtransaction of a savepoint it took.
	 */
	static Set<String> writeAndTellTransactions(Connection connection, String write, Array... values)
			throws SQLException {
		Set<String> ids = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"with written as (" + write + " returning xmin) select distinct xmin::text from written")) {
			for (int i = 0; i < values.length; i++) {
				statement.setArray(i + 1, values[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					ids.add(result.getString(1));
				}
			}
		}
		return ids;
	}

	/**
	 * PostgreSQL: deletes the texts that the transactions wrote (their IDs as
	 * {@code xmin}) and whose clients do not exist (new clients whose import did not
	 * commit; their IDs are never given again).
	 * @return the texts deleted
	 */
	static int removeOrphansOf(Connection connection, Collection<String> transactionIds) throws SQLException {
		return updateOf(connection, "delete from client_search s where s.xmin = any(cast(? as xid array))"
				+ " and not exists (select 1 from clients c where c.id = s.client_id)", transactionIds);
	}

	/**
	 * PostgreSQL: writes again, from the clients as they are, the texts that the
	 * transactions wrote (their IDs as {@code xmin}) and that differ from them, for the
	 * clients that no other transaction holds: each is locked first, so that no import
	 * changes it meanwhile. A client that another import holds is skipped: that import
	 * writes its text as it leaves it.
	 * @return the texts written again
	 */
	static int restoreFromClients(Connection connection, Collection<String> transactionIds) throws SQLException {
		String text = searchTextOf("c.");
		return updateOf(connection,
				"update client_search s set search_text = " + text + " from clients c"
						+ " where c.id = s.client_id and s.search_text <> " + text
						+ " and c.id in (select h.id from clients h join client_search w on w.client_id = h.id"
						+ " where w.xmin = any(cast(? as xid array)) for update of h skip locked)",
				transactionIds);
	}

	private static int updateOf(Connection connection, String sql, Collection<String> transactionIds)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setArray(1, connection.createArrayOf("varchar", transactionIds.toArray()));
			return statement.executeUpdate();
		}
	}

	/** One value of each client, as an array parameter. */
	static String[] column(List<Client> clients, Function<Client, String> value) {
		return clients.stream().map(value).toArray(String[]::new);
	}

	/**
	 * The search text of changed clients as they are now, read from their rows in the
	 * caller's transaction, written only where it differs (a change of type or status
	 * leaves it, and its trigram index, alone). One MERGE, which also writes a text that
	 * is missing. H2's way; PostgreSQL's is {@link #UPSERT_CHANGED} on a connection of
	 * its own.
	 */
	void update(Collection<String> ids) {
		this.jdbc
			.sql("merge into client_search s using (select c.id, " + SEARCH_TEXT + " as search_text from "
					+ ClientTable.ID_KEYS + " join clients c on c.id = t.id) v on s.client_id = v.id"
					+ " when matched and s.search_text <> v.search_text then update set search_text = v.search_text"
					+ " when not matched then insert (client_id, search_text) values (v.id, v.search_text)")
			.param(ids.toArray(String[]::new))
			.update();
	}

}
