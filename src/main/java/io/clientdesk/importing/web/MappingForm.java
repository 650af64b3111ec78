package io.clientdesk.importing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientdesk.importing.profile.ImportProfile;

import org.springframework.util.MultiValueMap;

/**
 * The mapping of a file's columns as the import dialog and the profile page send it:
 * {@code header} and {@code field} once per column, in file order ({@code field} empty to
 * ignore the column); {@code valueField}, {@code valueFound} and {@code valueStored} once
 * per value (an empty stored value leaves the value as it is); {@code dateFormat} and
 * {@code profileName}. Read from the request's parameters as sent, so that a comma in a
 * header splits nothing.
 */
record MappingForm(Map<String, String> columns, List<Value> values, String dateFormat, String name) {

	record Value(String field, String found, String stored) {
	}

	static MappingForm of(MultiValueMap<String, String> form) {
		Map<String, String> columns = new LinkedHashMap<>();
		List<String> headers = list(form, "header");
		List<String> fields = list(form, "field");
		for (int i = 0; i < headers.size(); i++) {
			String field = (i < fields.size()) ? fields.get(i) : "";
			columns.put(headers.get(i), field.isBlank() ? null : field);
		}
		List<Value> values = new ArrayList<>();
		List<String> valueFields = list(form, "valueField");
		List<String> found = list(form, "valueFound");
		List<String> stored = list(form, "valueStored");
		for (int i = 0; i < valueFields.size() && i < found.size() && i < stored.size(); i++) {
			values.add(new Value(valueFields.get(i), found.get(i), stored.get(i)));
		}
		String dateFormat = form.getFirst("dateFormat");
		return new MappingForm(columns, values, (dateFormat == null || dateFormat.isBlank()) ? null : dateFormat,
				form.getFirst("profileName"));
	}

	/** Whether the form holds a mapping at all (the mapping step or the profile page). */
	boolean present() {
		return !this.columns.isEmpty();
	}

	/** The profile it describes: values left empty are not mapped. */
	ImportProfile profile() {
		Map<String, Map<String, String>> mapped = new LinkedHashMap<>();
		for (Value value : this.values) {
			if (value.found() != null && !value.found().isBlank() && value.stored() != null
					&& !value.stored().isBlank()) {
				mapped.computeIfAbsent(value.field(), (field) -> new LinkedHashMap<>())
					.put(value.found(), value.stored());
			}
		}
		return new ImportProfile(this.name, this.columns, mapped, this.dateFormat);
	}

	/** The stored value chosen for a value of a field, or null. */
	String stored(String field, String found) {
		return this.values.stream()
			.filter((v) -> v.field().equals(field) && v.found().equals(found))
			.map(Value::stored)
			.findFirst()
			.orElse(null);
	}

	private static List<String> list(MultiValueMap<String, String> form, String name) {
		List<String> values = form.get(name);
		return (values != null) ? values : List.of();
	}

}
