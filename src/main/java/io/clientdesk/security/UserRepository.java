package io.clientdesk.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users table. Every lookup is by {@code username_key}, the name in lower case, so
 * that {@code Maria} and {@code maria} are one user; the name is kept as it was created.
 */
@Repository
class UserRepository {

	record StoredUser(String username, String passwordHash, Role role, boolean enabled, Instant createdAt) {
	}

	private static final String COLUMNS = "select username, password_hash, role, enabled, created_at from users";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The key a username is found by: ASCII only (NewUser), so no locale matters. */
	static String key(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	Optional<StoredUser> find(String username) {
		return this.jdbc.sql(COLUMNS + " where username_key = ?").param(key(username)).query(this::user).optional();
	}

	List<StoredUser> findAll() {
		return this.jdbc.sql(COLUMNS + " order by username_key").query(this::user).list();
	}

	boolean exists(String username) {
		return this.jdbc.sql("select count(*) from users where username_key = ?")
			.param(key(username))
			.query(Integer.class)
			.single() > 0;
	}

	void insert(String username, String passwordHash, Role role, Instant createdAt) {
		this.jdbc
			.sql("insert into users (username, username_key, password_hash, role, created_at, enabled)"
					+ " values (?, ?, ?, ?, ?, ?)")
			.params(username, key(username), passwordHash, role.name(), Timestamp.from(createdAt), true)
			.update();
	}

	void updateRole(String username, Role role) {
		this.jdbc.sql("update users set role = ? where username_key = ?").params(role.name(), key(username)).update();
	}

	void updateEnabled(String username, boolean enabled) {
		this.jdbc.sql("update users set enabled = ? where username_key = ?").params(enabled, key(username)).update();
	}

	void updatePassword(String username, String passwordHash) {
		this.jdbc.sql("update users set password_hash = ? where username_key = ?")
			.params(passwordHash, key(username))
			.update();
	}

	/**
	 * The user's scope as stored (the exact {@code username} as created): the project and
	 * desk IDs, none meaning no limit on that dimension.
	 */
	Scope scope(String username) {
		return new Scope(
				this.jdbc.sql("select project_id from user_project_scopes where username = ?")
					.param(username)
					.query(String.class)
					.list(),
				this.jdbc.sql("select desk_id from user_desk_scopes where username = ?")
					.param(username)
					.query(String.class)
					.list());
	}

	/** Every user's scope that has a limit, by the username as created. */
	Map<String, Scope> scopes() {
		Map<String, List<String>> projects = new HashMap<>();
		Map<String, List<String>> desks = new HashMap<>();
		this.jdbc.sql("select username, project_id from user_project_scopes").query((rs) -> {
			projects.computeIfAbsent(rs.getString(1), (name) -> new ArrayList<>()).add(rs.getString(2));
		});
		this.jdbc.sql("select username, desk_id from user_desk_scopes").query((rs) -> {
			desks.computeIfAbsent(rs.getString(1), (name) -> new ArrayList<>()).add(rs.getString(2));
		});
		Map<String, Scope> scopes = new HashMap<>();
		Set<String> names = new HashSet<>(projects.keySet());
		names.addAll(desks.keySet());
		for (String name : names) {
			scopes.put(name, new Scope(projects.getOrDefault(name, List.of()), desks.getOrDefault(name, List.of())));
		}
		return scopes;
	}

	/** Replaces the user's scope (the exact {@code username} as created). */
	void replaceScope(String username, Scope scope) {
		this.jdbc.sql("delete from user_project_scopes where username = ?").param(username).update();
		this.jdbc.sql("delete from user_desk_scopes where username = ?").param(username).update();
		for (String project : scope.projects()) {
			this.jdbc.sql("insert into user_project_scopes (username, project_id) values (?, ?)")
				.params(username, project)
				.update();
		}
		for (String desk : scope.desks()) {
			this.jdbc.sql("insert into user_desk_scopes (username, desk_id) values (?, ?)")
				.params(username, desk)
				.update();
		}
	}

	/**
	 * Locks the user's row until the transaction ends: two admins changing one user's
	 * scope at once replace it one after the other.
	 */
	void lock(String username) {
		this.jdbc.sql("select username from users where username = ? for update")
			.param(username)
			.query(String.class)
			.list();
	}

	/**
	 * The keys of the enabled admins, their rows locked until the transaction ends: two
	 * admins demoting or disabling each other at once are checked one after the other, so
	 * that the second sees the first's change and one admin is always left.
	 */
	List<String> lockEnabledAdmins() {
		return this.jdbc.sql("select username_key from users where role = ? and enabled = ? for update")
			.params(Role.ADMIN.name(), true)
			.query(String.class)
			.list();
	}

	private StoredUser user(ResultSet rs, int row) throws SQLException {
		return new StoredUser(rs.getString("username"), rs.getString("password_hash"),
				Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant());
	}

}
