package io.clientdesk.database;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DatabaseTest {

	@Test
	void the_database_is_told_by_its_jdbc_url() {
		assertThat(Database.ofJdbcUrl("jdbc:postgresql://127.0.0.1:5432/clientdesk")).isEqualTo(Database.POSTGRESQL);
		assertThat(Database.ofJdbcUrl("jdbc:h2:file:./data/clientdesk;MODE=PostgreSQL")).isEqualTo(Database.H2);
		assertThat(Database.ofJdbcUrl("jdbc:h2:mem:clientdesk-test")).isEqualTo(Database.H2);
	}

	@Test
	void a_database_other_than_postgresql_or_h2_is_refused_by_name() {
		assertThatIllegalStateException().isThrownBy(() -> Database.ofJdbcUrl("jdbc:mysql://localhost/clientdesk"))
			.withMessage("ClientDesk runs on PostgreSQL or H2, not on jdbc:mysql://localhost/clientdesk");
	}

	@Test
	void a_refused_database_is_named_without_its_password() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Database.ofJdbcUrl("jdbc:mysql://crm:secret@localhost/clientdesk?password=secret"))
			.withMessage("ClientDesk runs on PostgreSQL or H2, not on jdbc:mysql://localhost/clientdesk?password=***");
	}

	@Test
	void the_pool_rewrites_batched_inserts_on_postgresql_only() {
		try (HikariDataSource postgresql = pool("jdbc:postgresql://127.0.0.1:5432/clientdesk");
				HikariDataSource h2 = pool("jdbc:h2:mem:clientdesk-test")) {
			assertThat(postgresql.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
			assertThat(h2.getDataSourceProperties()).isEmpty();
		}
	}

	/** A pool as Spring Boot hands it to the post-processors: configured, not started. */
	private static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		return (HikariDataSource) new PostgresTuning().postProcessBeforeInitialization(pool, "dataSource");
	}

}
