package io.clientdesk.importing.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ColumnMapping;
import io.clientdesk.organisation.OrganisationService;

/**
 * What values of {@code type}, {@code project} and {@code desk} the organisation has now:
 * the client types, and the projects and desks (archived ones included) by ID and name.
 */
record KnownValues(List<String> types, Map<ClientColumn, List<Unit>> units) {

	/** A project or a desk. */
	record Unit(String id, String name) {
	}

	static KnownValues of(OrganisationService organisation) {
		return new KnownValues(organisation.clientTypes(), Map.of(ClientColumn.PROJECT,
				organisation.projects().stream().map((p) -> new Unit(p.id(), p.name())).toList(), ClientColumn.DESK,
				organisation.desks().stream().map((d) -> new Unit(d.id(), d.name())).toList()));
	}

	/** The client type spelled so, ignoring case, in its canonical spelling. */
	Optional<String> type(String value) {
		return this.types.stream()
			.filter((type) -> ColumnMapping.key(type).equals(ColumnMapping.key(value)))
			.findFirst();
	}

	/** The project or desk with this ID, or this name ignoring case. */
	Optional<Unit> unit(ClientColumn field, String value) {
		String key = ColumnMapping.key(value);
		return this.units.getOrDefault(field, List.of())
			.stream()
			.filter((unit) -> unit.id().equals(value.strip()) || ColumnMapping.key(unit.name()).equals(key))
			.findFirst();
	}

}
