package io.clientdesk.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Something asked for by ID that does not exist (or that the user may not see).
 */
public class NotFoundException extends ErrorResponseException {

	public NotFoundException(String what, String id) {
		super(HttpStatus.NOT_FOUND, detail(what + " " + id + " does not exist"), null);
	}

	private static ProblemDetail detail(String text) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, text);
		problem.setTitle("Not found");
		return problem;
	}

}
