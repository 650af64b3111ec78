package io.clientdesk.importing.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.security.Scope;

/**
 * The uploader's scope applied to one row: a scoped user imports only into their scope's
 * projects and desks, and updates only the clients in it. Every row outside is an
 * {@code out_of_scope} error, never skipped silently. The server's import
 * ({@link ImportPlanner}) and the offline validator apply it; the validator knows only
 * the cells, not the stored clients nor the import defaults.
 */
public final class ScopeCheck {

	private final Scope scope;

	private final Function<String, String> projectName;

	private final Function<String, String> deskName;

	/**
	 * @param projectName how a project is named in a message, from its ID
	 * @param deskName how a desk is named in a message, from its ID
	 */
	public ScopeCheck(Scope scope, Function<String, String> projectName, Function<String, String> deskName) {
		this.scope = scope;
		this.projectName = projectName;
		this.deskName = deskName;
	}

	/**
	 * Whether a row matched to this stored client may update it. When not, the row's
	 * error ({@link #storedClient}) says only that: the client's values, its project
	 * included, are none of the uploader's business.
	 */
	boolean includes(String project, String desk) {
		return this.scope.includes(project, desk);
	}

	/** The error of a row matched (by ID or email) to a client outside the scope. */
	static RowError storedClient(int line, ClientColumn matchedBy, String value) {
		return RowError.of(line, matchedBy, value, ErrorCode.OUT_OF_SCOPE, "the client with this "
				+ ((matchedBy == ClientColumn.ID) ? "ID" : "email") + " is outside your scope: it cannot be updated");
	}

	/**
	 * The errors of a row that would put its client into a project or desk outside the
	 * scope.
	 * @param project the project the client ends in, or {@code null} when unknown
	 * @param fromDefaults whether the project and desk not in the row are the import
	 * defaults'
	 */
	public List<RowError> destination(int line, ClientFields fields, String project, String desk,
			boolean fromDefaults) {
		List<RowError> errors = new ArrayList<>(2);
		if (project != null && !this.scope.includesProject(project)) {
			errors.add(RowError.of(line, ClientColumn.PROJECT, or(fields.project()), ErrorCode.OUT_OF_SCOPE,
					"project " + this.projectName.apply(project) + " is outside your scope"
							+ ((fields.project() == null && fromDefaults) ? " (the import defaults' project)" : "")));
		}
		if (desk != null && !this.scope.includesDesk(desk)) {
			errors.add(RowError.of(line, ClientColumn.DESK, or(fields.desk()), ErrorCode.OUT_OF_SCOPE,
					"desk " + this.deskName.apply(desk) + " is outside your scope"
							+ ((fields.desk() == null && fromDefaults) ? " (the import defaults' desk)" : "")));
		}
		return errors;
	}

	private static String or(String value) {
		return (value != null) ? value : "";
	}

}
