package io.clientdesk.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's Spring context at a database of its own (see {@link TestDatabase}).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>(TestDatabase.newDatabase());
		properties.put("clientdesk.admin.password", IntegrationTest.ADMIN_PASSWORD);
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", properties));
	}

}
