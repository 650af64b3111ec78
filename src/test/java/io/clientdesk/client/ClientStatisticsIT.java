package io.clientdesk.client;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;

import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After an import that wrote a large part of the clients, PostgreSQL's statistics of the
 * table are refreshed at once (a table filled by one large import had none, and the next
 * import's statements were planned as for an empty table); after a small one, they are
 * left to autovacuum. H2 has nothing to refresh.
 */
@IntegrationTest
class ClientStatisticsIT {

	@Autowired
	ClientService clients;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_write_of_many_rows_refreshes_the_statistics_and_a_small_one_does_not() {
		Instant before = Instant.now().minusMillis(1);

		assertThat(this.clients.afterBulkWrite(100)).as("100 rows").isFalse();
		if (!TestDatabase.isPostgres()) {
			assertThat(this.clients.afterBulkWrite(1_000_000_000)).as("H2: nothing to refresh").isFalse();
			return;
		}
		assertThat(this.clients.afterBulkWrite(1_000_000_000)).as("a billion rows").isTrue();
		// the server's activity statistics are written within a second or so
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lastAnalyzed()).isAfter(before));
		assertThat(this.jdbc.sql("select reltuples from pg_class where oid = 'clients'::regclass")
			.query(Double.class)
			.single()).as("the rows the planner counts on").isGreaterThanOrEqualTo(0);
	}

	/** When an ANALYZE (not autovacuum's) last ran on the clients. */
	private Instant lastAnalyzed() {
		Timestamp at = this.jdbc.sql("select last_analyze from pg_stat_user_tables where relname = 'clients'")
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return (at != null) ? at.toInstant() : Instant.EPOCH;
	}

}
