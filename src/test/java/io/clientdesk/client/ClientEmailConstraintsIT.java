package io.clientdesk.client;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestClients;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The database itself keeps emails unique regardless of case, whatever code writes to it
 * (an import running on two servers at once, a script): emails are stored lower-case and
 * the unique index does the rest.
 */
@IntegrationTest
class ClientEmailConstraintsIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClients clients;

	@Test
	void the_database_refuses_an_email_that_is_already_stored() {
		String email = "twice." + ObjectIds.next() + "@example.com";
		insert(email);

		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> insert(email));
		assertThat(count(email)).isEqualTo(1);
	}

	@Test
	void the_database_refuses_two_emails_that_differ_only_in_case() {
		String email = "case." + ObjectIds.next() + "@example.com";
		insert(email);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insert("Case." + email.substring(5)));
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> insert(email.toUpperCase()));
		assertThat(count(email)).isEqualTo(1);
	}

	@Test
	void the_database_refuses_an_email_that_is_not_lower_case() {
		String email = "Upper." + ObjectIds.next() + "@Example.com";

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> insert(email))
			.satisfies((ex) -> assertThat(ex.getMostSpecificCause().getMessage())
				.containsIgnoringCase("clients_email_lower_case"));
		assertThat(count(email)).isZero();
	}

	@Test
	void the_database_takes_a_lower_case_email() {
		String email = "lower." + ObjectIds.next() + "@example.com";
		insert(email);
		assertThat(count(email)).isEqualTo(1);
	}

	private void insert(String email) {
		this.clients.insert("Email", "Constraint", email, this.clients.defaultProject(), this.clients.defaultDesk(),
				true, "Personal", Instant.now());
	}

	private long count(String email) {
		return this.jdbc.sql("select count(*) from clients where lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

}
