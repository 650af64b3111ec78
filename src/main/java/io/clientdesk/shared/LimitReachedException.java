package io.clientdesk.shared;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused because a limit set for the server or for the user is reached: the
 * problem names the setting ({@code limit}) and its value ({@code max}), and, where
 * waiting helps, the answer says how long in {@code Retry-After}.
 */
public class LimitReachedException extends ErrorResponseException {

	/**
	 * @param setting the setting that holds the limit, e.g.
	 * {@code clientdesk.export.max-concurrent}
	 * @param max the limit, as the setting is written
	 * @param retryAfter how long to wait before trying again, or null where waiting alone
	 * does not help
	 */
	public LimitReachedException(HttpStatusCode status, String detail, String setting, String max,
			Duration retryAfter) {
		super(status, problem(status, detail, setting, max), null);
		if (retryAfter != null) {
			getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
	}

	private static ProblemDetail problem(HttpStatusCode status, String detail, String setting, String max) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle("Limit reached");
		problem.setType(URI.create("about:blank"));
		problem.setProperty("limit", setting);
		problem.setProperty("max", max);
		return problem;
	}

}
