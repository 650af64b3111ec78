package io.clientdesk.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Problem details as the API promises them: always with {@code type}, {@code title},
 * {@code status} and {@code detail}.
 */
final class Problems {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private Problems() {
	}

	static ProblemDetail of(HttpStatusCode status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(ABOUT_BLANK);
		return problem;
	}

	static ProblemDetail complete(ProblemDetail problem) {
		if (problem.getType() == null) {
			problem.setType(ABOUT_BLANK);
		}
		if (problem.getTitle() == null) {
			HttpStatus status = HttpStatus.resolve(problem.getStatus());
			problem.setTitle((status != null) ? status.getReasonPhrase() : "Error");
		}
		if (problem.getDetail() == null) {
			problem.setDetail(problem.getTitle());
		}
		return problem;
	}

}
