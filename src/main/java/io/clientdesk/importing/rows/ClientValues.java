package io.clientdesk.importing.rows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.clientdesk.client.Client;

/**
 * A client's fields by their API names, as the record of changes keeps them.
 */
public final class ClientValues {

	static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

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
		return INSTANT.format(instant);
	}

}
