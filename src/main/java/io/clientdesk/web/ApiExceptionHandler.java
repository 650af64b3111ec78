package io.clientdesk.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as {@code application/problem+json} (RFC 9457), with the
 * problems of an invalid body in {@code errors}, and never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			Problems.complete(problem);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
				"The parameter " + name + " is not valid");
		problem.setProperty("errors", List.of(Map.of("column", String.valueOf(name), "message", reason(ex))));
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request",
				"The request body is not valid");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiExceptionHandler::error)
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	/**
	 * A JSON body that cannot be read: where a field has a value of the wrong type (such
	 * as {@code "archived": "maybe"}), the problem names the field.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof MismatchedInputException mismatch
				&& !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			String expected = (mismatch.getTargetType() != null) ? describe(mismatch.getTargetType()) : "a valid value";
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
					"The field " + field + " of the body is not valid");
			problem.setProperty("errors", List.of(Map.of("column", field, "message", "must be " + expected)));
			return ResponseEntity.badRequest().body(problem);
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	/**
	 * A multipart body that cannot be parsed (no boundary, a NUL in a file name); its
	 * ceiling (413) is answered by the base class.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
				"The multipart body could not be read: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this");
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error in an API request", ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; the error has been logged");
		return ResponseEntity.internalServerError().body(problem);
	}

	private static String reason(TypeMismatchException ex) {
		String expected = (ex.getRequiredType() != null) ? describe(ex.getRequiredType()) : "a valid value";
		return "'" + ex.getValue() + "' is not " + expected;
	}

	private static String describe(Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type.isEnum()) {
			// as the API spells them (their toString), e.g. "fail or skip"
			return Arrays.stream(type.getEnumConstants())
				.map(String::valueOf)
				.collect(Collectors.joining(", "))
				.replaceFirst(", ([^,]*)$", " or $1");
		}
		return "a valid value";
	}

	private static Map<String, String> error(FieldError error) {
		return Map.of("column", error.getField(), "message",
				(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is not valid");
	}

}
