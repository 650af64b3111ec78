package io.clientdesk.importing.rows;

import java.time.Instant;

/**
 * The values of one row, parsed and normalised; each is {@code null} when its cell is
 * absent, empty or invalid. {@code email} is trimmed and lower-cased, {@code type} is in
 * its canonical spelling.
 */
public record ClientFields(String id, String firstName, String lastName, String email, String project, String desk,
		Boolean active, String type, Instant created) {

	static final ClientFields NONE = new ClientFields(null, null, null, null, null, null, null, null, null);

}
