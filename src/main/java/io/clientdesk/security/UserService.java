package io.clientdesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.clientdesk.audit.AuditAction;
import io.clientdesk.audit.AuditEntry;
import io.clientdesk.audit.AuditLog;
import io.clientdesk.organisation.Desk;
import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.organisation.Project;
import io.clientdesk.security.UserRepository.StoredUser;
import io.clientdesk.shared.ConflictException;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.LimitReachedException;
import io.clientdesk.shared.NotFoundException;
import io.clientdesk.shared.ObjectIds;
import io.clientdesk.shared.Problem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users: creating and administering them, each one's own password, and looking them up
 * when they log in. Usernames are matched ignoring case everywhere.
 * <p>
 * A change that takes rights away (disabled, another role, a new password set by an
 * admin) ends the user's sessions on every server ({@link UserSessions}); their API calls
 * see it at the next request, since a remembered password check is compared with the
 * stored user each time ({@link CachingAuthenticationProvider}). Nothing may leave the
 * server without an enabled admin.
 */
@Service
public class UserService implements UserDetailsService {

	/** Logins shown on the Account page. */
	static final int RECENT_LOGINS = 20;

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final UserSessions sessions;

	/**
	 * The login's checks (throttling, bcrypt), for the current password of a change:
	 * looked up when needed, since they are built on this service.
	 */
	private final ObjectProvider<LoginThrottle> logins;

	private final LoginThrottleProperties limits;

	private final OrganisationService organisation;

	UserService(UserRepository users, PasswordEncoder passwordEncoder, AuditLog audit, UserSessions sessions,
			ObjectProvider<LoginThrottle> logins, LoginThrottleProperties limits, OrganisationService organisation) {
		this.users = users;
		this.organisation = organisation;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.sessions = sessions;
		this.logins = logins;
		this.limits = limits;
	}

	/** Every user, by name, with their latest login. */
	@Transactional(readOnly = true)
	public List<User> users() {
		return this.users.findAll().stream().map(this::user).toList();
	}

	@Transactional
	public User create(NewUser user) {
		this.users.find(user.username()).ifPresent((existing) -> {
			throw taken(user.username(), existing.username());
		});
		Instant now = Instant.now();
		try {
			this.users.insert(user.username(), this.passwordEncoder.encode(user.password()), user.role(), now);
		}
		catch (DuplicateKeyException ex) {
			throw taken(user.username(), user.username());
		}
		this.audit.record(AuditAction.USER_CREATED, user.username(), Map.of("role", user.role()));
		return new User(user.username(), user.role(), true, now, null);
	}

	/**
	 * Changes a user's role and/or enabled state, as the admin {@code actor}. Refused
	 * (409) where it would leave no enabled admin, or disable the actor.
	 */
	@Transactional
	User change(String username, UserChange change, String actor) {
		if (change.role() == null && change.enabled() == null) {
			throw new InvalidRequestException("Nothing to change",
					List.of(Problem.of("role", "send a role, enabled, or both")));
		}
		StoredUser user = existing(username);
		Role role = (change.role() != null) ? change.role() : user.role();
		boolean enabled = (change.enabled() != null) ? change.enabled() : user.enabled();
		if (role == user.role() && enabled == user.enabled()) {
			return user(user);
		}
		if (!enabled && UserRepository.key(user.username()).equals(UserRepository.key(actor))) {
			throw new ConflictException("You cannot disable yourself: another admin can, if it must be done");
		}
		if (role != Role.ADMIN || !enabled) {
			requireAnotherEnabledAdmin(user);
		}
		if (role != user.role()) {
			this.users.updateRole(user.username(), role);
			Map<String, Object> details = new LinkedHashMap<>(Map.of("from", user.role(), "to", role));
			if (role == Role.ADMIN && this.users.scope(user.username()).limited()) {
				// admins are never scoped: an admin's scope would be a limit nobody sees
				this.users.replaceScope(user.username(), Scope.UNLIMITED);
				details.put("scopeRemoved", true);
			}
			this.audit.record(AuditAction.USER_ROLE_CHANGED, user.username(), details);
		}
		if (enabled != user.enabled()) {
			this.users.updateEnabled(user.username(), enabled);
			this.audit.record(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, user.username(),
					Map.of());
		}
		if (role != user.role() || !enabled) {
			// the rights in their sessions are the old ones: they log in again
			this.sessions.endAfterCommit(user.username(), null);
		}
		return user(existing(user.username()));
	}

