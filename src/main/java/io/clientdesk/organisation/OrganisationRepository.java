package io.clientdesk.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

	/** The two tables of named units; both have the columns id, name and created_at. */
	enum Unit {

		PROJECTS("projects"), DESKS("desks");

		private final String table;

		Unit(String table) {
			this.table = table;
		}

	}

	record Named(String id, String name) {
	}

	private final JdbcClient jdbc;

	OrganisationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Named> findAll(Unit unit) {
		return this.jdbc.sql("select id, name from " + unit.table + " order by name, id")
			.query((rs, row) -> new Named(rs.getString(1), rs.getString(2)))
			.list();
	}

	Optional<Named> findById(Unit unit, String id) {
		return this.jdbc.sql("select id, name from " + unit.table + " where id = ?")
			.param(id)
			.query((rs, row) -> new Named(rs.getString(1), rs.getString(2)))
			.optional();
	}

	boolean nameExists(Unit unit, String name) {
		return this.jdbc.sql("select count(*) from " + unit.table + " where name = ?")
			.param(name)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(Unit unit, String id, String name, Instant createdAt) {
		this.jdbc.sql("insert into " + unit.table + " (id, name, created_at) values (?, ?, ?)")
			.params(id, name, Timestamp.from(createdAt))
			.update();
	}

	Optional<ImportDefaults> findImportDefaults() {
		return this.jdbc.sql("select project_id, desk_id, active, type from import_defaults where id = 1")
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

}
