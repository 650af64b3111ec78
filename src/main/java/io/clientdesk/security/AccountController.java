package io.clientdesk.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;

import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.LimitReachedException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everybody's Account page: their role, a form to change their own password (the current
 * one, the new one twice), and their recent logins and failed logins. A change ends the
 * user's other sessions; this one stays.
 */
@Controller
class AccountController {

	private final UserService users;

	private final Validator validator;

	AccountController(UserService users, Validator validator) {
		this.users = users;
		this.validator = validator;
	}

	@GetMapping("/account")
	String account(Authentication me, Model model) {
		return page(me, model, Map.of(), null);
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, Authentication me, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		PasswordChange change = new PasswordChange(currentPassword, newPassword);
		Map<String, String> errors = UserController.errors(this.validator.validate(change));
		if (currentPassword.isEmpty()) {
			errors.put("currentPassword", "must not be blank");
		}
		if (!errors.containsKey("newPassword") && !newPassword.equals(confirmPassword)) {
			errors.put("confirmPassword", "is not the same as the new password");
		}
		if (errors.isEmpty()) {
			HttpSession session = request.getSession(false);
			try {
				this.users.changeOwnPassword(me.getName(), change, request.getRemoteAddr(),
						(session != null) ? session.getId() : null);
				redirect.addFlashAttribute("done",
						"Your password is changed. Your other sessions have ended; this one goes on.");
				return "redirect:/account";
			}
			catch (InvalidRequestException ex) {
				ex.problems().forEach((problem) -> errors.put(problem.column(), problem.message()));
			}
			catch (LimitReachedException ex) {
				response.setStatus(429);
				return page(me, model, errors, ex.getBody().getDetail());
			}
		}
		response.setStatus(422);
		return page(me, model, errors, null);
	}

	private String page(Authentication me, Model model, Map<String, String> errors, String failed) {
		model.addAttribute("me", this.users.find(me.getName()));
		model.addAttribute("logins", this.users.recentLogins(me.getName()));
		Scope scope = this.users.scopeOf(me.getName());
		model.addAttribute("scope", scope.limited() ? this.users.describe(scope) : null);
		model.addAttribute("errors", errors);
		if (failed != null) {
			model.addAttribute("failed", failed);
		}
		return "security/account";
	}

}
