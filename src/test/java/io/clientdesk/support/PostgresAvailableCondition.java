package io.clientdesk.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the PostgreSQL run of the integration tests where no PostgreSQL server answers,
 * and says so; in CI a missing server fails them instead.
 */
public class PostgresAvailableCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestDatabase.isPostgres() || TestDatabase.postgresRequired() || TestDatabase.postgresReachable()) {
			return ConditionEvaluationResult.enabled("database available");
		}
		String reason = "PostgreSQL is not reachable at " + TestDatabase.POSTGRES_URL
				+ ": PostgreSQL tests skipped (they run on H2)";
		System.err.println("[clientdesk] " + reason);
		return ConditionEvaluationResult.disabled(reason);
	}

}
