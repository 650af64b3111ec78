package io.clientdesk.importing;

import java.util.Set;

/**
 * Where an import is: waiting for a worker, running, or ended. The only moves are
 * {@code QUEUED → PROCESSING → SUCCEEDED | FAILED | COMPLETED_WITH_ERRORS}, and
 * {@code PROCESSING → PROCESSING} when a worker takes over an import whose server died.
 */
public enum ImportStatus {

	QUEUED, PROCESSING, SUCCEEDED, FAILED,

	/**
	 * Ended with the valid rows imported and the others reported ({@code onError=skip}).
	 */
	COMPLETED_WITH_ERRORS;

	public boolean isFinished() {
		return this == SUCCEEDED || this == FAILED || this == COMPLETED_WITH_ERRORS;
	}

	/** The states an import may be in for this one to follow. */
	public Set<ImportStatus> allowedBefore() {
		return switch (this) {
			case QUEUED -> Set.of();
			case PROCESSING -> Set.of(QUEUED, PROCESSING);
			case SUCCEEDED, FAILED, COMPLETED_WITH_ERRORS -> Set.of(QUEUED, PROCESSING);
		};
	}

}
