package io.clientdesk.importing.rows;

import java.util.List;

import io.clientdesk.client.Client;
import io.clientdesk.importing.file.RowError;

/**
 * What an import file does to the clients, worked out before anything is written: the
 * clients to create, those to update (with their stored values, for the record of
 * changes), how many rows change nothing, and every row error.
 */
public record ImportPlan(List<Client> creates, List<Update> updates, int unchanged, List<RowError> errors,
		int failedRows) {

	/** A client as stored, and as the row leaves it. */
	public record Update(Client before, Client after) {
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

}
