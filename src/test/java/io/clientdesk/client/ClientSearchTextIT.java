package io.clientdesk.client;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.clientdesk.security.Scope;
import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestClients;
import io.clientdesk.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * New and changed clients' search text goes with their transaction: found by {@code q}
 * once it commits and not before, gone with it when it rolls back or goes back to a
 * savepoint, and a text that cannot be written fails the whole write. On PostgreSQL the
 * text is written on a connection of its own ({@link ClientSearchWriter}); on H2 in the
 * same transaction: the same behaviour on both.
 */
@IntegrationTest
class ClientSearchTextIT {

	@Autowired
	ClientService clients;

	@Autowired
	TestClients testClients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void new_clients_are_found_by_q_once_their_transaction_commits_and_not_before() {
		String name = unique();
		// totals are exact up to 1 000 matches
		List<Client> created = newClients(name, 1_000);
		List<Long> seenBeforeCommit = new ArrayList<>();

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.clients.save(created.subList(0, 500), List.of());
			this.clients.save(created.subList(500, 1_000), List.of());
			// another reader, on a connection of its own
			seenBeforeCommit.add(totalInAnotherTransaction(name));
		});

		assertThat(seenBeforeCommit).containsExactly(0L);
		assertThat(total(name)).isEqualTo(1_000);
		assertThat(this.clients.search(query(name + " 999"), Scope.UNLIMITED).items()).extracting(Client::id)
			.containsExactly(created.get(999).id());
	}

	@Test
	void changed_clients_are_found_by_their_new_names_once_their_transaction_commits_and_by_the_old_ones_until_then() {
		String before = unique();
		String after = unique();
		List<Client> stored = stored(before, 1_000);
		List<Client> changed = renamed(stored, after);
		List<Long> seenBeforeCommit = new ArrayList<>();

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.clients.save(List.of(), changed.subList(0, 500));
			this.clients.save(List.of(), changed.subList(500, 1_000));
			seenBeforeCommit.add(totalInAnotherTransaction(before));
			seenBeforeCommit.add(totalInAnotherTransaction(after));
		});

		assertThat(seenBeforeCommit).as("old names, new names found before the commit").containsExactly(1_000L, 0L);
		assertThat(total(after)).isEqualTo(1_000);
		assertThat(total(before)).isZero();
		assertThat(lastNamesFound(after + " 999")).containsExactly(after + " 999");
	}

	@Test
	void more_clients_at_once_than_one_statement_writes_all_get_their_search_text() {
		String before = unique();
		String after = unique();
		// as an undo, all at once: more than one statement's 5 000 on PostgreSQL
		List<Client> stored = stored(before, 6_000);
		assertThat(searchTexts(before)).isEqualTo(6_000);

		this.clients.save(List.of(), renamed(stored, after));

		assertThat(searchTexts(after)).isEqualTo(6_000);
		assertThat(searchTexts(before)).isZero();
		assertThat(lastNamesFound(after + " 5999")).containsExactly(after + " 5999");
	}

	@Test
	void clients_new_and_changed_in_a_transaction_that_rolls_back_keep_their_old_search_text() {
		String before = unique();
		String after = unique();
		String added = unique();
		List<Client> stored = stored(before, 800);

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.clients.save(newClients(added, 700), renamed(stored, after));
			status.setRollbackOnly();
		});

		assertThat(total(before)).isEqualTo(800);
		assertThat(total(after)).isZero();
		assertThat(searchTexts(after) + searchTexts(added)).as("texts of the rolled back changes").isZero();
	}

	@Test
	void a_transaction_that_rolls_back_leaves_neither_clients_nor_their_search_text() {
		String name = unique();
		List<Client> created = newClients(name, 2_000);

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.clients.save(created, List.of());
			status.setRollbackOnly();
		});

		assertThat(total(name)).isZero();
		assertThat(searchTexts(name)).as("texts left in client_search").isZero();
	}

	@Test
	void going_back_to_a_savepoint_takes_back_the_search_text_written_since() {
		String name = unique();
		List<Client> created = newClients(name, 3_000);

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			// as an import that fails on its errors: a savepoint before its first write
			Object beforeWrites = status.createSavepoint();
			this.clients.save(created.subList(0, 1_000), List.of());
			status.rollbackToSavepoint(beforeWrites);
			this.clients.save(created.subList(1_000, 2_000), List.of());
			Object afterSecond = status.createSavepoint();
			this.clients.save(created.subList(2_000, 3_000), List.of());
			status.rollbackToSavepoint(afterSecond);
		});

		assertThat(total(name)).isEqualTo(1_000);
		assertThat(searchTexts(name)).as("texts in client_search").isEqualTo(1_000);
		assertThat(this.clients.search(query(name + " 1999"), Scope.UNLIMITED).items()).extracting(Client::id)
			.containsExactly(created.get(1_999).id());
		assertThat(this.clients.search(query(name + " 2999"), Scope.UNLIMITED).items()).isEmpty();
	}

	@Test
	void a_transaction_of_its_own_inside_another_commits_its_search_text_with_its_clients() {
		String outer = unique();
		String inner = unique();
		List<Client> outerClients = newClients(outer, 500);
		List<Client> innerClients = newClients(inner, 500);

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.clients.save(outerClients, List.of());
			new TransactionTemplate(this.transactions,
					new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW))
				.executeWithoutResult((innerStatus) -> this.clients.save(innerClients, List.of()));
			status.setRollbackOnly();
		});

		assertThat(total(inner)).as("the inner transaction's clients, found by q").isEqualTo(500);
		assertThat(total(outer)).as("the rolled back transaction's clients").isZero();
		assertThat(searchTexts(outer)).as("the rolled back transaction's texts").isZero();
	}

	/**
	 * PostgreSQL, where the text is written on a connection of its own: a text already
	 * there for one of the IDs (as one whose client was never committed, which the
	 * missing foreign key allows: V24) fails the text's insert, and with it the clients'
	 * transaction. (On H2 the text is written in the same transaction, and its key
	 * refuses such a text in the first place.)
	 */
	@Test
	void on_postgresql_a_search_text_that_cannot_be_written_fails_the_whole_write() {
		assumeTrue(TestDatabase.isPostgres(), "the search text is written beside the transaction on PostgreSQL only");
		String name = unique();
		List<Client> created = newClients(name, 2_000);
		this.jdbc.sql("insert into client_search (client_id, search_text) values (?, 'left behind')")
			.param(created.get(1_500).id())
			.update();

		assertThatThrownBy(() -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.clients.save(created, List.of())))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("search text");

		assertThat(total(name)).as("clients of the failed write").isZero();
		assertThat(searchTexts(name)).as("texts of the failed write").isZero();
		this.jdbc.sql("delete from client_search where client_id = ?").param(created.get(1_500).id()).update();
	}

	/**
	 * A transaction whose commit fails late (after, on PostgreSQL, the texts written
	 * beside it were committed, some of them after a savepoint) leaves the texts as its
	 * clients are: changed clients are found by their names as they are, and no text is
	 * left of new clients that were never committed.
	 */
	@Test
	void a_transaction_whose_commit_fails_late_leaves_the_search_text_as_its_clients_are() {
		String before = unique();
		String after = unique();
		String added = unique();
		List<Client> stored = stored(before, 600);
		List<Client> changed = renamed(stored, after);
		List<Client> created = newClients(added, 400);
		List<Long> committedTextsAtTheFailure = new ArrayList<>();

		assertThatThrownBy(() -> new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.clients.save(created.subList(0, 200), changed.subList(0, 300));
			status.createSavepoint();
			this.clients.save(created.subList(200, 400), changed.subList(300, 600));
			// after the texts' commit, which was registered first
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					committedTextsAtTheFailure.add(searchTextsCommitted(after) + searchTextsCommitted(added));
					throw new IllegalStateException("the commit fails");
				}
			});
		})).hasMessage("the commit fails");

		assertThat(committedTextsAtTheFailure).as("texts committed when the transaction's commit failed")
			.containsExactly(TestDatabase.isPostgres() ? 1_000L : 0L);
		assertThat(total(before)).as("changed clients found by their names as they are").isEqualTo(600);
		assertThat(searchTexts(after)).as("texts of the changes that were not committed").isZero();
		assertThat(searchTexts(added)).as("texts of new clients that were never committed").isZero();
		assertThat(total(after) + total(added)).isZero();
	}

	/** New clients, stored (committed). */
	private List<Client> stored(String name, int count) {
		List<Client> stored = newClients(name, count);
		this.clients.save(stored, List.of());
		return stored;
	}

	private List<Client> newClients(String name, int count) {
		String project = this.testClients.defaultProject();
		String desk = this.testClients.defaultDesk();
		List<Client> clients = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			clients
				.add(new Client(ObjectIds.next(), "Ann", name + " " + i, name.toLowerCase() + "." + i + "@example.com",
						project, desk, true, "Personal", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i)));
		}
		return clients;
	}

	/**
	 * The clients with the last names and emails of {@link #newClients} under another
	 * name.
	 */
	private static List<Client> renamed(List<Client> clients, String name) {
		List<Client> renamed = new ArrayList<>(clients.size());
		for (int i = 0; i < clients.size(); i++) {
			Client client = clients.get(i);
			renamed.add(new Client(client.id(), client.firstName(), name + " " + i,
					name.toLowerCase() + "." + i + "@example.com", client.project(), client.desk(), client.active(),
					client.type(), client.created()));
		}
		return renamed;
	}

	private List<String> lastNamesFound(String q) {
		return this.clients.search(query(q), Scope.UNLIMITED).items().stream().map(Client::lastName).toList();
	}

	private long total(String name) {
		return this.clients.search(query(name), Scope.UNLIMITED).total();
	}

	private long totalInAnotherTransaction(String name) {
		return new TransactionTemplate(this.transactions,
				new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW))
			.execute((status) -> total(name));
	}

	private long searchTexts(String name) {
		return this.jdbc.sql("select count(*) from client_search where search_text like ?")
			.param("%" + name.toLowerCase() + "%")
			.query(Long.class)
			.single();
	}

	/** Texts with the name that another connection sees (committed ones). */
	private long searchTextsCommitted(String name) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement count = connection
					.prepareStatement("select count(*) from client_search where search_text like ?")) {
			count.setString(1, "%" + name.toLowerCase() + "%");
			try (ResultSet result = count.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ClientQuery query(String q) {
		return new ClientQuery(0, 50, q, null, null, null, null, null);
	}

	private static String unique() {
		return "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

}
