package io.clientdesk.organisation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the organisation ({@code clientdesk.organisation.*}).
 *
 * @param clientTypes the client types a client may have, in their canonical spelling (a
 * file's {@code type} is matched ignoring case)
 * @param defaultProjectName the name of the project created at first start
 * @param defaultDeskName the name of the desk created at first start
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
