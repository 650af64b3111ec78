package io.clientdesk;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ClientDeskApplication.class);

	@Test
	void modules_only_use_each_others_public_api_and_have_no_cycles() {
		this.modules.verify();
	}

}
