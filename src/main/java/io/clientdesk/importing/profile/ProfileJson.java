package io.clientdesk.importing.profile;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A profile's definition as stored: {@code {"columns", "values", "dateFormat"}} in JSON,
 * the name beside it.
 */
final class ProfileJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Definition> DEFINITION = new TypeReference<>() {
	};

	private ProfileJson() {
	}

	record Definition(LinkedHashMap<String, String> columns, LinkedHashMap<String, Map<String, String>> values,
			String dateFormat) {
	}

	static String definition(ImportProfile profile) {
		return JSON.writeValueAsString(new Definition(new LinkedHashMap<>(profile.columns()),
				new LinkedHashMap<>(profile.values()), profile.dateFormat()));
	}

	static ImportProfile read(String name, String definition) {
		Definition read = JSON.readValue(definition, DEFINITION);
		return new ImportProfile(name, read.columns(), read.values(), read.dateFormat());
	}

}
