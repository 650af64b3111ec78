package io.clientdesk.client;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clientdesk.database.Database;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * PostgreSQL: writes the search text of new and changed clients on a connection and a
 * thread of their own, while the import's connection goes on writing the clients, so that
 * the two keep two of the database's cores busy instead of one after the other. A million
 * new clients spent 42% of their time in the database on their search text, and changed
 * clients a third of theirs (docs/performance.md, "Two connections for new clients"). The
 * text is computed from the values handed over, the same values the caller writes to the
 * clients.
 *
 * <p>
 * The texts are written in a transaction of their own, which follows the caller's: it
 * commits just before it ({@code beforeCommit}), rolls back with it, and goes back to its
 * savepoints with it; if the caller's commit fails after this one, the texts are put back
 * as the clients are ({@code putBack}). Between the two commits a reader may see texts
 * whose clients it does not see yet; {@code q} only ever reads a text joined to its
 * client and checks the page's clients themselves ({@link ClientListQuery}), so it finds
 * no client it should not (a changed client, by neither name for that moment). If the
 * server died between the two commits, the texts of clients that were never committed
 * would stay, found by no search (their IDs are never given again): that is why
 * {@code client_search.client_id} has no foreign key on PostgreSQL (V24), which would
 * also refuse the texts of clients that the other connection has not committed yet. The
 * import is then run again, and writes its changed clients' texts again.
 *
 * <p>
 * H2 runs in the server's own JVM, on the same cores: there the text is written in the
 * caller's transaction ({@link ClientSearchRepository#insert}).
 */
@Repository
class ClientSearchWriter {

	private static final Logger log = LoggerFactory.getLogger(ClientSearchWriter.class);

	private final DataSource dataSource;

	private final Database database;

	ClientSearchWriter(DataSource dataSource, Database database) {
		this.dataSource = dataSource;
		this.database = database;
	}

	/**
	 * Hands the search text of new and changed clients to the writer of the caller's
	 * transaction (started at the first call), which writes it while the caller goes on.
	 * The caller holds the changed clients locked ({@code for update}) until its
	 * transaction ends, after this one's commit: no other writer of their text waits on
	 * this one, nor this one on another.
	 * @return false when the text must be written in the caller's transaction instead: on
	 * H2, or outside a transaction
	 */
	boolean writeBeside(List<Client> created, List<Client> updated) {
		if (this.database != Database.POSTGRESQL || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return false;
		}
		Writer writer = (Writer) TransactionSynchronizationManager.getResource(this);
		if (writer == null) {
			writer = new Writer(this, connection(), new SQLErrorCodeSQLExceptionTranslator(this.dataSource));
			TransactionSynchronizationManager.bindResource(this, writer);
			TransactionSynchronizationManager.registerSynchronization(writer);
		}
		writer.write(created, updated);
		return true;
	}

