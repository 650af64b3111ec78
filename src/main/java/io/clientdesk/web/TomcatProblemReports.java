package io.clientdesk.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses before any Spring code runs (an encoded {@code /}, {@code \} or NUL
 * in the path): on {@code /api} and {@code /actuator} paths a problem document, like
 * every other error of the API, instead of Tomcat's HTML page. Tomcat writes that page
 * with its {@link ErrorReportValve}; this replaces the one Spring Boot installs, and runs
 * after Spring Boot's own customizer, which adds it.
 */
@Component
class TomcatProblemReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			for (Valve valve : context.getParent().getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					context.getParent().getPipeline().removeValve(valve);
				}
			}
			context.getParent().getPipeline().addValve(new ProblemReportValve());
			// else the host adds its default one at start, which would answer first
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	static final class ProblemReportValve extends ErrorReportValve {

		ProblemReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			String uri = request.getRequestURI();
			boolean api = uri != null && (uri.startsWith("/api/") || uri.startsWith("/actuator/"));
			HttpStatus status = HttpStatus.resolve(response.getStatus());
			if (!api || status == null || status.value() < 400 || response.getContentWritten() > 0) {
				super.report(request, response, throwable);
				return;
			}
			if (!response.setErrorReported()) {
				return;
			}
			String message = response.getMessage();
			String detail = status.is4xxClientError()
					? "The request cannot be read as it was sent" + ((message != null) ? ": " + message : "")
							+ " (an encoded /, \\ or NUL is not allowed in a path)"
					: "Something went wrong on our side; the error has been logged";
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
							+ status.value() + ",\"detail\":\"" + json(detail) + "\"}");
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the connection is gone or the answer already started: nothing more to
				// say
			}
		}

		private static String json(String text) {
			StringBuilder escaped = new StringBuilder(text.length());
			text.codePoints().forEach((c) -> {
				if (c == '"' || c == '\\') {
					escaped.append('\\').appendCodePoint(c);
				}
				else if (c < ' ') {
					escaped.append(String.format("\\u%04x", c));
				}
				else {
					escaped.appendCodePoint(c);
				}
			});
			return escaped.toString();
		}

	}

}
