package io.clientdesk.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupLogTest {

	@Test
	void the_logged_url_has_no_password_in_its_query() {
		assertThat(StartupLog.withoutCredentials("jdbc:postgresql://h/db?password=secret"))
			.isEqualTo("jdbc:postgresql://h/db?password=***");
		assertThat(StartupLog.withoutCredentials(
				"jdbc:postgresql://h:5432/db?user=crm&password=secret&sslmode=verify-full&sslpassword=key-secret"))
			.isEqualTo("jdbc:postgresql://h:5432/db?user=crm&password=***&sslmode=verify-full&sslpassword=***");
	}

	@Test
	void the_logged_url_has_no_user_or_password_before_the_host() {
		assertThat(StartupLog.withoutCredentials("jdbc:postgresql://crm:secret@h:5432/db?sslmode=require"))
			.isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require");
		assertThat(StartupLog.withoutCredentials("jdbc:postgresql://crm@h/db")).isEqualTo("jdbc:postgresql://h/db");
	}

	@Test
	void the_logged_url_has_no_password_in_h2_settings() {
		assertThat(
				StartupLog.withoutCredentials("jdbc:h2:file:./data/clientdesk;USER=sa;PASSWORD=secret;MODE=PostgreSQL"))
			.isEqualTo("jdbc:h2:file:./data/clientdesk;USER=sa;PASSWORD=***;MODE=PostgreSQL");
	}

	@Test
	void a_url_without_credentials_is_logged_as_it_is() {
		assertThat(StartupLog.withoutCredentials("jdbc:postgresql://127.0.0.1:5432/clientdesk"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/clientdesk");
		assertThat(StartupLog.withoutCredentials("jdbc:h2:mem:clientdesk-test"))
			.isEqualTo("jdbc:h2:mem:clientdesk-test");
	}

}
