package io.clientdesk.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clientdesk.audit.AuditAction;
import io.clientdesk.audit.AuditLog;

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

	private final AuditLog audit;

	AdminAccountInitializer(UserRepository users, PasswordEncoder passwordEncoder, AdminProperties properties,
			AuditLog audit) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
		this.audit = audit;
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
		this.audit.record(AuditAction.USER_CREATED, ADMIN,
				Map.of("role", Role.ADMIN, "password", generated ? "generated" : "CLIENTDESK_ADMIN_PASSWORD"));
		if (generated) {
			log.warn("""

					Created the user 'admin' with the generated password: {}
					It is shown only this once: log in and change it on the Account page (/account).
					Set CLIENTDESK_ADMIN_PASSWORD before the first start to choose it.
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
