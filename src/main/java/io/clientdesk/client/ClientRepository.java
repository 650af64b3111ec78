package io.clientdesk.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClientRepository {

	private static final String COLUMNS = "id, first_name, last_name, email, project_id, desk_id, active, type, created";

	private final JdbcClient jdbc;

	ClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
