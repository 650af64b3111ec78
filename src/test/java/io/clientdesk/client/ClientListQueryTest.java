package io.clientdesk.client;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clientdesk.client.ClientListQuery.Statement;
import io.clientdesk.security.Scope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients list's SQL, written out in full as the database receives it (here with line
 * breaks): the default list, a filtered list, after a cursor, a search and the total (the
 * export reads the same pages). A statement that changes here can change its plan:
 * measure it (docs/performance.md).
 */
class ClientListQueryTest {

	private static final String PROJECT = "66829b2e43c91e3ce480b6c4";

	private static final String CURSOR_ID = "66829b2e43c91e3ce480b6c5";

	private static final String DESK = "66829b2e43c91e3ce480b6c6";

	@Test
	void the_default_list_reads_the_ids_of_its_page_from_the_index_then_those_clients() {
		Statement page = list(query(0, null, null, null, null)).page(false);

		assertSql(page, """
				select c.id, c.first_name, c.last_name, c.email, c.project_id, c.desk_id, c.active, c.type, c.created
				from clients c
				join (select id from clients
				      order by created desc, id desc limit :limit offset :offset) p on p.id = c.id
				order by c.created desc, c.id desc""");
		assertThat(page.params()).isEqualTo(Map.of("limit", 50, "offset", 0L));
	}

	@Test
	void a_filtered_list_has_a_condition_for_each_filter_given() {
		Statement page = list(new ClientQuery(2, 50, null, PROJECT, null, true, "Corporate", null)).page(false);

		assertSql(page, """
				select c.id, c.first_name, c.last_name, c.email, c.project_id, c.desk_id, c.active, c.type, c.created
				from clients c
				join (select id from clients
				      where project_id = :project and active = :active and lower(type) = lower(:type)
				      order by created desc, id desc limit :limit offset :offset) p on p.id = c.id
				order by c.created desc, c.id desc""");
		assertThat(page.params())
			.isEqualTo(Map.of("project", PROJECT, "active", true, "type", "Corporate", "limit", 50, "offset", 100L));
	}

	@Test
	void a_scoped_readers_list_and_total_hold_only_the_clients_of_their_scopes_projects_and_desks() {
		Scope scope = new Scope(List.of(CURSOR_ID, PROJECT), List.of(DESK));
		ClientListQuery sql = new ClientListQuery(query(0, null, null, true, null), scope);

		assertSql(sql.page(false), """
				select c.id, c.first_name, c.last_name, c.email, c.project_id, c.desk_id, c.active, c.type, c.created
				from clients c
				join (select id from clients
				      where project_id in (:scopeProjects) and desk_id in (:scopeDesks) and active = :active
				      order by created desc, id desc limit :limit offset :offset) p on p.id = c.id
				order by c.created desc, c.id desc""");
		assertSql(sql.count(), """
				select count(*) from clients
				where project_id in (:scopeProjects) and desk_id in (:scopeDesks) and active = :active""");
		assertThat(sql.count().params()).isEqualTo(
				Map.of("scopeProjects", List.of(PROJECT, CURSOR_ID), "scopeDesks", List.of(DESK), "active", true));
	}

	@Test
	void the_page_after_a_cursor_enters_the_index_where_the_previous_page_ended() {
		Statement page = list(query(0, null, PROJECT, null, "1718291162000000_" + CURSOR_ID)).page(false);

		assertSql(page, """
				select c.id, c.first_name, c.last_name, c.email, c.project_id, c.desk_id, c.active, c.type, c.created
				from clients c
				join (select id from clients
				      where project_id = :project and (created, id) < (:afterCreated, :afterId)
				      order by created desc, id desc limit :limit offset :offset) p on p.id = c.id
				order by c.created desc, c.id desc""");
		assertThat(page.params())
			.isEqualTo(Map.of("project", PROJECT, "afterCreated", Timestamp.from(Instant.parse("2024-06-13T15:06:02Z")),
					"afterId", CURSOR_ID, "limit", 50, "offset", 0L));
	}

	@Test
	void a_search_joins_the_search_text_and_checks_the_page_against_the_clients_own_fields() {
		Statement page = list(query(0, "Ann_", PROJECT, null, null)).page(false);

		assertSql(page,
				"""
						select * from (select c.id, c.first_name, c.last_name, c.email, c.project_id, c.desk_id, c.active, c.type, c.created
						  from clients c
						  join (select id from clients join client_search on client_search.client_id = clients.id
						        where search_text like :q and project_id = :project
						        order by created desc, id desc limit :limit offset :offset) p on p.id = c.id
						  offset 0) x
						where lower(first_name || chr(10) || last_name || chr(10) || email) like :q
						order by created desc, id desc""");
		assertThat(page.params()).containsEntry("q", "%ann\\_%");
	}

	@Test
	void a_search_with_few_matches_reads_them_all_through_the_search_index_then_sorts_them() {
		Statement page = list(query(0, "ann", null, null, null)).page(true);

		assertSql(page,
				"""
						select * from (select c.id, c.first_name, c.last_name, c.email, c.project_id, c.desk_id, c.active, c.type, c.created
						  from clients c
						  join (select id from (select clients.id, clients.created
						                        from clients join client_search on client_search.client_id = clients.id
						                        where search_text like :q offset 0) m
						        order by created desc, id desc limit :limit offset :offset) p on p.id = c.id
						  offset 0) x
						where lower(first_name || chr(10) || last_name || chr(10) || email) like :q
						order by created desc, id desc""");
	}

	@Test
	void the_list_without_a_search_is_the_same_with_few_matches() {
		ClientListQuery sql = list(query(0, null, PROJECT, null, null));

		assertThat(sql.page(true)).isEqualTo(sql.page(false));
	}

	@Test
	void the_total_is_counted_up_to_one_past_the_exact_limit_along_the_lists_index() {
		assertSql(list(query(0, null, PROJECT, true, null)).boundedCount(), """
				select count(*) from (select 1 from clients where project_id = :project and active = :active
				                      order by created desc, id desc limit 1001) t""");
		assertSql(list(query(0, "ann", null, null, null)).boundedCount(), """
				select count(*) from (select 1 from clients join client_search on client_search.client_id = clients.id
				                      where search_text like :q limit 1001) t""");
	}

	@Test
	void above_the_limit_the_total_is_the_planners_estimate_on_postgresql_and_a_count_on_h2() {
		ClientListQuery sql = list(query(0, "ann", PROJECT, null, null));

		assertSql(sql.estimate(), """
				explain (format json) select 1 from clients join client_search on client_search.client_id = clients.id
				where search_text like :q and project_id = :project""");
		assertSql(sql.count(), """
				select count(*) from clients join client_search on client_search.client_id = clients.id
				where search_text like :q and project_id = :project""");
		assertThat(sql.count().params()).isEqualTo(Map.of("q", "%ann%", "project", PROJECT));
	}

	private static ClientQuery query(int page, String q, String project, Boolean active, String after) {
		return new ClientQuery(page, ClientQuery.DEFAULT_SIZE, q, project, null, active, null, after);
	}

	private static ClientListQuery list(ClientQuery query) {
		return new ClientListQuery(query, Scope.UNLIMITED);
	}

	/** The statement is the SQL written, but for the line breaks and indents. */
	private static void assertSql(Statement statement, String sql) {
		assertThat(statement.sql()).isEqualTo(sql.replaceAll("\\s*\\n\\s*", " "));
	}

}
