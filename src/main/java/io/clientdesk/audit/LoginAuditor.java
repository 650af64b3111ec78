package io.clientdesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Logins and failed logins, from the events that Spring Security's authentication manager
 * publishes (Spring Boot gives it a {@code DefaultAuthenticationEventPublisher}) for both
 * the login form and HTTP Basic.
 * <p>
 * An API script sends its credentials with every request, and each is a successful
 * authentication; recording each would make the log mostly API calls. So a Basic login is
 * recorded once per username and address per {@code clientdesk.audit.api-login-interval}
 * (on each server; the first after a pause is recorded again). Every form login and every
 * failure is recorded.
 */
@Component
class LoginAuditor {

	private static final Logger logger = LoggerFactory.getLogger(LoginAuditor.class);

	/**
	 * Keys remembered at most; past it the memory starts again (more entries, no loss).
	 */
	static final int MAX_REMEMBERED = 10_000;

	private final AuditLog log;

	private final AuditProperties properties;

	private final Clock clock;

	private final Map<String, Instant> apiLogins = new ConcurrentHashMap<>();

	LoginAuditor(AuditLog log, AuditProperties properties) {
		this.log = log;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		Authentication login = event.getAuthentication();
		String method = method();
		String address = address(login);
		if ("basic".equals(method) && !firstApiLoginInAWhile(login.getName(), address)) {
			return;
		}
		this.log.record(AuditAction.LOGIN, login.getName(), address, null, Map.of("method", method));
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("method", method());
		// the kind of failure (bad credentials, disabled, locked), not its message
		details.put("reason", event.getException().getClass().getSimpleName());
		try {
			this.log.record(AuditAction.LOGIN_FAILED, attempt.getName(), address(attempt), null, details);
		}
		catch (DataAccessException | TransactionException ex) {
			// the database is away (the check itself may have failed on it, or a
			// connection could not be had): the attempt
			// stays refused with a 401, not a 500, and is said here instead
			logger.warn("A failed login of '{}' from {} could not be recorded in the audit log: {}",
					AuditLog.text(attempt.getName(), AuditLog.MAX_NAME), address(attempt), ex.getMessage());
		}
	}

	private boolean firstApiLoginInAWhile(String username, String address) {
		Instant now = this.clock.instant();
		if (this.apiLogins.size() >= MAX_REMEMBERED) {
			this.apiLogins.clear();
		}
		boolean[] first = new boolean[1];
		this.apiLogins.compute(username + '\n' + address, (key, last) -> {
			first[0] = last == null || !now.isBefore(last.plus(this.properties.apiLoginInterval()));
			return first[0] ? now : last;
		});
		return first[0];
	}

	/**
	 * {@code basic} when the request carries HTTP Basic credentials, {@code form}
	 * otherwise (the login form's POST).
	 */
	private static String method() {
		HttpServletRequest request = RequestOrigin.request();
		if (request == null) {
			return "other";
		}
		String authorization = request.getHeader("Authorization");
		return (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) ? "basic" : "form";
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: RequestOrigin.address();
	}

}