	private Connection connection() {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
			return connection;
		}
		catch (SQLException ex) {
			close(connection);
			throw new CannotGetJdbcConnectionException("No connection for the clients' search text", ex);
		}
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// the pool drops a broken connection
			}
		}
	}

	/**
	 * The texts of one transaction, written in order on one thread. One chunk at a time:
	 * a chunk is handed over once the one before it is written (it was written while the
	 * caller copied that chunk's clients), so memory holds one chunk of texts, however
	 * large the file. The caller learns of a failure at its next chunk, or at its commit,
	 * which then fails. Its waits are not cut short by an interrupt (a server stopping
	 * interrupts its imports): the caller's transaction ends knowing what happened to
	 * this one, and the connection is given back only once the thread is done with it.
	 */
	private static final class Writer implements TransactionSynchronization {

		/**
		 * Clients written by one statement at most: an import's chunk (an undo hands over
		 * all its clients at once).
		 */
		private static final int STATEMENT_ROWS = 5000;

		/** How long the end of the transaction waits for a statement to end. */
		private static final Duration END_WAIT = Duration.ofMinutes(1);

		private final Object key;

		private final Connection connection;

		private final SQLExceptionTranslator translator;

		private final ExecutorService thread;

		/** What was handed over and not yet known to have succeeded. */
		private final List<Future<?>> pending = new ArrayList<>();

		/**
		 * The caller's savepoints taken since this writer started, and this one's own.
		 */
		private final Map<Object, Future<Savepoint>> savepoints = new IdentityHashMap<>();

		private boolean committed;

		/**
		 * The IDs of the transaction and subtransactions (savepoints) that wrote this
		 * writer's texts, as their rows' {@code xmin} reads; written by its thread, read
		 * once every task handed over is done.
		 */
		private final Set<String> transactionIds = new HashSet<>();

		/** The statement run last, named by a failure. */
		private volatile String lastSql;

		Writer(Object key, Connection connection, SQLExceptionTranslator translator) {
			this.key = key;
			this.connection = connection;
			this.translator = translator;
			this.thread = Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "client-search-writer");
				thread.setDaemon(true);
				return thread;
			});
		}

		/**
		 * Hands over one chunk: the new clients' texts are inserted
		 * ({@link ClientSearchRepository#INSERT_NEW}), then the changed ones' written
		 * ({@link ClientSearchRepository#UPSERT_CHANGED}), each by statements of at most
		 * {@value #STATEMENT_ROWS} clients, each waited for on its own (an undo hands
		 * over all its clients at once).
		 */
		void write(List<Client> created, List<Client> updated) {
			awaitPending();
			handOver(ClientSearchRepository.INSERT_NEW, created);
			handOver(ClientSearchRepository.UPSERT_CHANGED, updated);
		}

		private void handOver(String sql, List<Client> clients) {
			for (int from = 0; from < clients.size(); from += STATEMENT_ROWS) {
				List<Client> slice = clients.subList(from, Math.min(clients.size(), from + STATEMENT_ROWS));
				String[][] values = { ClientSearchRepository.column(slice, Client::id),
						ClientSearchRepository.column(slice, Client::firstName),
						ClientSearchRepository.column(slice, Client::lastName),
						ClientSearchRepository.column(slice, Client::email) };
				this.pending.add(this.thread.submit(() -> {
					this.lastSql = sql;
					this.transactionIds.addAll(ClientSearchRepository.writeAndTellTransactions(this.connection, sql,
							array(values[0]), array(values[1]), array(values[2]), array(values[3])));
					return null;
				}));
			}
		}

		private Array array(String[] values) throws SQLException {
			return this.connection.createArrayOf("varchar", values);
		}

		@Override
		public void savepoint(Object savepoint) {
			Callable<Savepoint> take = () -> {
				this.lastSql = "savepoint";
				return this.connection.setSavepoint();
			};
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
				this.lastSql = "rollback to savepoint";
				if (mine == null) {
					this.connection.rollback();
				}
				else {
					this.connection.rollback(mine.get());
				}
				return null;
			}));
		}

		/**
		 * A transaction of its own inside the caller's (REQUIRES_NEW) gets its own
		 * writer.
		 */
		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(this.key);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(this.key, this);
		}

		/** Every text written, then committed; a failure fails the caller's commit. */
		@Override
		public void beforeCommit(boolean readOnly) {
			awaitPending();
			this.pending.add(this.thread.submit(() -> {
				this.lastSql = "commit";
				this.connection.commit();
				return null;
			}));
			awaitPending();
			this.committed = true;
		}

		/**
		 * Rolls back with the caller; or, when the caller's commit failed after this one
		 * went through (a later {@code beforeCommit} threw, or its own commit was
		 * refused), puts the texts this one wrote back as the clients are
		 * ({@link #putBack}).
		 */
		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(this.key);
			try {
				if (!this.committed) {
					uninterrupted(this.thread.submit(() -> {
						this.connection.rollback();
						return null;
					}));
				}
				else if (status == STATUS_ROLLED_BACK && !this.transactionIds.isEmpty()) {
					putBack();
				}
			}
			catch (ExecutionException | TimeoutException ex) {
				// the connection broke, or hangs: closing it below ends its transaction
				log.debug("The clients' search text: the end of a transaction that did not commit failed", ex);
			}
			finally {
				this.thread.shutdown();
				awaitTermination();
				close(this.connection);
			}
		}

		/**
		 * The texts this writer committed for a transaction that then rolled back, put
		 * back as the clients are: those of clients that were never committed are
		 * deleted, those of changed clients written again from their rows. Only rows
		 * still as this writer left them (its transactions' IDs as their {@code xmin}),
		 * of clients that no other import holds now ({@code skip locked}): an import that
		 * holds one writes its text itself. A text that cannot be put back (the
		 * connection broke) is logged: it says what the file said until the client is
		 * next changed.
		 */
		private void putBack() {
			try {
				uninterrupted(this.thread.submit(() -> {
					this.lastSql = "put back";
					int removed = ClientSearchRepository.removeOrphansOf(this.connection, this.transactionIds);
					int restored = ClientSearchRepository.restoreFromClients(this.connection, this.transactionIds);
					this.connection.commit();
					log.warn(
							"A transaction failed to commit after its clients' search text was committed: {} texts"
									+ " of clients never committed deleted, {} texts of changed clients put back",
							removed, restored);
					return null;
				}));
			}
			catch (ExecutionException | TimeoutException ex) {
				log.error("A transaction failed to commit after its clients' search text was committed, and the"
						+ " text could not be put back: changed clients may be found by the values of the file"
						+ " until they are next changed", ex);
			}
		}

		/** Waits for everything handed over; throws the first failure. */
		private void awaitPending() {
			for (var iterator = this.pending.iterator(); iterator.hasNext();) {
				Future<?> task = iterator.next();
				try {
					uninterrupted(task);
					iterator.remove();
				}
				catch (ExecutionException ex) {
					throw failure(ex.getCause());
				}
				catch (TimeoutException ex) {
					throw new QueryTimeoutException("The clients' search text took longer than " + END_WAIT, ex);
				}
			}
		}

		/**
		 * The task's result, waited for up to {@link #END_WAIT} even if the caller is
		 * interrupted meanwhile (its interrupt is kept for later).
		 */
		private static <T> T uninterrupted(Future<T> task) throws ExecutionException, TimeoutException {
			long deadline = System.nanoTime() + END_WAIT.toNanos();
			boolean interrupted = false;
			try {
				while (true) {
					try {
						return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
					}
					catch (InterruptedException ex) {
						interrupted = true;
					}
				}
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}

		private void awaitTermination() {
			boolean interrupted = false;
			try {
				while (true) {
					try {
						this.thread.awaitTermination(END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
						return;
					}
					catch (InterruptedException ex) {
						interrupted = true;
					}
				}
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}

		/**
		 * As JdbcTemplate would have said it (a deadlock or lost connection is retried).
		 */
		private DataAccessException failure(Throwable cause) {
			if (cause instanceof DataAccessException dataAccess) {
				return dataAccess;
			}
			SQLException sql = (cause instanceof SQLException exception) ? exception
					: new SQLException(cause.getMessage(), cause);
			DataAccessException translated = this.translator.translate("Writing the clients' search text", this.lastSql,
					sql);
			return (translated != null) ? translated
					: new UncategorizedSQLException("Writing the clients' search text", this.lastSql, sql);
		}

	}

}
