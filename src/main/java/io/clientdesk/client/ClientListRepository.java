package io.clientdesk.client;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clientdesk.client.ClientListQuery.Statement;
import io.clientdesk.database.Database;
import io.clientdesk.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.clientdesk.client.ClientListQuery.EXACT_COUNT_LIMIT;

/**
 * Reading clients: a page of the list and its total, one client by ID. The list's SQL is
 * built by {@link ClientListQuery}.
 */
@Repository
class ClientListRepository {

	private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9]+)");

	private final JdbcClient jdbc;

	private final Database database;

	ClientListRepository(JdbcClient jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	Optional<Client> findById(String id) {
		return this.jdbc.sql("select " + ClientTable.COLUMNS + " from clients where id = ?")
			.param(id)
			.query(ClientTable::client)
			.optional();
	}

	/** A page of the list ({@link ClientListQuery#page}). */
	List<Client> find(ClientQuery query, Scope scope, boolean fewMatches) {
		return statement(new ClientListQuery(query, scope).page(fewMatches)).query(ClientTable::client).list();
	}

	/**
	 * How many clients match: exactly up to {@value ClientListQuery#EXACT_COUNT_LIMIT};
	 * above that, on PostgreSQL, the planner's estimate (counting a million rows exactly
	 * costs more than the page itself), and on H2 the exact count.
	 */
	Total count(ClientQuery query, Scope scope) {
		ClientListQuery sql = new ClientListQuery(query, scope);
		long bounded = statement(sql.boundedCount()).query(Long.class).single();
		if (bounded <= EXACT_COUNT_LIMIT) {
			return new Total(bounded, true);
		}
		if (this.database == Database.POSTGRESQL) {
			OptionalLong estimate = planRows(statement(sql.estimate()).query(String.class).single());
			if (estimate.isPresent()) {
				return new Total(Math.max(bounded, estimate.getAsLong()), false);
			}
		}
		return new Total(statement(sql.count()).query(Long.class).single(), true);
	}

	private JdbcClient.StatementSpec statement(Statement statement) {
		return this.jdbc.sql(statement.sql()).params(statement.params());
	}

	/** The number of rows that a plan in PostgreSQL's JSON format expects, if it says. */
	private static OptionalLong planRows(String plan) {
		Matcher rows = PLAN_ROWS.matcher(plan);
		return rows.find() ? OptionalLong.of(Long.parseLong(rows.group(1))) : OptionalLong.empty();
	}

	/** A number of clients, exact or estimated. */
	record Total(long value, boolean exact) {

		/** An exact total small enough to read every match and sort them. */
		boolean few() {
			return this.exact && this.value <= EXACT_COUNT_LIMIT;
		}

	}

}
