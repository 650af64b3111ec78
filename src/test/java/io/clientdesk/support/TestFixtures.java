package io.clientdesk.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every {@link IntegrationTest} may autowire to act as a user of the application:
 * its {@link Api}, {@link Imports} through it, and {@link TestClients} in its database.
 * Lazy, since the server's port is known only once the server has started.
 */
@TestConfiguration(proxyBeanMethods = false)
@Lazy
class TestFixtures {

	@Bean
	Api testApi(@LocalServerPort int port) {
		return new Api(port);
	}

	@Bean
	Imports testImports(Api api) {
		return new Imports(api);
	}

	@Bean
	TestClients testClients(JdbcClient jdbc) {
		return new TestClients(jdbc);
	}

}
