package io.clientdesk.client;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientdesk.security.Scope;

/**
 * The SQL of the clients list for one {@link ClientQuery}: its page, its total (a bounded
 * count, the planner's estimate, an exact count); the export reads the same pages. The
 * complete statements of each shape, as the database receives them, are written out in
 * {@code ClientListQueryTest}.
 * <p>
 * Only the filters given become conditions: a condition that stands for an absent filter
 * too ({@code (:project is null or project_id = :project)}) keeps H2 from using the
 * filter's index, and PostgreSQL once it plans the statement for any value.
 */
final class ClientListQuery {

	/** Up to this many matching clients, the list's total is an exact count. */
	static final int EXACT_COUNT_LIMIT = 1_000;

	/**
	 * The client's own fields checked against {@code q}, for the clients that the search
	 * text found. The text is written with the client, in one transaction
	 * ({@link ClientService#save}), so the two agree; the check stays because it costs
	 * nothing measurable on a page's rows and keeps the list right if a text is ever
	 * stale (a client changed by hand in SQL). Applied to the page's rows only, not in
	 * the query that picks them: a condition the planner cannot estimate made it choose a
	 * full scan.
	 */
	private static final String RECHECK = ClientSearchRepository.SEARCH_TEXT + " like :q";

	private static final String LIST_ORDER = " order by created desc, id desc";

	private final ClientQuery query;

	/**
	 * Found through client_search (trigram-indexed on PostgreSQL: V10_1), joined (one
	 * text per client): "id in (select ...)" made H2 run the subquery again for every
	 * client of a streamed export. The page checks the client itself too
	 * ({@link #RECHECK}).
	 */
	private final String searchJoin;

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	/**
	 * @param scope the clients the reader may see: a scoped user's list, search, totals
	 * and export hold only those
	 */
	ClientListQuery(ClientQuery query, Scope scope) {
		this.query = query;
		this.searchJoin = (query.q() != null) ? " join client_search on client_search.client_id = clients.id" : "";
		if (query.q() != null) {
			filter("search_text like :q", "q", "%" + escapeLike(query.q().toLowerCase(Locale.ROOT)) + "%");
		}
		if (query.project() != null) {
			filter("project_id = :project", "project", query.project());
		}
		if (query.desk() != null) {
			filter("desk_id = :desk", "desk", query.desk());
		}
		if (!scope.projects().isEmpty()) {
			filter("project_id in (:scopeProjects)", "scopeProjects", scope.projects());
		}
		if (!scope.desks().isEmpty()) {
			filter("desk_id in (:scopeDesks)", "scopeDesks", scope.desks());
		}
		if (query.active() != null) {
			filter("active = :active", "active", query.active());
		}
		if (query.type() != null) {
			filter("lower(type) = lower(:type)", "type", query.type());
		}
	}

	/** A statement with its named parameters. */
	record Statement(String sql, Map<String, Object> params) {
	}

	/**
	 * The page's clients, in the list's order. The page's IDs are found first from the
	 * index alone, then only those rows are read ("deferred join"), so that a deep page
	 * does not read every row it skips. After a cursor, the index is entered where the
	 * previous page ended (a row comparison both databases take), and nothing is skipped.
	 * <p>
	 * {@code fewMatches} (a search whose exact total is small): the matches are found
	 * first through the search index and then sorted. Left to itself, PostgreSQL walked
	 * the list's order and checked each client's text, expecting to meet a match soon: 2
	 * s at 1.5M clients for a search that matches one client, or none.
	 */
	Statement page(boolean fewMatches) {
		List<String> conditions = new ArrayList<>(this.conditions);
		Map<String, Object> params = new LinkedHashMap<>(this.params);
		ClientCursor cursor = this.query.cursor();
		if (cursor != null) {
			conditions.add("(created, id) < (:afterCreated, :afterId)");
			params.put("afterCreated", Timestamp.from(cursor.created()));
			params.put("afterId", cursor.id());
		}
		params.put("limit", this.query.size());
		params.put("offset", this.query.offset());
		// "offset 0" keeps the database from planning the candidates with the page's
		// order
		String matches = (fewMatches && this.query.q() != null)
				? "(select clients.id, clients.created from " + from(conditions) + " offset 0) m" : from(conditions);
		String page = "select " + ClientTable.columns("c.") + " from clients c join (select id from " + matches
				+ LIST_ORDER + " limit :limit offset :offset) p on p.id = c.id";
		if (this.query.q() == null) {
			return new Statement(page + " order by c.created desc, c.id desc", params);
		}
		// the check of the page's rows applies to the page once it is read ("offset 0"
		// keeps it out of the join): in the join, PostgreSQL took it for a rare match,
		// expected one client, and read the page again for each of the table's (453 ms
		// for a search matching 5 000 clients of 5 000; 1.3 ms so)
		return new Statement("select * from (" + page + " offset 0) x where " + RECHECK + LIST_ORDER, params);
	}

	/**
	 * How many clients match, counting no further than one past
	 * {@value #EXACT_COUNT_LIMIT}. Without {@code q}, it walks the same index as the page
	 * (its order), so that a combination of filters that matches nothing is found empty
	 * at once instead of by a scan of the table (the planner expects such a combination
	 * to be common). With {@code q}, the planner's own choice (the trigram indexes) is
	 * faster. Measured in docs/performance.md.
	 */
	Statement boundedCount() {
		String order = (this.query.q() == null) ? LIST_ORDER : "";
		return new Statement("select count(*) from (select 1 from " + from(this.conditions) + order + " limit "
				+ (EXACT_COUNT_LIMIT + 1) + ") t", this.params);
	}

	/** PostgreSQL's plan for reading every match, with its estimate of their number. */
	Statement estimate() {
		return new Statement("explain (format json) select 1 from " + from(this.conditions), this.params);
	}

	Statement count() {
		return new Statement("select count(*) from " + from(this.conditions), this.params);
	}

	private void filter(String condition, String name, Object value) {
		this.conditions.add(condition);
		this.params.put(name, value);
	}

	/** The matching clients: the table, joined with the search text for q, and where. */
	private String from(List<String> conditions) {
		return "clients" + this.searchJoin + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
	}

	/** Both H2 and PostgreSQL take the backslash as LIKE's default escape character. */
	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