	/** An admin sets a user's password; the user's sessions end. */
	@Transactional
	void resetPassword(String username, NewPassword password) {
		StoredUser user = existing(username);
		this.users.updatePassword(user.username(), this.passwordEncoder.encode(password.password()));
		this.audit.record(AuditAction.USER_PASSWORD_RESET, user.username(), Map.of());
		this.sessions.endAfterCommit(user.username(), null);
	}

	/**
	 * A user changes their own password, giving the current one: checked like a login (a
	 * wrong one spends the login budget, and too many are refused as logins are). Their
	 * other sessions end; the one they are using, if any, stays.
	 * @param clientAddress the request's address, for the login throttle
	 * @param keepSession the ID of the session making the change, or {@code null}
	 */
	@Transactional
	void changeOwnPassword(String username, PasswordChange change, String clientAddress, String keepSession) {
		StoredUser user = existing(username);
		checkCurrentPassword(user.username(), change.currentPassword(), clientAddress);
		this.users.updatePassword(user.username(), this.passwordEncoder.encode(change.newPassword()));
		this.audit.record(AuditAction.PASSWORD_CHANGED, user.username(), Map.of());
		this.sessions.endAfterCommit(user.username(), keepSession);
	}

	/**
	 * The clients the user works with: their scope, or {@link Scope#UNLIMITED} for an
	 * admin (never scoped) and for a name that is no user's. Read at each request, so a
	 * change counts at once.
	 */
	@Transactional(readOnly = true)
	public Scope scopeOf(String username) {
		if (username == null || username.indexOf('\0') >= 0) {
			return Scope.UNLIMITED;
		}
		return this.users.find(username)
			.filter((user) -> user.role() != Role.ADMIN)
			.map((user) -> this.users.scope(user.username()))
			.orElse(Scope.UNLIMITED);
	}

	/** A user's scope as an admin reads it; 404 for no such user. */
	@Transactional(readOnly = true)
	Scope scope(String username) {
		return this.users.scope(existing(username).username());
	}

	/** Every limited scope in words, by username as created (the Users page). */
	@Transactional(readOnly = true)
	Map<String, String> scopesInWords() {
		Map<String, String> projects = projectNames();
		Map<String, String> desks = deskNames();
		Map<String, String> words = new HashMap<>();
		this.users.scopes().forEach((username, scope) -> words.put(username, describe(scope, projects, desks)));
		return words;
	}

