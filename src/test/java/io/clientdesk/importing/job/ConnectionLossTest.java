package io.clientdesk.importing.job;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionLossTest {

	@Test
	void a_connection_terminated_by_a_restart_of_postgresql_is_a_lost_connection() {
		SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command",
				"57P01");
		assertThat(ConnectionLoss.isCauseOf(new DataAccessResourceFailureException("insert", terminated))).isTrue();
	}

	@Test
	void a_broken_socket_and_a_transaction_that_could_not_begin_are_lost_connections() {
		SQLException broken = new PSQLException("An I/O error occurred while sending to the backend",
				PSQLState.CONNECTION_FAILURE);
		assertThat(ConnectionLoss.isCauseOf(new UncategorizedSQLException("COPY", null, broken))).isTrue();
		assertThat(ConnectionLoss.isCauseOf(new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(ConnectionLoss.isCauseOf(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
	}

	@Test
	void a_full_disk_and_a_taken_email_are_not() {
		assertThat(ConnectionLoss.isCauseOf(new DataAccessResourceFailureException("insert",
				new SQLException("could not extend file: No space left on device", "53100"))))
			.isFalse();
		assertThat(ConnectionLoss.isCauseOf(new DuplicateKeyException("clients_email"))).isFalse();
	}

}
