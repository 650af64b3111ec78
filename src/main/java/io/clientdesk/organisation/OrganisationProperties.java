package io.clientdesk.organisation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the organisation ({@code clientdesk.organisation.*}).
 *
 * @param clientTypes the client types stored at the first start (and at the first start
 * of a version that stores them), in their canonical spelling; afterwards admins edit
 * them on the Projects & desks page or with {@code PUT /api/settings/client-types}, and
 * this setting is not read
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
