package io.clientdesk.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import io.clientdesk.web.ProblemAnswer;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserApiController {

	private final UserService users;

	UserApiController(UserService users) {
		this.users = users;
	}

	@GetMapping("/api/users")
	@PreAuthorize("hasRole('ADMIN')")
	List<User> list() {
		return this.users.users();
	}

	@PostMapping("/api/users")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	@ProblemAnswer(status = 409, when = "A user of that name exists (names are matched ignoring case)")
	User create(@Valid @RequestBody NewUser user) {
		return this.users.create(user);
	}

	@PatchMapping("/api/users/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	@ProblemAnswer(status = 404, when = "No user of that name (matched ignoring case)")
	@ProblemAnswer(status = 409,
			when = "It would leave no enabled admin (the last one demoted or disabled), or disable the caller")
	User change(@PathVariable String username, @RequestBody UserChange change, Authentication caller) {
		return this.users.change(username, change, caller.getName());
	}

	@PostMapping("/api/users/{username}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('ADMIN')")
	@ProblemAnswer(status = 404, when = "No user of that name (matched ignoring case)")
	void resetPassword(@PathVariable String username, @Valid @RequestBody NewPassword password) {
		this.users.resetPassword(username, password);
	}

	@GetMapping("/api/users/{username}/scope")
	@PreAuthorize("hasRole('ADMIN')")
	@ProblemAnswer(status = 404, when = "No user of that name (matched ignoring case)")
	Scope scope(@PathVariable String username) {
		return this.users.scope(username);
	}

	@PutMapping("/api/users/{username}/scope")
	@PreAuthorize("hasRole('ADMIN')")
	@ProblemAnswer(status = 404, when = "No user of that name (matched ignoring case)")
	@ProblemAnswer(status = 409, when = "The user is an admin: admins are never scoped")
	@ProblemAnswer(status = 422,
			when = "projects or desks missing, or an ID that is not one or is unknown (each named)")
	Scope changeScope(@PathVariable String username, @RequestBody ScopeChange change) {
		return this.users.changeScope(username, change);
	}

	@GetMapping("/api/account/scope")
	@PreAuthorize("isAuthenticated()")
	Scope ownScope(Authentication caller) {
		return this.users.scopeOf(caller.getName());
	}

	@PostMapping("/api/account/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("isAuthenticated()")
	@ProblemAnswer(status = 422, when = "currentPassword is not the caller's password, or newPassword breaks the rules")
	@ProblemAnswer(status = 429, when = "Too many wrong passwords for this user or address, as for a login")
	void changeOwnPassword(@Valid @RequestBody PasswordChange change, Authentication caller,
			HttpServletRequest request) {
		this.users.changeOwnPassword(caller.getName(), change, request.getRemoteAddr(), null);
	}

}
