package io.clientdesk.organisation;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the default project and desk, used as import defaults.
 */
@Component
class OrganisationInitializer implements ApplicationRunner {

	private final OrganisationService organisation;

	OrganisationInitializer(OrganisationService organisation) {
		this.organisation = organisation;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			this.organisation.setUpDefaults();
		}
		catch (DataIntegrityViolationException ex) {
			// another server of the cluster set them up at the same time; its transaction
			// won
		}
	}

}