	/**
	 * An admin limits a user to some projects and desks ({@link ScopeChange}), or lifts
	 * the limit with empty lists. 404 for no such user; 422 naming each field missing and
	 * each ID that is not one or is unknown; 409 for an admin (never scoped). Archived
	 * projects and desks may be named: their clients stay visible.
	 */
	@Transactional
	Scope changeScope(String username, ScopeChange change) {
		StoredUser user = existing(username);
		List<Problem> problems = new ArrayList<>();
		List<String> projects = ids("projects", "project", change.projects(),
				this.organisation.projects().stream().map(Project::id).toList(), problems);
		List<String> desks = ids("desks", "desk", change.desks(),
				this.organisation.desks().stream().map(Desk::id).toList(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException("The scope is not valid", problems);
		}
		Scope scope = new Scope(projects, desks);
		if (user.role() == Role.ADMIN && scope.limited()) {
			throw new ConflictException(
					user.username() + " is an admin, and admins are never scoped: give them another role first");
		}
		this.users.lock(user.username());
		Scope before = this.users.scope(user.username());
		if (!before.equals(scope)) {
			this.users.replaceScope(user.username(), scope);
			this.audit.record(AuditAction.USER_SCOPE_CHANGED, user.username(),
					Map.of("projects", idsOrAny(scope.projects()), "desks", idsOrAny(scope.desks())));
		}
		return scope;
	}

	/** A scope in words, with the names of its projects and desks. */
	@Transactional(readOnly = true)
	String describe(Scope scope) {
		return describe(scope, projectNames(), deskNames());
	}

	private Map<String, String> projectNames() {
		return this.organisation.projects().stream().collect(Collectors.toMap(Project::id, Project::name));
	}

	private Map<String, String> deskNames() {
		return this.organisation.desks().stream().collect(Collectors.toMap(Desk::id, Desk::name));
	}

	private static String describe(Scope scope, Map<String, String> projects, Map<String, String> desks) {
		List<String> parts = new ArrayList<>();
		if (!scope.projects().isEmpty()) {
			parts.add("projects " + scope.projects().stream().map(projects::get).collect(Collectors.joining(", ")));
		}
		if (!scope.desks().isEmpty()) {
			parts.add("desks " + scope.desks().stream().map(desks::get).collect(Collectors.joining(", ")));
		}
		return String.join(" and ", parts);
	}

	/**
	 * The IDs of one field of a scope, each one known; adds a problem for the field
	 * missing and for each ID that is not one or is unknown.
	 */
	private static List<String> ids(String field, String what, List<String> given, List<String> known,
			List<Problem> problems) {
		if (given == null) {
			problems.add(Problem.of(field, "is missing: send a list of " + what + " IDs, [] for no limit"));
			return List.of();
		}
		List<String> ids = new ArrayList<>();
		for (String id : given) {
			if (id == null || !ObjectIds.isValid(id)) {
				problems.add(Problem.of(field, "'" + id + "' is not a " + what + " ID (24 lowercase hex digits)"));
			}
			else if (!known.contains(id)) {
				problems.add(Problem.of(field, "no " + what + " has the ID " + id));
			}
			else {
				ids.add(id);
			}
		}
		return ids;
	}

	private static String idsOrAny(List<String> ids) {
		return ids.isEmpty() ? "any" : String.join(",", ids);
	}

	/** A user as the pages and the API show them. */
	@Transactional(readOnly = true)
	User find(String username) {
		return user(existing(username));
	}

	/** The user's latest logins and failed logins, newest first. */
	@Transactional(readOnly = true)
	List<AuditEntry> recentLogins(String username) {
		return this.audit.recentLogins(existing(username).username(), RECENT_LOGINS);
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
				.disabled(!user.enabled())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	private void checkCurrentPassword(String username, String password, String clientAddress) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		attempt.setDetails(new WebAuthenticationDetails(clientAddress, null));
		try {
			this.logins.getObject().authenticate(attempt);
		}
		catch (BadCredentialsException ex) {
			throw new InvalidRequestException("The current password is wrong",
					List.of(Problem.of("currentPassword", "is not your current password")));
		}
		catch (LoginThrottledException ex) {
			boolean byUser = ex.limit() == LoginThrottled.Limit.USER;
			throw new LimitReachedException(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage(),
					byUser ? "clientdesk.security.login.per-user-failures"
							: "clientdesk.security.login.per-address-failures",
					Integer.toString(byUser ? this.limits.perUserFailures() : this.limits.perAddressFailures()),
					Duration.ofSeconds(ex.retryAfterSeconds()));
		}
	}

	private void requireAnotherEnabledAdmin(StoredUser user) {
		List<String> admins = this.users.lockEnabledAdmins();
		String key = UserRepository.key(user.username());
		if (admins.contains(key) && admins.size() == 1) {
			throw new ConflictException(user.username()
					+ " is the last enabled admin: make another user admin first, or nobody could administer users");
		}
	}

	private StoredUser existing(String username) {
		if (username == null || username.indexOf('\0') >= 0) {
			throw new NotFoundException("User", String.valueOf(username));
		}
		return this.users.find(username).orElseThrow(() -> new NotFoundException("User", username));
	}

	private User user(StoredUser user) {
		return new User(user.username(), user.role(), user.enabled(), user.createdAt(),
				this.audit.lastLogin(user.username()).orElse(null));
	}

	private static ConflictException taken(String username, String existing) {
		return new ConflictException(username.equals(existing) ? "User " + username + " already exists"
				: "User " + username + " already exists as " + existing + " (usernames are matched ignoring case)");
	}

}
