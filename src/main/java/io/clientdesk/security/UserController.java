package io.clientdesk.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.shared.ConflictException;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.NotFoundException;
import io.clientdesk.shared.Problem;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Users page, for admins: every user with their role, state and last login; a form to
 * create one; and per user, change the role, disable or enable, set a new password, and
 * (not for admins) limit them to some projects and desks, on a page of its own. Plain
 * forms, POST then redirect; a form with mistakes comes back (422) with each one next to
 * its field and what was typed kept, passwords excepted.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserController {

	private final UserService users;

	private final Validator validator;

	private final OrganisationService organisation;

	UserController(UserService users, Validator validator, OrganisationService organisation) {
		this.users = users;
		this.validator = validator;
		this.organisation = organisation;
	}

	/** What the create form holds (a role as typed, which may be none). */
	record CreateForm(String username, String role) {
	}

	@GetMapping("/users")
	String list(Model model) {
		return page(model, new CreateForm("", Role.AGENT.name()), Map.of(), null, Map.of());
	}

	@PostMapping("/users")
	String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String role, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		CreateForm form = new CreateForm(username, role);
		Role chosen = role(role);
		Map<String, String> errors = errors(this.validator.validate(new NewUser(username, password, chosen)));
		if (chosen == null) {
			errors.put("role", "choose a role");
		}
		if (errors.isEmpty()) {
			try {
				this.users.create(new NewUser(username, password, chosen));
				redirect.addFlashAttribute("done", "Created the user " + username + ".");
				return "redirect:/users";
			}
			catch (ConflictException ex) {
				errors.put("username", ex.getBody().getDetail());
			}
		}
		response.setStatus(422);
		return page(model, form, errors, null, Map.of());
	}

	@PostMapping("/users/{username}/role")
	String changeRole(@PathVariable String username, @RequestParam(defaultValue = "") String role, Authentication admin,
			RedirectAttributes redirect) {
		Role chosen = role(role);
		if (chosen == null) {
			redirect.addFlashAttribute("failed", "Choose a role for " + username + ".");
			return "redirect:/users";
		}
		return change(username, new UserChange(chosen, null), admin,
				"Changed the role of " + username + " to " + chosen + ".", redirect);
	}

	@PostMapping("/users/{username}/enabled")
	String changeEnabled(@PathVariable String username, @RequestParam boolean enabled, Authentication admin,
			RedirectAttributes redirect) {
		return change(username, new UserChange(null, enabled), admin,
				(enabled ? "Enabled " : "Disabled ") + username + (enabled ? "." : ": their sessions have ended."),
				redirect);
	}

	@PostMapping("/users/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		NewPassword change = new NewPassword(password);
		Map<String, String> errors = errors(this.validator.validate(change));
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return page(model, new CreateForm("", Role.AGENT.name()), Map.of(), null,
					Map.of(username, errors.get("password")));
		}
		try {
			this.users.resetPassword(username, change);
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("failed", ex.getBody().getDetail());
			return "redirect:/users";
		}
		redirect.addFlashAttribute("done", "Set a new password for " + username + ": their sessions have ended.");
		return "redirect:/users";
	}

	/**
	 * A user's scope on a page of its own: the projects and desks to choose from are
	 * listed once, not once per user on the Users page (which, with hundreds of users and
	 * desks, grew to tens of thousands of options).
	 */
	@GetMapping("/users/{username}/scope")
	String scope(@PathVariable String username, Model model) {
		User user = this.users.find(username);
		model.addAttribute("user", user);
		model.addAttribute("scope", this.users.scope(user.username()));
		model.addAttribute("projects", this.organisation.projects());
		model.addAttribute("desks", this.organisation.desks());
		return "security/user-scope";
	}

	/**
	 * The scope form: the projects and desks chosen (none: no limit on that dimension).
	 */
	@PostMapping("/users/{username}/scope")
	String changeScope(@PathVariable String username,
			@RequestParam(name = "projects", required = false) List<String> projects,
			@RequestParam(name = "desks", required = false) List<String> desks, RedirectAttributes redirect) {
		try {
			Scope scope = this.users.changeScope(username,
					new ScopeChange((projects != null) ? projects : List.of(), (desks != null) ? desks : List.of()));
			redirect.addFlashAttribute("done",
					scope.limited() ? "Limited " + username + " to " + this.users.describe(scope) + "."
							: username + " is not limited: they see every client.");
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("failed", "The scope of " + username + " was not changed: "
					+ ex.problems().stream().map(Problem::message).collect(Collectors.joining("; ")) + ".");
		}
		catch (ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("failed", ex.getBody().getDetail());
		}
		return "redirect:/users";
	}

	private String change(String username, UserChange change, Authentication admin, String done,
			RedirectAttributes redirect) {
		try {
			this.users.change(username, change, admin.getName());
			redirect.addFlashAttribute("done", done);
		}
		catch (ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("failed", ex.getBody().getDetail());
		}
		return "redirect:/users";
	}

	private String page(Model model, CreateForm form, Map<String, String> errors, String failed,
			Map<String, String> resetErrors) {
		model.addAttribute("users", this.users.users());
		model.addAttribute("scopes", this.users.scopesInWords());
		model.addAttribute("roles", Role.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("resetErrors", resetErrors);
		if (failed != null) {
			model.addAttribute("failed", failed);
		}
		return "security/users";
	}

	private static Role role(String name) {
		for (Role role : Role.values()) {
			if (role.name().equals(name)) {
				return role;
			}
		}
		return null;
	}

	/** The first problem of each field, by field, in a steady order. */
	static Map<String, String> errors(Set<? extends ConstraintViolation<?>> violations) {
		Map<String, String> errors = new LinkedHashMap<>();
		violations.stream()
			.sorted(java.util.Comparator.comparing(UserController::missing)
				.thenComparing(ConstraintViolation::getMessage))
			.forEach((v) -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
		return errors;
	}

	/** 0 for "must not be blank" or "null", said before what is wrong with a value. */
	private static int missing(ConstraintViolation<?> violation) {
		String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		return constraint.startsWith("Not") ? 0 : 1;
	}

}
