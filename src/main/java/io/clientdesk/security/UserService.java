package io.clientdesk.security;

import java.time.Instant;
import java.util.Map;

import io.clientdesk.audit.AuditAction;
import io.clientdesk.audit.AuditLog;
import io.clientdesk.shared.ConflictException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users: creating them, and looking them up when they log in.
 */
@Service
public class UserService implements UserDetailsService {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	UserService(UserRepository users, PasswordEncoder passwordEncoder, AuditLog audit) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
	}

	@Transactional
	public User create(NewUser user) {
		if (this.users.exists(user.username())) {
			throw new ConflictException("User " + user.username() + " already exists");
		}
		try {
			this.users.insert(user.username(), this.passwordEncoder.encode(user.password()), user.role(),
					Instant.now());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("User " + user.username() + " already exists");
		}
		this.audit.record(AuditAction.USER_CREATED, user.username(), Map.of("role", user.role()));
		return new User(user.username(), user.role());
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		if (username.indexOf('\0') >= 0) {
			// no user has one (NewUser's pattern), and PostgreSQL refuses it in a
			// parameter
			throw new UsernameNotFoundException(username);
		}
		return this.users.find(username)
			.map((user) -> org.springframework.security.core.userdetails.User.withUsername(user.username())
				.password(user.passwordHash())
				.roles(user.role().name())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

}
