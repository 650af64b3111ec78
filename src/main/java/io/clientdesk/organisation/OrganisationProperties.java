package io.clientdesk.organisation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the organisation: the client types users may choose from, in their
 * canonical spelling, and the names of the project and desk created on first start.
 */
@ConfigurationProperties("clientdesk.organisation")
public record OrganisationProperties(@DefaultValue( {
		"Personal", "Corporate" }) List<String> clientTypes, @DefaultValue("Default project") String defaultProjectName,
		@DefaultValue("Default desk") String defaultDeskName){

	/**
	 * The settings as they are when none is given (for the offline validator, which runs
	 * without Spring): the defaults are written once, in the annotations above.
	 */
	public static OrganisationProperties defaults() {
		return new Binder().bindOrCreate("clientdesk.organisation", OrganisationProperties.class);
	}

}
