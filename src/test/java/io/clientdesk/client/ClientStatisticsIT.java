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
 * After a large import, PostgreSQL's statistics of the clients are refreshed at once when
 * they are stale (a table filled by one large import had none, and the next import's
 * statements were planned as for an empty table); fresh ones, and small imports, are left
 * to autovacuum. H2 has nothing to refresh.
 */
@IntegrationTest
class ClientStatisticsIT {

	@Autowired
	ClientService clients;

	@Autowired
	JdbcClient jdbc;

	@Test
	void statistics_never_taken_are_taken_after_a_large_import_and_fresh_ones_are_left_alone() {
		assertThat(this.clients.afterBulkWrite(100)).as("100 rows").isFalse();
		if (!TestDatabase.isPostgres()) {
			assertThat(this.clients.afterBulkWrite(1_000_000)).as("H2: nothing to refresh").isFalse();
			return;
		}
		// as a table that autovacuum has not analysed yet (the tests' user is a
		// superuser)
		this.jdbc.sql("update pg_class set reltuples = -1, relpages = 0 where oid = 'clients'::regclass").update();
		Instant before = Instant.now().minusMillis(1);

		assertThat(this.clients.afterBulkWrite(ClientBulkRepository.ANALYZE_MIN_ROWS)).as("stale").isTrue();
		// the server's activity statistics are written within a second or so
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lastAnalyzed()).isAfter(before));
		assertThat(this.jdbc.sql("select reltuples from pg_class where oid = 'clients'::regclass")
			.query(Double.class)
			.single()).as("the rows the planner counts on").isGreaterThanOrEqualTo(0);

		assertThat(this.clients.afterBulkWrite(ClientBulkRepository.ANALYZE_MIN_ROWS)).as("just taken").isFalse();
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
