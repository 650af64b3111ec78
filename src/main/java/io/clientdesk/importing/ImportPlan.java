package io.clientdesk.importing;

import java.util.List;

import io.clientdesk.client.Client;

/**
 * What an import file does to the clients, worked out before anything is written: the
 * clients to create, those to update (with their stored values, for the record of
 * changes), how many rows change nothing, and every row error.
 */
record ImportPlan(List<Client> creates, List<Update> updates, int unchanged, List<RowError> errors, int failedRows) {

	/** A client as stored, and as the row leaves it. */
	record Update(Client before, Client after) {
	}

	boolean hasErrors() {
		return !this.errors.isEmpty();
	}

}
