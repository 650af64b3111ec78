package io.clientdesk.importing.rows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.clientdesk.client.Client;
import io.clientdesk.shared.Instants;

/**
 * A client's fields by their API names, as the record of changes keeps them.
 */
public final class ClientValues {

	private ClientValues() {
	}

	public static Map<String, Object> of(Client client) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("firstName", client.firstName());
		values.put("lastName", client.lastName());
		values.put("email", client.email());
		values.put("project", client.project());
		values.put("desk", client.desk());
		values.put("active", client.active());
		values.put("type", client.type());
		values.put("created", format(client.created()));
		return values;
	}

	public static String format(Instant instant) {
		return Instants.iso(instant);
	}

}
