package io.clientdesk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem answer of an API operation that its parameters don't tell (a conflict, a
 * limit, something gone), for its OpenAPI description ({@code ApiReference}); the common
 * ones (400, 401, 403, 404, 429…) are added from the operation itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ProblemAnswers.class)
public @interface ProblemAnswer {

	/** The HTTP status, e.g. {@code 409}. */
	int status();

	/** When it is given. */
	String when();

}
