package io.clientdesk.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that no controller handled (an unknown path, a failure in a filter): problem
 * details for the API, a page for people.
 */
@Controller
class ErrorPageController implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request, Model model) {
		HttpStatus status = status(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && (path.startsWith("/api/") || path.startsWith("/actuator/"))) {
			ProblemDetail problem = Problems.of(status, status.getReasonPhrase(), detail(status));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		model.addAttribute("status", status.value());
		model.addAttribute("reason", status.getReasonPhrase());
		model.addAttribute("detail", detail(status));
		model.addAttribute("title", title(status));
		return "error";
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** What happened, in the page's title and heading. */
	private static String title(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "Page not found";
			case FORBIDDEN -> "Not allowed";
			default -> status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase();
		};
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "There is nothing at this address";
			case FORBIDDEN -> "Your role does not allow this";
			case METHOD_NOT_ALLOWED -> "This address does not take that method";
			default -> status.is5xxServerError() ? "Something went wrong on our side; the error has been logged"
					: status.getReasonPhrase();
		};
	}

}
