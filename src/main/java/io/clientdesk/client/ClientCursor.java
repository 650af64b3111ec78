package io.clientdesk.client;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.clientdesk.shared.ObjectIds;

/**
 * Where a page of the clients list ended: the creation time and ID of its last client,
 * the list's order. The next page is read from there through the list's index (keyset
 * paging), so that it costs the same however deep it is, where {@code page=N} walks the
 * index past every client before it. Written {@code <microseconds since 1970>_<id>}.
 */
public record ClientCursor(Instant created, String id) {

	static ClientCursor after(Client client) {
		return new ClientCursor(client.created(), client.id());
	}

	/** The cursor written in {@code text}, or null when it is not one. */
	static ClientCursor parse(String text) {
		int separator = (text != null) ? text.lastIndexOf('_') : -1;
		if (separator < 1 || !ObjectIds.isValid(text.substring(separator + 1))) {
			return null;
		}
		try {
			long micros = Long.parseLong(text.substring(0, separator));
			return new ClientCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), text.substring(separator + 1));
		}
		catch (NumberFormatException | ArithmeticException | DateTimeException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, this.created) + "_" + this.id;
	}

}
