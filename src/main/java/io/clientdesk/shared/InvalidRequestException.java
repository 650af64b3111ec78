package io.clientdesk.shared;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that cannot be carried out as it stands, with every problem found in it. The
 * API answers it as {@code application/problem+json} with the problems in {@code errors}.
 */
public class InvalidRequestException extends ErrorResponseException {

	private final List<Problem> problems;

	public InvalidRequestException(HttpStatusCode status, String title, String detail, List<Problem> problems) {
		super(status, problemDetail(status, title, detail, problems), null);
		this.problems = List.copyOf(problems);
	}

	public InvalidRequestException(String detail, List<Problem> problems) {
		this(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", detail, problems);
	}

	public InvalidRequestException(String detail) {
		this(detail, List.of());
	}

	public List<Problem> problems() {
		return this.problems;
	}

	private static ProblemDetail problemDetail(HttpStatusCode status, String title, String detail,
			List<Problem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		if (!problems.isEmpty()) {
			problem.setProperty("errors", problems);
		}
		return problem;
	}

}
