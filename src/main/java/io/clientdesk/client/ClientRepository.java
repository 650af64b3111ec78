package io.clientdesk.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClientRepository {

	private static final String COLUMNS = "id, first_name, last_name, email, project_id, desk_id, active, type, created";

	/** Rows per statement when looking clients up by a list of keys. */
	private static final int LOOKUP_CHUNK = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

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
		for (List<String> chunk : chunks(ids)) {
			this.jdbc.sql("select " + COLUMNS + " from clients where id in (:keys) order by id" + suffix)
				.param("keys", chunk)
				.query(ClientRepository::client)
				.list()
				.forEach((client) -> found.put(client.id(), client));
		}
		for (List<String> chunk : chunks(emails)) {
			this.jdbc.sql("select " + COLUMNS + " from clients where email in (:keys) order by id" + suffix)
				.param("keys", chunk)
				.query(ClientRepository::client)
				.list()
				.forEach((client) -> found.put(client.id(), client));
		}
		return new ArrayList<>(found.values());
	}

	void insertAll(List<Client> clients) {
		this.batch.batchUpdate(
				"insert into clients (first_name, last_name, email, project_id, desk_id, active, type, created, id)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				clients.stream().map(ClientRepository::values).toList());
	}

	void updateAll(List<Client> clients) {
		this.batch.batchUpdate(
				"update clients set first_name = ?, last_name = ?, email = ?, project_id = ?, desk_id = ?, active = ?,"
						+ " type = ?, created = ? where id = ?",
				clients.stream().map(ClientRepository::values).toList());
	}

	/**
	 * Hands every client that matches the query's filters to the consumer, in the list's
	 * order, reading them in batches rather than all at once.
	 */
	void forEach(ClientQuery query, Consumer<Client> consumer) {
		Filter filter = filter(query);
		try (Stream<Client> clients = this.jdbc
			.sql("select " + COLUMNS + " from clients" + filter.where() + " order by created desc, id desc")
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

	private static List<List<String>> chunks(Collection<String> keys) {
		List<String> all = new ArrayList<>(keys);
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
			chunks.add(all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK)));
		}
		return chunks;
	}

	Optional<Client> findById(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from clients where id = ?")
			.param(id)
			.query(ClientRepository::client)
			.optional();
	}

	List<Client> find(ClientQuery query) {
		Filter filter = filter(query);
		return this.jdbc
			.sql("select " + COLUMNS + " from clients" + filter.where()
					+ " order by created desc, id desc limit :limit offset :offset")
			.params(filter.params())
			.param("limit", query.size())
			.param("offset", query.offset())
			.query(ClientRepository::client)
			.list();
	}

	long count(ClientQuery query) {
		Filter filter = filter(query);
		return this.jdbc.sql("select count(*) from clients" + filter.where())
			.params(filter.params())
			.query(Long.class)
			.single();
	}

	private record Filter(String where, Map<String, Object> params) {
	}

	private static Filter filter(ClientQuery query) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.q() != null) {
			where.append(" and (first_name ilike :q or last_name ilike :q or email ilike :q)");
			params.put("q", "%" + escapeLike(query.q()) + "%");
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
		return new Filter(where.isEmpty() ? "" : " where " + where.substring(" and ".length()), params);
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
