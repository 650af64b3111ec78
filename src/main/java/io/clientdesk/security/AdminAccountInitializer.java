package io.clientdesk.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start, creates the user {@code admin}.
 */
@Component
class AdminAccountInitializer implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AdminProperties properties;

	AdminAccountInitializer(UserRepository users, PasswordEncoder passwordEncoder, AdminProperties properties) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.users.exists(ADMIN)) {
			return;
		}
		boolean generated = this.properties.password() == null || this.properties.password().isBlank();
		String password = generated ? generatePassword() : this.properties.password();
		try {
			this.users.insert(ADMIN, this.passwordEncoder.encode(password), Role.ADMIN, Instant.now());
		}
		catch (DuplicateKeyException ex) {
			return; // another server of the cluster created it first
		}
		if (generated) {
			log.warn("""

					Created the user 'admin' with the generated password: {}
					It is shown only this once. Set CLIENTDESK_ADMIN_PASSWORD before the first start to choose it.
					""", password);
		}
		else {
			log.info("Created the user 'admin' with the password from CLIENTDESK_ADMIN_PASSWORD");
		}
	}

	private static String generatePassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
