package io.clientdesk.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's Spring context at a database of its own (see {@link TestDatabase}),
 * with wide login limits.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>(TestDatabase.newDatabase());
		properties.put("clientdesk.admin.password", IntegrationTest.ADMIN_PASSWORD);
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", properties));
		// every test of a run talks to one cached context from one address, as a whole
		// office behind one router would, and some send wrong passwords on purpose: the
		// login limits are wide, below every other source, so that LoginThrottlingIT
		// sets its own
		context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("test-login-limits", Map.of("clientdesk.security.login.per-user-failures",
					"1000", "clientdesk.security.login.per-address-failures", "10000")));
	}

}
