package io.clientdesk.client;

import java.util.ArrayList;
import java.util.List;

import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.ObjectIds;
import io.clientdesk.shared.Problem;

/**
 * A page of the clients list: {@code q} is a case-insensitive substring of first name,
 * last name or email; the other filters match exactly. Blank filters are no filters.
 * {@code after}, the {@code next} cursor of a previous page, asks for the page after that
 * one instead of page number {@code page} ({@link ClientCursor}). The export takes the
 * filters and reads every match.
 * <p>
 * A controller that takes a {@code ClientQuery} parameter gets it from the request
 * parameters of the same names ({@link ClientQueryBinding}); every problem of a query is
 * found here, and answered 400 with each in {@code errors}.
 */
public record ClientQuery(int page, int size, String q, String project, String desk, Boolean active, String type,
		String after) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	private static final String NO_NUL = "must not contain the NUL character (U+0000)";

	public ClientQuery {
		List<Problem> problems = new ArrayList<>();
		// no client's text has a NUL, and PostgreSQL refuses it in a parameter (checked
		// before trimming, which would drop one at either end)
		if (q != null && q.indexOf('\0') >= 0) {
			problems.add(Problem.of("q", NO_NUL));
		}
		if (type != null && type.indexOf('\0') >= 0) {
			problems.add(Problem.of("type", NO_NUL));
		}
		q = blankToNull(q);
		project = blankToNull(project);
		desk = blankToNull(desk);
		type = blankToNull(type);
		after = blankToNull(after);
		if (page < 0) {
			problems.add(Problem.of("page", "must be 0 or more"));
		}
		if (size < 1 || size > MAX_SIZE) {
			problems.add(Problem.of("size", "must be between 1 and " + MAX_SIZE));
		}
		if (project != null && !ObjectIds.isValid(project)) {
			problems.add(Problem.of("project", "must be a project ID (24 lowercase hex digits)"));
		}
		if (desk != null && !ObjectIds.isValid(desk)) {
			problems.add(Problem.of("desk", "must be a desk ID (24 lowercase hex digits)"));
		}
		if (after != null && ClientCursor.parse(after) == null) {
			problems.add(Problem.of("after", "must be the next cursor of a previous page"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid query",
					"The clients query is not valid", problems);
		}
	}

	/**
	 * Whether a filter narrows the list: an empty page then means "no match", not "no
	 * clients".
	 */
	public boolean filtered() {
		return this.q != null || this.project != null || this.desk != null || this.active != null || this.type != null;
	}

	/** How many clients to skip: none after a cursor, else the pages before this one. */
	public long offset() {
		return (this.after != null) ? 0 : (long) this.page * this.size;
	}

	ClientCursor cursor() {
		return ClientCursor.parse(this.after);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
