package io.clientdesk.client;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;

import io.clientdesk.database.Database;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.clientdesk.client.ClientTable.COLUMNS;

/**
 * What an import reads and writes: the clients its file refers to, then the new and
 * changed ones, thousands at a time, in the import's transaction.
 */
@Repository
class ClientBulkRepository {

	private static final int WRITE_CHUNK = 500;

	/** Rows written below which the planner's statistics are left to autovacuum. */
	static final long ANALYZE_MIN_ROWS = 5_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Database database;

	ClientBulkRepository(JdbcClient jdbc, JdbcTemplate batch, Database database) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.database = database;
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
			this.jdbc
				.sql("select " + ClientTable.columns("c.") + " from " + ClientTable.ID_KEYS
						+ " join clients c on c.id = t.id" + suffix)
				.param(ids.toArray(String[]::new))
				.query(ClientTable::client)
				.list()
				.forEach((client) -> found.put(client.id(), client));
		}
		if (!emails.isEmpty()) {
			this.jdbc.sql("select " + COLUMNS + " from clients where email = any(?)" + suffix)
				.param(emails.toArray(String[]::new))
				.query(ClientTable::client)
				.list()
				.forEach((client) -> found.put(client.id(), client));
		}
		return new ArrayList<>(found.values());
	}

	/**
	 * PostgreSQL: refreshes the planner's statistics of the clients and their search text
	 * after an import of at least {@value #ANALYZE_MIN_ROWS} rows, when they are stale:
	 * never taken, or taken when the table had less than half the pages it has now. A
	 * table filled by one import of a million rows had none (autovacuum had not got to
	 * it), and the next import's statements were planned as for an empty table: a
	 * million-row update ran at a fifth of its speed until an {@code ANALYZE}, and the
	 * list during 20 imports at once waited four times as long (docs/performance.md).
	 * Doubling as the rule keeps it rare: a table that grows by 5 000 rows per import is
	 * analysed at 5 000, 10 000, 20 000... rows. H2 keeps its own selectivity: nothing to
	 * do.
	 * @return whether the statistics were refreshed
	 */
	boolean analyzeAfter(long rows) {
		if (this.database != Database.POSTGRESQL || rows < ANALYZE_MIN_ROWS) {
			return false;
		}
		// ANALYZE is the owner's (or a superuser's): for another user, PostgreSQL skips
		// the table with a warning, so it is not asked
		Statistics statistics = this.jdbc
			.sql("select reltuples, relpages, pg_relation_size(oid) / current_setting('block_size')::int,"
					+ " pg_has_role(relowner, 'USAGE') from pg_class where oid = 'clients'::regclass")
			.query((rs, row) -> new Statistics(rs.getDouble(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)))
			.single();
		if (!statistics.mayAnalyze() || !statistics.stale()) {
			return false;
		}
		this.jdbc.sql("analyze clients, client_search").update();
		return true;
	}

	/**
	 * What PostgreSQL's statistics say of the clients table (rows -1: never analysed),
	 * the pages it has now, and whether this user may refresh them.
	 */
	record Statistics(double rows, long pagesThen, long pagesNow, boolean mayAnalyze) {

		boolean stale() {
			return this.rows < 0 || this.pagesNow > 2 * this.pagesThen;
		}

	}

	/** New clients: streamed with {@code COPY} on PostgreSQL, batched inserts on H2. */
	void insertAll(List<Client> clients) {
		if (this.database == Database.POSTGRESQL) {
			copyIn(clients);
			return;
		}
		this.batch.batchUpdate(
				"insert into clients (first_name, last_name, email, project_id, desk_id, active, type, created, id)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				clients.stream().map(ClientBulkRepository::values).toList());
	}

	/**
	 * PostgreSQL: new clients through {@code COPY ... FROM STDIN}, one stream instead of
	 * statements of bound parameters (measured in docs/performance.md). Constraints and
	 * indexes apply as to an insert: a duplicate email fails the same way.
	 */
	private void copyIn(List<Client> clients) {
		String csv = csv(clients);
		this.batch.execute((ConnectionCallback<Long>) (connection) -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy clients (" + COLUMNS + ") from stdin (format csv)", new StringReader(csv));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** The clients as {@code COPY}'s CSV, in the order of {@link ClientTable#COLUMNS}. */
	private static String csv(List<Client> clients) {
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
		return csv.toString();
	}

	private static StringBuilder quoted(StringBuilder csv, String value) {
		return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

	private static Object[] values(Client client) {
		return new Object[] { client.firstName(), client.lastName(), client.email(), client.project(), client.desk(),
				client.active(), client.type(), Timestamp.from(client.created()), client.id() };
	}

	/**
	 * Deletes the clients with the IDs, after their search text
	 * ({@code client_search.client_id} references them).
	 */
	void deleteAll(Collection<String> ids) {
		delete("client_search", "client_id", ids);
		delete("clients", "id", ids);
	}

	/**
	 * PostgreSQL: one statement, whose array parameter probes the primary key once per ID
	 * ({@link ClientTable#ID_KEYS}). H2 does not use the key for that subquery (5 000 IDs
	 * took 55 s): a batch of deletes by key instead.
	 */
	private void delete(String table, String key, Collection<String> ids) {
		if (this.database == Database.POSTGRESQL) {
			this.jdbc
				.sql("delete from " + table + " where " + key + " in (select t.id from " + ClientTable.ID_KEYS + ")")
				.param(ids.toArray(String[]::new))
				.update();
			return;
		}
		this.batch.batchUpdate("delete from " + table + " where " + key + " = ?",
				ids.stream().map((id) -> new Object[] { id }).toList());
	}

	/**
	 * Writes changed clients with one MERGE statement per {@value #WRITE_CHUNK} rows (a
	 * multi-row VALUES list that H2 and PostgreSQL both take): a few statements instead
	 * of one per client.
	 */
	void updateAll(List<Client> clients) {
		for (int from = 0; from < clients.size(); from += WRITE_CHUNK) {
			List<Client> chunk = clients.subList(from, Math.min(clients.size(), from + WRITE_CHUNK));
			this.jdbc.sql(merge(chunk.size())).params(mergeParams(chunk)).update();
		}
	}

	/**
	 * The MERGE of {@code rows} clients: the first row of the VALUES list gives each
	 * column its type.
	 */
	private static String merge(int rows) {
		return "merge into clients c using (values "
				+ "(cast(? as char(24)), cast(? as varchar(100)), cast(? as varchar(100)), cast(? as varchar(254)),"
				+ " cast(? as char(24)), cast(? as char(24)), cast(? as boolean), cast(? as varchar(50)),"
				+ " cast(? as timestamp with time zone))" + ", (?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(rows - 1)
				+ ") as v (id, first_name, last_name, email, project_id, desk_id, active, type, created)"
				+ " on c.id = v.id when matched then update set first_name = v.first_name,"
				+ " last_name = v.last_name, email = v.email, project_id = v.project_id, desk_id = v.desk_id,"
				+ " active = v.active, type = v.type, created = v.created";
	}

	private static List<Object> mergeParams(List<Client> chunk) {
		List<Object> params = new ArrayList<>(chunk.size() * 9);
		for (Client client : chunk) {
			params.addAll(List.of(client.id(), client.firstName(), client.lastName(), client.email(), client.project(),
					client.desk(), client.active(), client.type(), Timestamp.from(client.created())));
		}
		return params;
	}

}
