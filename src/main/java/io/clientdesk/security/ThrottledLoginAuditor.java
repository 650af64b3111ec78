package io.clientdesk.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clientdesk.audit.AuditAction;
import io.clientdesk.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Refused logins in the audit log: the first refusal of a username or address, and again
 * once its wait is over, not every one, so that a guesser hammering the server does not
 * fill the log at the rate of its requests (refusals cost it no password check).
 */
@Component
class ThrottledLoginAuditor {

	private static final Logger logger = LoggerFactory.getLogger(ThrottledLoginAuditor.class);

	/**
	 * Keys remembered at most; past it the memory starts again (more entries, no loss).
	 */
	static final int MAX_REMEMBERED = 10_000;

	private final AuditLog audit;

	private final Clock clock;

	private final Map<String, Instant> quietUntil = new ConcurrentHashMap<>();

	ThrottledLoginAuditor(AuditLog audit) {
		this.audit = audit;
		this.clock = Clock.systemUTC();
	}

	@EventListener
	void refused(LoginThrottled refused) {
		if (!firstInItsWait(refused)) {
			return;
		}
		try {
			this.audit.record(AuditAction.LOGIN_THROTTLED, refused.username(), refused.address(), null,
					Map.of("limit", refused.limit().name(), "retryAfterSeconds", refused.retryAfter().toSeconds()));
		}
		catch (DataAccessException | TransactionException ex) {
			// the refusal stands (429) whether or not it could be written down
			logger.warn("A refused login of '{}' from {} could not be recorded in the audit log: {}",
					refused.username(), refused.address(), ex.getMessage());
		}
	}

	private boolean firstInItsWait(LoginThrottled refused) {
		Instant now = this.clock.instant();
		if (this.quietUntil.size() >= MAX_REMEMBERED) {
			this.quietUntil.clear();
		}
		boolean[] first = new boolean[1];
		String key = refused.limit() + "\n"
				+ ((refused.limit() == LoginThrottled.Limit.USER) ? refused.username() : refused.address());
		this.quietUntil.compute(key, (k, until) -> {
			first[0] = until == null || !now.isBefore(until);
			return first[0] ? now.plus(refused.retryAfter()) : until;
		});
		return first[0];
	}

}
