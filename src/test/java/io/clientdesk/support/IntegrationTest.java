package io.clientdesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on a database of its own: H2, or PostgreSQL
 * when the build runs the integration tests for it. The user {@code admin} has
 * {@link #ADMIN_PASSWORD}. A test autowires the fixtures it needs ({@link Api},
 * {@link Imports}, {@link TestClients}; see {@link TestFixtures}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PostgresAvailableCondition.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(TestFixtures.class)
public @interface IntegrationTest {

	String ADMIN_PASSWORD = "admin-test-password";

}
