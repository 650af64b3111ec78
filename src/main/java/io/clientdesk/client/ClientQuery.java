package io.clientdesk.client;

import java.util.ArrayList;
import java.util.List;

import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.ObjectIds;
import io.clientdesk.shared.Problem;

/**
 * A page of the clients list: {@code q} is a case-insensitive substring of first name,
 * last name or email; the other filters match exactly. Blank filters are no filters.
 */
public record ClientQuery(int page, int size, String q, String project, String desk, Boolean active, String type) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	public ClientQuery {
		q = blankToNull(q);
		project = blankToNull(project);
		desk = blankToNull(desk);
		type = blankToNull(type);
		List<Problem> problems = new ArrayList<>();
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
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid query",
					"The clients query is not valid", problems);
		}
	}

	public long offset() {
		return (long) this.page * this.size;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
