package io.clientdesk.client;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClientRepository {

	private static final String COLUMNS = "id, first_name, last_name, email, project_id, desk_id, active, type, created";

	/**
	 * What {@code q} searches: first name, last name and email, lower-cased, with a line
	 * break between them so that a search never matches across two fields. Kept in
	 * {@code client_search} (V10), trigram-indexed on PostgreSQL (V10_1).
	 */
	static final String SEARCH_TEXT = "lower(first_name || chr(10) || last_name || chr(10) || email)";

	/**
	 * An array parameter of IDs as a table to join: {@code id = any(?)} made PostgreSQL
	 * compare every row's ID as text (an array of text against char(24)) and H2 take a
	 * second per 5 000 IDs; this probes the primary key once per ID on both (measured in
	 * docs/performance.md).
	 */
	private static final String ID_KEYS = "unnest(cast(? as char(24) array)) as t (id)";

	/**
	 * The client's own fields checked against {@code q}, for the clients that the search
	 * text found: a text not yet brought up to date after an import
	 * ({@link ClientSearchIndexer}) never shows a client that does not match. Applied to
	 * the page's rows only, not in the query that picks them: a condition the planner
	 * cannot estimate made it choose a full scan.
	 */
	private static final String RECHECK = SEARCH_TEXT + " like :q";

	/** Up to this many matching clients, the list's total is an exact count. */
	static final int EXACT_COUNT_LIMIT = 1_000;

	private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9]+)");

	private static final int WRITE_CHUNK = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private volatile Boolean postgres;

	ClientRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * The clients that have one of the IDs or one of the (lower-case) emails, locked for
	 * update when asked, so that a concurrent import that touches them waits for this one
	 * to end.
	 */
	List<Client> findByIdsOrEmails(Collection<String> ids, Collection<String> emails, boolean lock) {
		Map<String, Client> found = new LinkedHashMap<>();
		String suffix = lock ? " for update" : "";
		// one array parameter per statement, whose keys probe the index (a list of
		// thousands of separate parameters made PostgreSQL compare every row with each);
		// IDs joined from the array (ID_KEYS), emails compared with it
		if (!ids.isEmpty()) {
			this.jdbc.sql("select " + prefixed("c.") + " from " + ID_KEYS + " join clients c on c.id = t.id" + suffix)
				.param(ids.toArray(String[]::new))
				.query(ClientRepository::client)
				.list()
				.forEach((client) -> found.put(client.id(), client));
		}
		if (!emails.isEmpty()) {
			this.jdbc.sql("select " + COLUMNS + " from clients where email = any(?)" + suffix)
				.param(emails.toArray(String[]::new))
				.query(ClientRepository::client)
				.list()
				.forEach((client) -> found.put(client.id(), client));
		}
		return new ArrayList<>(found.values());
	}

	void insertAll(List<Client> clients) {
		if (isPostgres()) {
			copyIn(clients);
			return;
		}
		this.batch.batchUpdate(
				"insert into clients (first_name, last_name, email, project_id, desk_id, active, type, created, id)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				clients.stream().map(ClientRepository::values).toList());
	}

	/**
	 * PostgreSQL: new clients through {@code COPY ... FROM STDIN}, one stream instead of
	 * statements of bound parameters (measured in docs/performance.md). Constraints and
	 * indexes apply as to an insert: a duplicate email fails the same way.
	 */
	private void copyIn(List<Client> clients) {
		StringBuilder csv = new StringBuilder(clients.size() * 160);
		for (Client client : clients) {
			quoted(csv, client.id()).append(',');
			quoted(csv, client.firstName()).append(',');
			quoted(csv, client.lastName()).append(',');
			quoted(csv, client.email()).append(',');
			quoted(csv, client.project()).append(',');
			quoted(csv, client.desk()).append(',');
			csv.append(client.active()).append(',');
			quoted(csv, client.type()).append(',');
			csv.append(client.created()).append('\n');
		}
		this.batch.execute((ConnectionCallback<Long>) (connection) -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy clients (" + COLUMNS + ") from stdin (format csv)", new StringReader(csv.toString()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static StringBuilder quoted(StringBuilder csv, String value) {
		return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

	/**
	 * Writes changed clients with one MERGE statement per {@value #WRITE_CHUNK} rows (a
	 * multi-row VALUES list that H2 and PostgreSQL both take): a few statements instead
	 * of one per client.
	 */
	void updateAll(List<Client> clients) {
		for (int from = 0; from < clients.size(); from += WRITE_CHUNK) {
			List<Client> chunk = clients.subList(from, Math.min(clients.size(), from + WRITE_CHUNK));
			StringBuilder sql = new StringBuilder("merge into clients c using (values ");
			sql.append(
					"(cast(? as char(24)), cast(? as varchar(100)), cast(? as varchar(100)), cast(? as varchar(254)),"
							+ " cast(? as char(24)), cast(? as char(24)), cast(? as boolean), cast(? as varchar(50)),"
							+ " cast(? as timestamp with time zone))");
			sql.append(", (?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(chunk.size() - 1));
			sql.append(") as v (id, first_name, last_name, email, project_id, desk_id, active, type, created)"
					+ " on c.id = v.id when matched then update set first_name = v.first_name,"
					+ " last_name = v.last_name, email = v.email, project_id = v.project_id, desk_id = v.desk_id,"
					+ " active = v.active, type = v.type, created = v.created");
			List<Object> params = new ArrayList<>(chunk.size() * 9);
			for (Client client : chunk) {
				params.addAll(
						List.of(client.id(), client.firstName(), client.lastName(), client.email(), client.project(),
								client.desk(), client.active(), client.type(), Timestamp.from(client.created())));
			}
			this.jdbc.sql(sql.toString()).params(params).update();
		}
	}

	/**
	 * Writes the search text of these clients as they are now, where the stored one
	 * differs or is missing: one MERGE, reading the clients by key. Returns how many it
	 * wrote: none means all were up to date.
	 */
	int index(Collection<String> ids) {
		return this.jdbc
			.sql("merge into client_search s using (select c.id, " + SEARCH_TEXT + " as search_text from " + ID_KEYS
					+ " join clients c on c.id = t.id) v on s.client_id = v.id"
					+ " when matched and s.search_text <> v.search_text then update set search_text = v.search_text"
					+ " when not matched then insert (client_id, search_text) values (v.id, v.search_text)")
			.param(ids.toArray(String[]::new))
			.update();
	}

	/**
	 * Hands every client that matches the query's filters to the consumer, in the list's
	 * order, reading them in batches rather than all at once.
	 */
	void forEach(ClientQuery query, Consumer<Client> consumer) {
		Filter filter = filter(query);
		String recheck = (query.q() == null) ? "" : " and " + RECHECK;
		try (Stream<Client> clients = this.jdbc
			.sql("select " + COLUMNS + " from clients" + filter.sql() + recheck + " order by created desc, id desc")
			.params(filter.params())
			.withFetchSize(1000)
			.query(ClientRepository::client)
			.stream()) {
			clients.forEach(consumer);
		}
	}

	private static Object[] values(Client client) {
		return new Object[] { client.firstName(), client.lastName(), client.email(), client.project(), client.desk(),
				client.active(), client.type(), Timestamp.from(client.created()), client.id() };
	}

	Optional<Client> findById(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from clients where id = ?")
			.param(id)
			.query(ClientRepository::client)
			.optional();
	}

	/**
	 * A page in the list's order. The page's IDs are found first from the index alone,
	 * then only those rows are read ("deferred join"), so that a deep page does not read
	 * every row it skips. After a cursor, the index is entered where the previous page
	 * ended (a row comparison both databases take), and nothing is skipped.
	 * <p>
	 * {@code fewMatches} (a search whose exact total is small): the matches are found
	 * first through the search index and then sorted. Left to itself, PostgreSQL walked
	 * the list's order and checked each client's text, expecting to meet a match soon: 2
	 * s at 1.5M clients for a search that matches one client, or none.
	 */
	List<Client> find(ClientQuery query, boolean fewMatches) {
		Filter filter = filter(query);
		String where = filter.sql();
		Map<String, Object> params = new LinkedHashMap<>(filter.params());
		ClientCursor cursor = query.cursor();
		if (cursor != null) {
			where += (where.isEmpty() ? " where" : " and") + " (created, id) < (:afterCreated, :afterId)";
			params.put("afterCreated", Timestamp.from(cursor.created()));
			params.put("afterId", cursor.id());
		}
		// "offset 0" keeps the database from planning the candidates with the page's
		// order
		String source = (fewMatches && query.q() != null)
				? "(select clients.id, clients.created from clients" + where + " offset 0) m" : "clients" + where;
		return this.jdbc
			.sql("select " + prefixed("c.") + " from clients c join (select id from " + source
					+ " order by created desc, id desc limit :limit offset :offset) p on p.id = c.id"
					+ ((query.q() != null) ? " where " + RECHECK : "") + " order by c.created desc, c.id desc")
			.params(params)
			.param("limit", query.size())
			.param("offset", query.offset())
			.query(ClientRepository::client)
			.list();
	}

	/**
	 * How many clients match: exactly up to {@value #EXACT_COUNT_LIMIT}; above that, on
	 * PostgreSQL, the planner's estimate (counting a million rows exactly costs more than
	 * the page itself), and on H2 the exact count.
	 */
	Total count(ClientQuery query) {
		Filter filter = filter(query);
		long bounded = this.jdbc
			.sql("select count(*) from (select 1 from clients" + filter.sql() + countOrder(query) + " limit "
					+ (EXACT_COUNT_LIMIT + 1) + ") t")
			.params(filter.params())
			.query(Long.class)
			.single();
		if (bounded <= EXACT_COUNT_LIMIT) {
			return new Total(bounded, true);
		}
		if (isPostgres()) {
			String plan = this.jdbc.sql("explain (format json) select 1 from clients" + filter.sql())
				.params(filter.params())
				.query(String.class)
				.single();
			Matcher rows = PLAN_ROWS.matcher(plan);
			if (rows.find()) {
				return new Total(Math.max(bounded, Long.parseLong(rows.group(1))), false);
			}
		}
		return new Total(this.jdbc.sql("select count(*) from clients" + filter.sql())
			.params(filter.params())
			.query(Long.class)
			.single(), true);
	}

	/**
	 * Without {@code q}, the bounded count walks the same index as the page (its order),
	 * so that a combination of filters that matches nothing is found empty at once
	 * instead of by a scan of the table (the planner expects such a combination to be
	 * common). With {@code q}, the planner's own choice (the trigram indexes) is faster.
	 * Measured in docs/performance.md.
	 */
	private static String countOrder(ClientQuery query) {
		return (query.q() == null) ? " order by created desc, id desc" : "";
	}

	/** A number of clients, exact or estimated. */
	record Total(long value, boolean exact) {
	}

	private boolean isPostgres() {
		if (this.postgres == null) {
			this.postgres = this.batch.execute((ConnectionCallback<Boolean>) (connection) -> connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(Locale.ROOT)
				.contains("postgres"));
		}
		return this.postgres;
	}

	private static String prefixed(String alias) {
		return alias + COLUMNS.replace(", ", ", " + alias);
	}

	/**
	 * What follows {@code from clients}: a join with the search text when there is a
	 * {@code q}, then the where clause.
	 */
	private record Filter(String sql, Map<String, Object> params) {
	}

	private static Filter filter(ClientQuery query) {
		String join = "";
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.q() != null) {
			// found through client_search (trigram-indexed on PostgreSQL: V10_1), joined
			// (one text per client): "id in (select ...)" made H2 run the subquery again
			// for every client of a streamed export. The page and the export check the
			// client itself too (RECHECK).
			join = " join client_search on client_search.client_id = clients.id";
			where.append(" and search_text like :q");
			params.put("q", "%" + escapeLike(query.q().toLowerCase(Locale.ROOT)) + "%");
		}
		if (query.project() != null) {
			where.append(" and project_id = :project");
			params.put("project", query.project());
		}
		if (query.desk() != null) {
			where.append(" and desk_id = :desk");
			params.put("desk", query.desk());
		}
		if (query.active() != null) {
			where.append(" and active = :active");
			params.put("active", query.active());
		}
		if (query.type() != null) {
			where.append(" and lower(type) = lower(:type)");
			params.put("type", query.type());
		}
		return new Filter(join + (where.isEmpty() ? "" : " where " + where.substring(" and ".length())), params);
	}

	/** Both H2 and PostgreSQL take the backslash as LIKE's default escape character. */
	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Client client(ResultSet rs, int row) throws SQLException {
		return new Client(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getTimestamp(9).toInstant());
	}

}
