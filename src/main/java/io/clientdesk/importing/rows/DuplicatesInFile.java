package io.clientdesk.importing.rows;

import java.util.Optional;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ErrorCode;
import io.clientdesk.importing.file.RowError;

/**
 * The rule for rows of one file about the same client, for the server and the offline
 * validator alike: a row about a client that an earlier row was about (same ID, or the
 * same stored client found by email), or giving an email an earlier row gave, is a
 * {@code duplicate_in_file} error; only the first row is used. A repeated row's email
 * still counts against later rows, as it always has on the server. It remembers the whole
 * file's IDs and emails as fingerprints ({@link Fingerprints}), so that a million rows
 * take tens of megabytes.
 */
public final class DuplicatesInFile {

	private final Fingerprints lineOfClient = new Fingerprints();

	private final Fingerprints lineOfEmail = new Fingerprints();

	/**
	 * Notes a row and answers its error if it repeats an earlier one.
	 * @param line the row's line
	 * @param clientId the client the row is about ({@code null}: a new client)
	 * @param matchedBy the column that names that client ({@code id} or {@code email})
	 * @param email the email the row gives or keeps ({@code null}: none to compare)
	 */
	public Optional<RowError> check(int line, String clientId, ClientColumn matchedBy, String email) {
		if (clientId != null) {
			Integer first = this.lineOfClient.putIfAbsent(clientId, line);
			if (first != null) {
				if (email != null) {
					this.lineOfEmail.putIfAbsent(email, line);
				}
				String value = (matchedBy == ClientColumn.ID) ? clientId : email;
				return Optional.of(RowError.of(line, matchedBy, value, ErrorCode.DUPLICATE_IN_FILE,
						"duplicate of line " + first + ": both rows are for client " + clientId));
			}
		}
		if (email != null) {
			Integer first = this.lineOfEmail.putIfAbsent(email, line);
			if (first != null) {
				return Optional.of(RowError.of(line, ClientColumn.EMAIL, email, ErrorCode.DUPLICATE_IN_FILE,
						"duplicate of line " + first + ": both rows give the email " + email));
			}
		}
		return Optional.empty();
	}

}
