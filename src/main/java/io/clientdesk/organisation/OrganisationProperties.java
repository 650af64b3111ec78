package io.clientdesk.organisation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the organisation: the client types users may choose from, in their
 * canonical spelling, and the names of the project and desk created on first start.
 */
@ConfigurationProperties("clientdesk.organisation")
public record OrganisationProperties(@DefaultValue( {
		PERSONAL, CORPORATE }) List<String> clientTypes, @DefaultValue("Default project") String defaultProjectName,
		@DefaultValue("Default desk") String defaultDeskName){

	static final String PERSONAL = "Personal";

	static final String CORPORATE = "Corporate";

	/**
	 * The client types when none is set, for the offline validator, which runs without
	 * Spring.
	 */
	public static List<String> defaultClientTypes() {
		return List.of(PERSONAL, CORPORATE);
	}

}
