package io.clientdesk.security;

import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's web sessions on every server: the sessions are Spring Session's rows in
 * the shared database (indexed by principal name), and every server reads a request's
 * session from there, so a deleted row is a logged-out browser everywhere, at its next
 * request.
 * <p>
 * The rows are deleted once the change that calls for it (disabled, new role, new
 * password) is committed: a login in between, which still saw the user as they were,
 * cannot leave a session behind.
 */
@Component
class UserSessions {

	private final FindByIndexNameSessionRepository<?> sessions;

	UserSessions(FindByIndexNameSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Ends the user's sessions after the current transaction commits (at once without
	 * one), except the one named to keep.
	 * @param username the user's name as stored (Spring Session's principal name)
	 * @param keep the ID of the session to keep (the one changing its own password), or
	 * {@code null}
	 */
	void endAfterCommit(String username, String keep) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			end(username, keep);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				end(username, keep);
			}
		});
	}

	/** Ends them now; returns how many. */
	int end(String username, String keep) {
		Set<String> ids = this.sessions.findByPrincipalName(username).keySet();
		int ended = 0;
		for (String id : ids) {
			if (!id.equals(keep)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

}
