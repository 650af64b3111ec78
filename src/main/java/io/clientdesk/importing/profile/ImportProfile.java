package io.clientdesk.importing.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named way to read partner files with foreign headers: each header of the file to a
 * client field ({@code null} to ignore the column), values found in the file to the
 * values stored, per field ({@code active}, {@code type}, {@code project}, {@code desk}),
 * and the order of the file's dates ({@code DMY}, {@code MDY}, {@code YMD} or
 * {@code null}).
 */
public record ImportProfile(String name, Map<String, String> columns, Map<String, Map<String, String>> values,
		String dateFormat) {

	public ImportProfile {
		columns = (columns != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(columns)) : Map.of();
		Map<String, Map<String, String>> copied = new LinkedHashMap<>();
		if (values != null) {
			values.forEach((field, mapped) -> copied.put(field,
					(mapped != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(mapped)) : null));
		}
		values = Collections.unmodifiableMap(copied);
	}

	ImportProfile named(String newName) {
		return new ImportProfile(newName, this.columns, this.values, this.dateFormat);
	}

}
