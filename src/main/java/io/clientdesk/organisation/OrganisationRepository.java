package io.clientdesk.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

	/**
	 * The two tables of named units; both have the columns id, name, name_key (the name
	 * in lower case, unique), created_at and archived_at.
	 */
	enum Unit {

		PROJECTS("projects", "project"), DESKS("desks", "desk");

		private final String table;

		private final String singular;

		Unit(String table, String singular) {
			this.table = table;
			this.singular = singular;
		}

		/** The word for one of them, in messages: project or desk. */
		String singular() {
			return this.singular;
		}

	}

	record Named(String id, String name, boolean archived) {
	}

	private final JdbcClient jdbc;

	OrganisationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Named> findAll(Unit unit) {
		return this.jdbc.sql("select id, name, archived_at from " + unit.table + " order by name, id")
			.query((rs, row) -> new Named(rs.getString(1), rs.getString(2), rs.getTimestamp(3) != null))
			.list();
	}

	Optional<Named> findById(Unit unit, String id) {
		return this.jdbc.sql("select id, name, archived_at from " + unit.table + " where id = ?")
			.param(id)
			.query((rs, row) -> new Named(rs.getString(1), rs.getString(2), rs.getTimestamp(3) != null))
			.optional();
	}

	/**
	 * The one whose name equals this one ignoring case (as the database's lower() sees
	 * it), other than {@code exceptId}.
	 */
	Optional<Named> findByNameIgnoringCase(Unit unit, String name, String exceptId) {
		return this.jdbc
			.sql("select id, name, archived_at from " + unit.table
					+ " where (name_key = lower(?) or lower(name) = lower(?)) and id <> ?")
			.params(name, name, (exceptId != null) ? exceptId : "")
			.query((rs, row) -> new Named(rs.getString(1), rs.getString(2), rs.getTimestamp(3) != null))
			.list()
			.stream()
			.findFirst();
	}

	/** Names kept from before they had to differ ignoring case (see V16). */
	List<String> namesCollidingIgnoringCase(Unit unit) {
		return this.jdbc.sql("select name from " + unit.table + " where name_key <> lower(name) order by name")
			.query(String.class)
			.list();
	}

	void insert(Unit unit, String id, String name, Instant createdAt) {
		this.jdbc.sql("insert into " + unit.table + " (id, name, name_key, created_at) values (?, ?, lower(?), ?)")
			.params(id, name, name, Timestamp.from(createdAt))
			.update();
	}

	void rename(Unit unit, String id, String name) {
		this.jdbc.sql("update " + unit.table + " set name = ?, name_key = lower(?) where id = ?")
			.params(name, name, id)
			.update();
	}

	void setArchived(Unit unit, String id, Instant archivedAt) {
		this.jdbc.sql("update " + unit.table + " set archived_at = ? where id = ?")
			.params((archivedAt != null) ? Timestamp.from(archivedAt) : null, id)
			.update();
	}

	Optional<ImportDefaults> findImportDefaults() {
		return this.jdbc.sql("select project_id, desk_id, active, type from import_defaults where id = 1")
			.query((rs, row) -> new ImportDefaults(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
			.optional();
	}

	/**
	 * The import defaults, their row locked until the transaction ends: what changes them
	 * or checks something against them (archiving, client types) takes turns.
	 */
	Optional<ImportDefaults> lockImportDefaults() {
		return this.jdbc.sql("select project_id, desk_id, active, type from import_defaults where id = 1 for update")
			.query((rs, row) -> new ImportDefaults(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
			.optional();
	}

	void insertImportDefaults(ImportDefaults defaults) {
		this.jdbc.sql("insert into import_defaults (id, project_id, desk_id, active, type) values (1, ?, ?, ?, ?)")
			.params(defaults.project(), defaults.desk(), defaults.active(), defaults.type())
			.update();
	}

	void updateImportDefaults(ImportDefaults defaults) {
		this.jdbc.sql("update import_defaults set project_id = ?, desk_id = ?, active = ?, type = ? where id = 1")
			.params(defaults.project(), defaults.desk(), defaults.active(), defaults.type())
			.update();
	}

	List<String> findClientTypes() {
		return this.jdbc.sql("select name from client_types order by position").query(String.class).list();
	}

	/** Replaces the client types with these, in this order. */
	void replaceClientTypes(List<String> types) {
		this.jdbc.sql("delete from client_types").update();
		for (int i = 0; i < types.size(); i++) {
			this.jdbc.sql("insert into client_types (position, name, name_key) values (?, ?, lower(?))")
				.params(i, types.get(i), types.get(i))
				.update();
		}
	}

}
