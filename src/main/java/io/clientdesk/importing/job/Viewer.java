package io.clientdesk.importing.job;

/**
 * Who asks: imports are visible to the user who started them and to admins.
 */
public record Viewer(String username, boolean admin) {

	boolean maySee(Import view) {
		return this.admin || this.username.equals(view.createdBy());
	}

}
