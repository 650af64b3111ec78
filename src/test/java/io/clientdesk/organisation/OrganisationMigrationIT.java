package io.clientdesk.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.PostgresAvailableCondition;
import io.clientdesk.support.TestDatabase;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The migration that made names unique ignoring case (V16), on a database of an older
 * version that holds names colliding so: it keeps them, and refuses new collisions.
 */
@ExtendWith(PostgresAvailableCondition.class)
class OrganisationMigrationIT {

	@Test
	void keeps_names_that_collide_ignoring_case_and_keys_all_but_the_oldest_apart() {
		Map<String, String> database = TestDatabase.newDatabase();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
		String vendor = TestDatabase.isPostgres() ? "postgresql" : "h2";
		migrate(dataSource, vendor, "14");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		String retail = insert(jdbc, "desks", "Retail", now);
		String upper = insert(jdbc, "desks", "RETAIL", now.plusSeconds(1));
		String lower = insert(jdbc, "desks", "retail", now.plusSeconds(2));
		String other = insert(jdbc, "desks", "Other", now);
		String project = insert(jdbc, "projects", "Brand", now);

		migrate(dataSource, vendor, "latest");

		assertThat(jdbc.sql("select id, name, name_key from desks order by created_at, id")
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list()).containsExactlyInAnyOrder(List.of(retail, "Retail", "retail"), List.of(other, "Other", "other"),
					List.of(upper, "RETAIL", "retail#" + upper), List.of(lower, "retail", "retail#" + lower));
		assertThat(jdbc.sql("select name_key from projects where id = ?").param(project).query(String.class).single())
			.isEqualTo("brand");
		assertThat(jdbc.sql("select count(*) from desks where archived_at is not null").query(Integer.class).single())
			.isZero();
		// the key is unique: a new name equal to one of them ignoring case cannot be
		// stored
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> jdbc.sql("insert into desks (id, name, name_key, created_at) values (?, ?, lower(?), ?)")
				.params(ObjectIds.next(), "reTail", "reTail", Timestamp.from(now))
				.update());
		// the client types are filled in by the first start, from the setting
		assertThat(jdbc.sql("select count(*) from client_types").query(Integer.class).single()).isZero();
	}

	private static void migrate(DriverManagerDataSource dataSource, String vendor, String target) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.target(target)
			.load()
			.migrate();
	}

	private static String insert(JdbcClient jdbc, String table, String name, Instant createdAt) {
		String id = ObjectIds.next();
		jdbc.sql("insert into " + table + " (id, name, created_at) values (?, ?, ?)")
			.params(id, name, Timestamp.from(createdAt))
			.update();
		return id;
	}

}
