package io.clientdesk.importing.job;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that the database's going away caused (a restart, a failover, a killed
 * connection), which a new connection cures, from one that trying again would repeat.
 * Spring translates PostgreSQL's "terminating connection due to administrator command"
 * (57P01) and a broken socket (08006) into a {@code DataAccessResourceFailureException},
 * as it does a full disk (53100), so the SQL state is read instead.
 */
final class ConnectionLoss {

	private ConnectionLoss() {
	}

	static boolean isCauseOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// a rollback or commit that failed in JDBC (TransactionSystemException): on a
			// connection that had broken, often as Hikari's "Connection is closed", which
			// carries no SQL state
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransactionSystemException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && lostConnection(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Class 08 (connection exception), and PostgreSQL's 57P01–57P03 (admin or crash
	 * shutdown, cannot connect now: the server is stopping or starting).
	 */
	private static boolean lostConnection(String sqlState) {
		return sqlState.startsWith("08") || sqlState.startsWith("57P");
	}

}
