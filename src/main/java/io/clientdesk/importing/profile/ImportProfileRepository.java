package io.clientdesk.importing.profile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import profiles, by name ignoring case ({@code name_key}); each stored as its
 * definition in JSON ({@link ProfileJson}).
 */
@Repository
class ImportProfileRepository {

	private final JdbcClient jdbc;

	ImportProfileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ImportProfile> findAll() {
		return this.jdbc.sql("select name, definition from import_profiles order by name_key")
			.query((rs, row) -> ProfileJson.read(rs.getString(1), rs.getString(2)))
			.list();
	}

	Optional<ImportProfile> find(String name) {
		return this.jdbc.sql("select name, definition from import_profiles where name_key = lower(?)")
			.param(name)
			.query((rs, row) -> ProfileJson.read(rs.getString(1), rs.getString(2)))
			.optional();
	}

	boolean exists(String name) {
		return this.jdbc.sql("select count(*) from import_profiles where name_key = lower(?)")
			.param(name)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(ImportProfile profile, String createdBy, Instant at) {
		this.jdbc
			.sql("insert into import_profiles (name_key, name, definition, created_by, updated_at)"
					+ " values (lower(?), ?, ?, ?, ?)")
			.params(profile.name(), profile.name(), ProfileJson.definition(profile), createdBy, Timestamp.from(at))
			.update();
	}

	/**
	 * Replaces the profile of the old name (ignoring case); says whether there was one.
	 */
	boolean update(String oldName, ImportProfile profile, Instant at) {
		return this.jdbc
			.sql("update import_profiles set name_key = lower(?), name = ?, definition = ?, updated_at = ?"
					+ " where name_key = lower(?)")
			.params(profile.name(), profile.name(), ProfileJson.definition(profile), Timestamp.from(at), oldName)
			.update() == 1;
	}

	boolean delete(String name) {
		return this.jdbc.sql("delete from import_profiles where name_key = lower(?)").param(name).update() == 1;
	}

}
