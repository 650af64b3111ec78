package io.clientdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit log's table: entries are inserted and read, never changed or deleted (and on
 * PostgreSQL a trigger refuses that to anyone).
 */
@Repository
class AuditRepository {

	private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AuditEntry entry) {
		this.jdbc
			.sql("insert into audit_log (id, occurred_at, actor, client_address, action, target, details)"
					+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(entry.id(), Timestamp.from(entry.time()), entry.actor(), entry.clientAddress(),
					entry.action().name(), entry.target(), this.json.writeValueAsString(entry.details()))
			.update();
	}

	AuditPage find(AuditQuery query) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (query.user() != null) {
			conditions.add("actor = :user");
			parameters.put("user", query.user());
		}
		if (query.action() != null) {
			conditions.add("action = :action");
			parameters.put("action", query.action().name());
		}
		if (query.from() != null) {
			conditions.add("occurred_at >= :from");
			parameters.put("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			conditions.add("occurred_at < :to");
			parameters.put("to", Timestamp.from(query.to()));
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		long total = this.jdbc.sql("select count(*) from audit_log" + where)
			.params(parameters)
			.query(Long.class)
			.single();
		List<AuditEntry> items = this.jdbc
			.sql("select id, occurred_at, actor, client_address, action, target, details from audit_log" + where
					+ " order by occurred_at desc, id desc offset :offset rows fetch first :size rows only")
			.params(parameters)
			.param("offset", query.offset())
			.param("size", query.size())
			.query(this::entry)
			.list();
		return new AuditPage(items, query.page(), query.size(), total);
	}

	/**
	 * The user's latest entries of the given actions, newest first: by the actor index,
	 * reading the user's entries until enough match.
	 */
	List<AuditEntry> latest(String actor, List<AuditAction> actions, int limit) {
		return this.jdbc
			.sql("select id, occurred_at, actor, client_address, action, target, details from audit_log"
					+ " where actor = :actor and action in (:actions)"
					+ " order by occurred_at desc, id desc fetch first :limit rows only")
			.param("actor", actor)
			.param("actions", actions.stream().map(AuditAction::name).toList())
			.param("limit", limit)
			.query(this::entry)
			.list();
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getString("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("client_address"), AuditAction.valueOf(rs.getString("action")), rs.getString("target"),
				this.json.readValue(rs.getString("details"), DETAILS));
	}

}
