package io.clientdesk.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem found in a request: where it is (line and column, where they apply) and
 * what is wrong, in a sentence a person understands.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(Integer line, String column, String message) {

	public static Problem of(String column, String message) {
		return new Problem(null, column, message);
	}

	public static Problem of(String message) {
		return new Problem(null, null, message);
	}

}
