package io.clientdesk.client;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search text of the clients ({@code client_search}), which {@code q} is looked up
 * in: written with the clients, in the same transaction ({@link ClientService#save}).
 */
@Repository
class ClientSearchRepository {

	/**
	 * What {@code q} searches: first name, last name and email, lower-cased, with a line
	 * break between them so that a search never matches across two fields. Kept in
	 * {@code client_search} (V10), trigram-indexed on PostgreSQL (V10_1).
	 */
	static final String SEARCH_TEXT = "lower(first_name || chr(10) || last_name || chr(10) || email)";

	private final JdbcClient jdbc;

	ClientSearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The search text of new clients, computed by the database from their values, handed
	 * over as one array per column: lower-cased there as {@code q}'s check of the client
	 * itself is ({@link ClientListQuery}), without reading back the rows just written
	 * (which, by key, was a fifth of the import's time in the database for a million new
	 * clients: docs/performance.md).
	 */
	void insert(List<Client> clients) {
		this.jdbc.sql(INSERT_NEW)
			.params(column(clients, Client::id), column(clients, Client::firstName), column(clients, Client::lastName),
					column(clients, Client::email))
			.update();
	}

	/**
	 * The insert of new clients' search text: four arrays (IDs, first names, last names,
	 * emails), in that order. Also run on a connection of its own by
	 * {@link ClientSearchWriter}.
	 */
	static final String INSERT_NEW = "insert into client_search (client_id, search_text) select t.id, "
			+ "lower(t.first_name || chr(10) || t.last_name || chr(10) || t.email)"
			+ " from unnest(cast(? as char(24) array), cast(? as varchar(100) array),"
			+ " cast(? as varchar(100) array), cast(? as varchar(254) array)) as t (id, first_name, last_name, email)";

	/** One value of each client, as an array parameter. */
	static String[] column(List<Client> clients, Function<Client, String> value) {
		return clients.stream().map(value).toArray(String[]::new);
	}

	/**
	 * The search text of changed clients as they are now, written only where it differs
	 * (a change of type or status leaves it, and its trigram index, alone). One MERGE,
	 * which also writes a text that is missing.
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
