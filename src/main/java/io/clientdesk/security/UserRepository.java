package io.clientdesk.security;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	record StoredUser(String username, String passwordHash, Role role) {
	}

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredUser> find(String username) {
		return this.jdbc.sql("select username, password_hash, role from users where username = ?")
			.param(username)
			.query((rs, row) -> new StoredUser(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))))
			.optional();
	}

	boolean exists(String username) {
		return this.jdbc.sql("select count(*) from users where username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(String username, String passwordHash, Role role, Instant createdAt) {
		this.jdbc.sql("insert into users (username, password_hash, role, created_at) values (?, ?, ?, ?)")
			.params(username, passwordHash, role.name(), java.sql.Timestamp.from(createdAt))
			.update();
	}

}
