package io.clientdesk.importing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.profile.MappingProposal;
import io.clientdesk.organisation.Desk;
import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.organisation.Project;
import io.clientdesk.shared.Problem;

/**
 * What the import dialog's mapping step shows: each column of the file beside the field
 * proposed or chosen for it and a few of its values, the values of {@code active},
 * {@code type}, {@code project} and {@code desk} to map, the date order and the profile's
 * name; and, after a refused save, its problems.
 */
record MappingStep(List<Column> columns, List<String> fields, List<ValueGroup> valueGroups, String dateFormat,
		String profileName, List<Problem> problems) {

	record Column(String header, String field, String samples) {
	}

	record ValueGroup(String field, List<String> options, List<Value> values) {
	}

	record Value(String found, String stored) {
	}

	static MappingStep of(MappingProposal proposal, MappingForm form, OrganisationService organisation,
			List<Problem> problems) {
		List<Column> columns = new ArrayList<>();
		proposal.columns()
			.forEach((header, field) -> columns.add(new Column(header, (field != null) ? field : "",
					String.join(" · ", proposal.samples().getOrDefault(header, List.of())))));
		List<ValueGroup> groups = new ArrayList<>();
		proposal.values().forEach((field, values) -> {
			List<Value> entries = new ArrayList<>();
			values.forEach((found, proposed) -> {
				String chosen = (form != null) ? form.stored(field, found) : null;
				entries.add(new Value(found, (chosen != null) ? chosen : ((proposed != null) ? proposed : "")));
			});
			groups.add(new ValueGroup(field, options(field, organisation), entries));
		});
		String dateFormat = (form != null && form.present()) ? form.dateFormat() : proposal.dateFormat();
		return new MappingStep(columns, ClientColumn.canonicalHeaders(), groups, dateFormat,
				(form != null) ? form.name() : null, problems);
	}

	/** The values a field may be mapped to: what the import takes. */
	static List<String> options(String field, OrganisationService organisation) {
		return switch (field) {
			case "active" -> List.of("true", "false");
			case "type" -> organisation.clientTypes();
			case "project" -> organisation.projects().stream().filter((p) -> !p.archived()).map(Project::name).toList();
			case "desk" -> organisation.desks().stream().filter((d) -> !d.archived()).map(Desk::name).toList();
			default -> List.of();
		};
	}

	/** The date orders a profile may declare, with their names for people. */
	static final List<Map.Entry<String, String>> DATE_FORMATS = List.of(Map.entry("DMY", "Day first (13.06.2024)"),
			Map.entry("MDY", "Month first (06/13/2024)"), Map.entry("YMD", "Year first (2024/06/13)"));

}
