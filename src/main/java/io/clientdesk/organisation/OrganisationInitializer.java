package io.clientdesk.organisation;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the default project and desk, used as import defaults, and
 * stores the client types of the setting; at every start, warns of names that collide
 * ignoring case (kept by the migration that made names unique so).
 */
@Component
class OrganisationInitializer implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OrganisationInitializer.class);

	private final OrganisationService organisation;

	OrganisationInitializer(OrganisationService organisation) {
		this.organisation = organisation;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			this.organisation.setUpClientTypes();
		}
		catch (DataIntegrityViolationException ex) {
			// another server of the cluster stored them at the same time; its transaction
			// won
		}
		try {
			this.organisation.setUpDefaults();
		}
		catch (DataIntegrityViolationException ex) {
			// another server of the cluster set them up at the same time; its transaction
			// won
		}
		List<String> colliding = this.organisation.namesCollidingIgnoringCase();
		if (!colliding.isEmpty()) {
			log.warn(
					"These names equal others ignoring case, which is no longer allowed; they were kept as they "
							+ "were, and an admin should rename them on the Projects & desks page: {}",
					String.join(", ", colliding));
		}
	}

}
