package io.clientdesk.client;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import javax.sql.DataSource;

import io.clientdesk.database.Database;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * PostgreSQL: writes the search text of new clients on a connection and a thread of their
 * own, while the import's connection goes on writing the clients, so that the two keep
 * two of the database's cores busy instead of one after the other. A million new clients
 * spent 42% of their time in the database on their search text (docs/performance.md, "Two
 * connections for new clients").
 *
 * <p>
 * The texts are written in a transaction of their own, which follows the caller's: it
 * commits just before it ({@code beforeCommit}), rolls back with it, and goes back to its
 * savepoints with it. Between the two commits a reader may see texts whose clients it
 * does not see yet; {@code q} only ever reads a text joined to its client
 * ({@link ClientListQuery}), so it finds nothing more than before. If the server died
 * between the two commits, the texts of clients that were never committed would stay,
 * found by no search (their IDs are never given again): that is why
 * {@code client_search.client_id} has no foreign key on PostgreSQL (V24), which would
 * also make this connection wait for the other's uncommitted clients.
 *
 * <p>
 * H2 runs in the server's own JVM, on the same cores: there the text is written in the
 * caller's transaction ({@link ClientSearchRepository#insert}).
 */
@Repository
class ClientSearchWriter {

	private static final String INSERT = "insert into client_search (client_id, search_text) select t.id, "
			+ "lower(t.first_name || chr(10) || t.last_name || chr(10) || t.email)"
			+ " from unnest(cast(? as char(24) array), cast(? as varchar(100) array),"
			+ " cast(? as varchar(100) array), cast(? as varchar(254) array)) as t (id, first_name, last_name, email)";

	private final DataSource dataSource;

	private final Database database;

	ClientSearchWriter(DataSource dataSource, Database database) {
		this.dataSource = dataSource;
		this.database = database;
	}

	/**
	 * Hands the search text of new clients to the writer of the caller's transaction
	 * (started at the first call), which writes it while the caller goes on.
	 * @return false when the text must be written in the caller's transaction instead: on
	 * H2, or outside a transaction
	 */
	boolean insertBeside(List<Client> clients) {
		if (this.database != Database.POSTGRESQL || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return false;
		}
		Writer writer = (Writer) TransactionSynchronizationManager.getResource(this);
		if (writer == null) {
			writer = new Writer(this, connection());
			TransactionSynchronizationManager.bindResource(this, writer);
			TransactionSynchronizationManager.registerSynchronization(writer);
		}
		writer.insert(column(clients, Client::id), column(clients, Client::firstName),
				column(clients, Client::lastName), column(clients, Client::email));
		return true;
	}

	private Connection connection() {
		try {
			Connection connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
			return connection;
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("No connection for the clients' search text", ex);
		}
	}

	private static String[] column(List<Client> clients, Function<Client, String> value) {
		return clients.stream().map(value).toArray(String[]::new);
	}

	/**
	 * The texts of one transaction: its statements run in order on one thread, and the
	 * caller learns of a failure at its next call, or at its commit, which it then fails.
	 */
	private static final class Writer implements TransactionSynchronization {

		private final Object key;

		private final Connection connection;

		private final ExecutorService thread;

		/** What was handed over and not yet known to have succeeded. */
		private final List<Future<?>> pending = new ArrayList<>();

		/**
		 * The caller's savepoints taken since this writer started, and this one's own.
		 */
		private final Map<Object, Future<Savepoint>> savepoints = new IdentityHashMap<>();

		private boolean committed;

		Writer(Object key, Connection connection) {
			this.key = key;
			this.connection = connection;
			this.thread = Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "client-search-writer");
				thread.setDaemon(true);
				return thread;
			});
		}

		void insert(String[] ids, String[] firstNames, String[] lastNames, String[] emails) {
			throwIfFailed(false);
			this.pending.add(this.thread.submit(() -> {
				try (PreparedStatement insert = this.connection.prepareStatement(INSERT)) {
					insert.setArray(1, array(ids));
					insert.setArray(2, array(firstNames));
					insert.setArray(3, array(lastNames));
					insert.setArray(4, array(emails));
					insert.executeUpdate();
				}
				return null;
			}));
		}

		private Array array(String[] values) throws SQLException {
			return this.connection.createArrayOf("varchar", values);
		}

		@Override
		public void savepoint(Object savepoint) {
			Callable<Savepoint> take = this.connection::setSavepoint;
			Future<Savepoint> mine = this.thread.submit(take);
			this.savepoints.put(savepoint, mine);
			this.pending.add(mine);
		}

		/**
		 * Back to the same point: to this writer's savepoint taken with the caller's, or,
		 * for a savepoint taken before this writer started, to its beginning.
		 */
		@Override
		public void savepointRollback(Object savepoint) {
			Future<Savepoint> mine = this.savepoints.get(savepoint);
			this.pending.add(this.thread.submit(() -> {
				if (mine == null) {
					this.connection.rollback();
				}
				else {
					this.connection.rollback(mine.get());
				}
				return null;
			}));
		}

		/** Every text written, then committed; a failure fails the caller's commit. */
		@Override
		public void beforeCommit(boolean readOnly) {
			throwIfFailed(true);
			this.pending.add(this.thread.submit(() -> {
				this.connection.commit();
				return null;
			}));
			throwIfFailed(true);
			this.committed = true;
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(this.key);
			try {
				if (!this.committed) {
					this.thread.submit(() -> {
						this.connection.rollback();
						return null;
					}).get();
				}
			}
			catch (ExecutionException ex) {
				// the connection broke: nothing of it was committed
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.thread.shutdownNow();
				try {
					this.connection.close();
				}
				catch (SQLException ex) {
					// the pool drops a broken connection
				}
			}
		}

		/**
		 * Throws the first failure of what was handed over; with {@code wait}, waits for
		 * all of it first.
		 */
		private void throwIfFailed(boolean wait) {
			for (var iterator = this.pending.iterator(); iterator.hasNext();) {
				Future<?> task = iterator.next();
				if (!wait && !task.isDone()) {
					continue;
				}
				try {
					task.get();
					iterator.remove();
				}
				catch (ExecutionException ex) {
					throw failure(ex.getCause());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while the clients' search text was written", ex);
				}
			}
		}

		private static DataAccessException failure(Throwable cause) {
			if (cause instanceof DataAccessException dataAccess) {
				return dataAccess;
			}
			SQLException sql = (cause instanceof SQLException exception) ? exception
					: new SQLException(cause.getMessage(), cause);
			return new UncategorizedSQLException("Writing the clients' search text", INSERT, sql);
		}

	}

}
